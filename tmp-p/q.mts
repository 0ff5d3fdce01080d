import fs from 'node:fs';
import { nameInitials } from '../electron/services/pinyin';
// @ts-ignore
import { getPinyin } from 'pinyin-pro/dist/esm/core/pinyin/handle.mjs';
// @ts-ignore
import { splitString } from 'pinyin-pro/dist/esm/common/utils.mjs';
const TONELESS: Record<string, string> = { 'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a', 'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o', 'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e', 'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i', 'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u', 'ń': 'n', 'ň': 'n', 'ǹ': 'n', 'ḿ': 'm' };
function fast(name: string): string {
  if (name === '') return '';
  const chars = splitString(name);
  const { list } = getPinyin(name, Array(chars.length), 'off', 2, undefined, chars);
  let out = '';
  for (const item of list) {
    if (item.isZh) { const c = item.result[0]; if (c !== undefined) out += TONELESS[c] ?? c; }
    else out += item.result;
  }
  return out.replace(/[^0-9a-z]/gi, '').toLowerCase();
}
const names = fs.readFileSync('/tmp/perf/names.txt', 'utf8').trim().split('\n');
for (let k = 0; k < 3; k++) { const t = performance.now(); let n = 0; for (const x of names) n += nameInitials(x).length; console.log('old', (performance.now() - t).toFixed(0), n); }
for (let k = 0; k < 3; k++) { const t = performance.now(); let n = 0; for (const x of names) n += fast(x).length; console.log('new', (performance.now() - t).toFixed(0), n); }
let bad = 0; for (const x of names) if (fast(x) !== nameInitials(x)) bad++; console.log('diff', bad);
