/**
 * Pinyin initials of a project name, so that typing "hd" in the quick search finds 海堤….
 *
 * The syllables are pinyin-pro's (its word segmentation picks each polyphonic character's reading
 * in context); the initials are taken from them here. pinyin-pro's own `pinyin(name, { pattern:
 * 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })` gives the same letters but
 * runs nine tone regexes and a split and join per character after segmenting, which was more than
 * half of its time and a tenth of a 20,000-project import. tests/unit/pinyin.test.ts checks the two
 * agree on every CJK character, every word of pinyin-pro's dictionaries and random mixed text.
 */
import { getPinyin } from 'pinyin-pro/dist/esm/core/pinyin/handle.mjs';
import { splitString } from 'pinyin-pro/dist/esm/common/utils.mjs';

/** A syllable's first letter without its tone mark (what toneType 'none' leaves of it). */
const TONELESS: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ē: 'e', é: 'e', ě: 'e', è: 'e',
  ī: 'i', í: 'i', ǐ: 'i', ì: 'i', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};

export function nameInitials(name: string): string {
  if (name === '') return '';
  const chars = splitString(name);
  // Surnames off, pinyin-pro's default segmentation (2: maximum probability), simplified characters.
  const { list } = getPinyin(name, new Array<unknown>(chars.length), 'off', 2, undefined, chars);
  let out = '';
  for (const item of list) {
    if (!item.isZh) out += item.result; // digits and letters as written
    else if (item.result !== '') out += TONELESS[item.result[0]!] ?? item.result[0];
  }
  return out.replace(/[^0-9a-z]/gi, '').toLowerCase();
}
