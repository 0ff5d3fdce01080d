/**
 * nameInitials takes the first letters from pinyin-pro's syllables itself (pinyin.ts says why);
 * it must give exactly what pinyin-pro's own first-letter mode gave, which is what every library
 * holds in name_initials: every CJK character alone, every word of pinyin-pro's dictionaries (the
 * words that decide polyphonic readings), in names, and random text mixing characters, letters,
 * digits, full-width forms, spaces, punctuation, 一/不 and characters beyond the BMP.
 */
import { pinyin } from 'pinyin-pro';
import DICT2 from 'pinyin-pro/dist/esm/data/dict2.mjs';
import DICT3 from 'pinyin-pro/dist/esm/data/dict3.mjs';
import DICT4 from 'pinyin-pro/dist/esm/data/dict4.mjs';
import DICT5 from 'pinyin-pro/dist/esm/data/dict5.mjs';
import { describe, expect, it } from 'vitest';
import { nameInitials } from '../../electron/services/pinyin';
import { DEMO_DISTRICTS, NAME_PARTS, SEED_NAMES } from '../../electron/services/demo-data';

/** The demo city's project names and every district + part + suffix its generator makes. */
const DEMO_PROJECT_NAMES = [
  ...Object.values(SEED_NAMES).flat(),
  ...Object.values(NAME_PARTS).flatMap(([parts, suffixes]) => DEMO_DISTRICTS.flatMap((d) => parts.flatMap((p) => suffixes.map((s) => `${d}${p}${s}`)))),
];

/** The old implementation, pinyin-pro's public API. */
const reference = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^0-9a-z]/gi, '')
    .toLowerCase();

/** The inputs on which the two differ (none expected), at most a few. */
function differences(inputs: Iterable<string>): { input: string; ours: string; reference: string }[] {
  const out = [];
  for (const input of inputs) {
    const ours = nameInitials(input);
    const want = reference(input);
    if (ours !== want) out.push({ input, ours, reference: want });
    if (out.length >= 5) break;
  }
  return out;
}

function* cjkCharacters(): Generator<string> {
  for (let c = 0x3400; c <= 0x4dbf; c++) yield String.fromCodePoint(c);
  for (let c = 0x4e00; c <= 0x9fff; c++) yield String.fromCodePoint(c);
  for (let c = 0x20000; c <= 0x2a6df; c += 7) yield String.fromCodePoint(c);
}

/** A deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('nameInitials', () => {
  it('reads names as pinyin-pro did: 海堤修复 → hdxf, letters and digits kept', () => {
    expect(nameInitials('海堤修复')).toBe('hdxf');
    expect(nameInitials('荣成市半月湾污水处理厂项目1')).toBe('rcsbywwsclcxm1');
    expect(nameInitials('G228丹东线（威海段）改建工程')).toBe(reference('G228丹东线（威海段）改建工程'));
    expect(nameInitials('')).toBe('');
    expect(nameInitials('——')).toBe('');
  });

  it('agrees with pinyin-pro on every CJK character', () => {
    expect(differences(cjkCharacters())).toEqual([]);
  });

  it("agrees on every word of pinyin-pro's dictionaries, alone and inside a name", () => {
    const words = [DICT2, DICT3, DICT4, DICT5].flatMap((d) => Object.keys(d));
    expect(words.length).toBeGreaterThan(4_000);
    expect(differences(words)).toEqual([]);
    expect(differences(words.map((w, i) => `${DEMO_PROJECT_NAMES[i % DEMO_PROJECT_NAMES.length]!.slice(0, 3)}${w}项目`))).toEqual([]);
  });

  it('agrees on project names and on random mixed text', () => {
    expect(differences(DEMO_PROJECT_NAMES)).toEqual([]);
    const pieces = ['一', '不', '一一', '不不', '说', '看', '行', '长', '重', '乐', '曾', '单', '朝', 'A', 'b', 'Z9', '0', '１２', 'ＡＢ', ' ', '　', '、', '（', '）', '-', '·', '𠀀', '𪚥', 'é', 'ü', 'Ⅻ', '\u200b', '.', '号', '楼', '期'];
    const next = random(17);
    const chars = [...cjkCharacters()];
    const texts: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 14);
      for (let k = 0; k < length; k++) text += next() < 0.5 ? pieces[Math.floor(next() * pieces.length)]! : chars[Math.floor(next() * 21_000) + 6_592]!;
      texts.push(text);
    }
    expect(differences(texts)).toEqual([]);
  });
});
