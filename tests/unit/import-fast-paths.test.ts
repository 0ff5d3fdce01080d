/**
 * The import's per-cell helpers have shortcuts for the common case (a plain name, a cell that is no
 * count, text without full-width digits or line breaks); each must answer exactly as the general
 * code it skips, kept here as the reference, on generated text of every kind.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, FIELD_BY_KEY, parseFieldInput } from '../../shared/fields';
import { normaliseNumberText } from '../../shared/money';
import { countCell } from '../../electron/services/import/list-headings';
import { normaliseName } from '../../electron/services/import/project-columns';
import { cellText } from '../../electron/services/import/sheet-table';

const reference = {
  normaliseName: (name: string) => name.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff\u3000]/g, '').toLowerCase(),
  countCell: (text: string) => {
    const m = /^(?:共|计)?\s*(\d+)\s*(?:项|个|宗)(?:项目)?$/.exec(text.replace(/\s/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    return m ? Number(m[1]) : null;
  },
  normaliseNumberText: (text: string) =>
    text
      .replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u200b\u00a0\u3000]/g, '')
      .replace(/,/g, ''),
  apostrophe: (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text),
  enumCode: (options: Record<string, string>, text: string) => Object.entries(options).find(([, label]) => label === text)?.[0],
};

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return (pieces: readonly string[], max: number) => {
    let out = '';
    for (let n = Math.floor(next() * (max + 1)); n > 0; n--) out += pieces[Math.floor(next() * pieces.length)];
    return out;
  };
}

const PIECES = ['海', '堤', '项目', '项', '个', '宗', '目', '共', '计', '12', '３', '０', '1.5', '，', ',', '．', '－', '＋', ' ', '\u3000', '\u00a0', '\u200b', '\ufeff', '\t', '\n', '\u2028', 'A', 'b', 'Ⅻ', '㈱', '（', '）', '丽', '\uf900', '\u2f00', 'ｱ', "'", '=', '+', '-', '@', '𠀀', '\ud800'];

describe('import shortcuts answer as the general code', () => {
  const texts = (() => {
    const gen = random(5);
    const out = ['', ' ', "'", "'=", "'=SUM(A1)", "''=", '12项', ' 共 12 个 ', '１２宗', '5项目', '项', '海堤修复工程', 'ABC产业园', 'abc'];
    for (let c = 0x4e00; c <= 0x9fff; c += 3) out.push(String.fromCharCode(c));
    for (let n = 0; n < 30_000; n++) out.push(gen(PIECES, 8));
    for (let n = 0; n < 5_000; n++) out.push(gen(['共', '计', ' ', '12', '３', '项', '个', '宗', '项目', '目', 'x'], 5));
    return out;
  })();

  it('normaliseName', () => {
    for (const t of texts) expect(normaliseName(t), JSON.stringify(t)).toBe(reference.normaliseName(t));
  });

  it('countCell', () => {
    let counts = 0;
    for (const t of texts) {
      const want = reference.countCell(t);
      if (want !== null) counts++;
      expect(countCell(t), JSON.stringify(t)).toBe(want);
    }
    expect(counts).toBeGreaterThan(100);
  });

  it('normaliseNumberText', () => {
    for (const t of texts) expect(normaliseNumberText(t), JSON.stringify(t)).toBe(reference.normaliseNumberText(t));
  });

  it("cellText's apostrophe of our own exports", () => {
    // Text cleanText leaves as it is (cellText cleans first).
    for (const t of texts.filter((x) => cleanText(x) === x)) {
      expect(cellText({ t: 's', v: t }), JSON.stringify(t)).toBe(reference.apostrophe(t));
    }
  });

  it('enum fields by label, code and synonym', () => {
    const synonyms = { level: ['省级', 'province'], nature: ['续建项目', 'continued'], stage: ['在建项目', 'construction'] } as const;
    for (const key of ['level', 'nature', 'stage'] as const) {
      const options = FIELD_BY_KEY[key].options!;
      for (const label of Object.values(options)) expect(parseFieldInput(key, label, { unit: '万元' })).toEqual({ ok: true, value: reference.enumCode(options, label) });
      for (const code of Object.keys(options)) expect(parseFieldInput(key, code, { unit: '万元' })).toEqual({ ok: true, value: reference.enumCode(options, code) ?? code });
      expect(parseFieldInput(key, synonyms[key][0], { unit: '万元' })).toEqual({ ok: true, value: synonyms[key][1] });
      expect(parseFieldInput(key, '其他', { unit: '万元' }).ok).toBe(false);
    }
  });
});
