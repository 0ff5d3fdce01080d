/**
 * The .xlsx reader finds rows, cells, values and string items with indexOf (xml-scan.ts) where it
 * used regular expressions; it must read every text exactly as they did — well-formed sheets of
 * every cell shape, and the same sheets damaged (cut, spliced, stray brackets and tags) — giving
 * the same rows and cells or refusing with the same message. The regular-expression reader is kept
 * as the reference (tests/helpers/xlsx-regex-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, readSharedStrings, readSheetXml, type ReadLimits, type SheetRow } from '../../electron/services/spreadsheet/xlsx-reader';
import { referenceReadSheet, referenceSharedStrings } from '../helpers/xlsx-regex-reference';

/** A deterministic generator, so a failure reproduces from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick, int: (n: number) => Math.floor(next() * n) };
}
type Random = ReturnType<typeof random>;

const TEXTS = ['海堤修复', '1.50', ' 12 ', '1e3', 'abc', '', '  ', '&amp;&lt;&gt;&quot;&apos;', '&#x4E2D;&#20013;', '&#xFFFFFF;&bogus;', 'a_x000D_b', '_x00', '2024-03-01T00:00:00', '-0', 'NaN', '#N/A', '1', '0', 'true', '\u3000全角\u00a0'];
const SHARED = ['项目名称', '总投资', '海堤', '', ' x '];

function text(r: Random): string {
  let out = '';
  for (let n = r.int(3); n >= 0; n--) out += r.pick(TEXTS);
  return out;
}

function cellContent(r: Random, type: string | null): string {
  switch (r.int(12)) {
    case 0:
      return '';
    case 1:
      return `<v>${type === 's' ? r.int(7) : text(r)}</v>`;
    case 2:
      return `<v xml:space="preserve">${text(r)}</v>`;
    case 3:
      return `<f>SUM(A1:A3)</f><v>${r.int(100)}</v>`;
    case 4:
      return r.pick(['<f>B3*3</f>', '<f/>', '<f t="shared" si="0"/>', '<fx/>', '<f']);
    case 5:
      return `<is><t>${text(r)}</t></is>`;
    case 6:
      return `<is><r><t>${text(r)}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${text(r)}</t></r><rPh sb="0" eb="1"><t>ピン</t></rPh></is>`;
    case 7:
      return r.pick(['<is><t/></is>', '<is></is>', '<is><t xml:space="preserve"/><t>x</t></is>', '<is>', '<v/>', '<v >7</v>', '<vm>1</vm><v>2</v>', '<v\t>3</v>']);
    case 8:
      return `<v>${r.pick(['45322', '45322.75', '-1', '3000000', ' 44927 '])}</v>`;
    default:
      return `<v>${type === 's' ? r.int(7) : r.pick(TEXTS)}</v>`;
  }
}

function cell(r: Random, row: number, col: number): string {
  const type = r.pick([null, null, 's', 'str', 'inlineStr', 'b', 'e', 'd', 'n', 'x']);
  const ref = r.next() < 0.8 ? ` r="${String.fromCharCode(65 + col)}${row}"` : r.pick(['', ' r=""', ' r="a1"', ' xr="B2"']);
  const attrs = `${ref}${r.next() < 0.4 ? ` s="${r.int(6)}"` : ''}${type ? ` t="${type}"` : ''}`;
  const content = cellContent(r, type);
  return r.next() < 0.15 ? `<c${attrs}/>` : `<c${attrs}>${content}</c>`;
}

function sheet(r: Random): string {
  const rows: string[] = [];
  for (let row = 1, n = 1 + r.int(8); row <= n; row++) {
    const cells: string[] = [];
    for (let col = 0, m = r.int(9); col < m; col++) cells.push(cell(r, row, col + r.int(2)));
    const attrs = r.next() < 0.85 ? ` r="${row + r.int(2)}" spans="1:9"` : r.pick(['', ' r="x"', ' ht="20"']);
    rows.push(r.next() < 0.1 ? `<row${attrs}/>` : `<row${attrs}>${cells.join('')}</row>`);
  }
  const open = r.pick(['<sheetData>', '<sheetData>', '<sheetData >', '<sheetData\n>', '<sheetDataX>', '']);
  const close = r.pick(['</sheetData>', '</sheetData>', '</sheetData></sheetData>', '']);
  return `<?xml version="1.0"?><worksheet><sheetPr/>${open}${rows.join(r.pick(['', '\n', ' ']))}${close}<mergeCells/></worksheet>`;
}

function sharedStrings(r: Random): string {
  const items: string[] = [];
  for (let n = r.int(8); n >= 0; n--) {
    items.push(r.pick([`<si><t>${text(r)}</t></si>`, '<si/>', '<si></si>', `<si><r><t>${text(r)}</t></r><r><t xml:space="preserve"> ${text(r)}</t></r></si>`, `<si><t>${text(r)}</t><rPh><t>よみ</t></rPh></si>`, `<si x="1"><t>a</t></si>`, '<si>']));
  }
  return `<sst count="${items.length}">${items.join('')}</sst>`;
}

const TOKENS = ['<', '>', '/', '"', ' ', '\u3000', '</c>', '</row>', '<c>', '<c/>', '<row>', '<row/>', '<v>', '</v>', '<f', '<is>', '</is>', '<t>', '</t>', '<t/>', '<si>', '</si>', '<si/>', '<rPh>', '</rPh>', '</sheetData>', '<sheetData>', 'r="', '&', '&#'];

/** The text damaged: pieces cut out, stray tokens put in, a slice repeated, the end cut off. */
function damage(r: Random, xml: string): string {
  let s = xml;
  for (let n = 1 + r.int(4); n > 0; n--) {
    const at = r.int(s.length + 1);
    switch (r.int(4)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + r.int(12));
        break;
      case 1:
        s = s.slice(0, at) + r.pick(TOKENS) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(r.int(s.length), r.int(s.length)) + s.slice(at);
        break;
      default:
        s = r.next() < 0.3 ? s.slice(0, at) : s;
    }
  }
  return s;
}

/** Rows as plain data: each cell by its column (holes left out), so sparse arrays compare strictly. */
const plain = (rows: SheetRow[]) => rows.map((row) => [row.row, Object.entries(row.cells)]);

function outcome(read: () => SheetRow[] | string[]): unknown {
  try {
    const value = read();
    return { value: typeof value[0] === 'string' || value.length === 0 ? value : plain(value as SheetRow[]) };
  } catch (err) {
    const e = err as Error & { sheet?: string; cellRef?: string };
    return { error: e.message, sheet: e.sheet, cellRef: e.cellRef };
  }
}

const LIMITS: ReadLimits[] = [DEFAULT_READ_LIMITS, { ...DEFAULT_READ_LIMITS, maxColumns: 4, maxCellLength: 6, maxRows: 3 }];

describe('the .xlsx scanner reads as the regular expressions did', () => {
  const shared = SHARED;
  const dateStyles = [false, true, false, true, false, false];

  it('on generated sheets of every cell shape', () => {
    const r = random(1);
    for (let n = 0; n < 3000; n++) {
      const xml = sheet(r);
      const limits = r.pick(LIMITS);
      const date1904 = r.next() < 0.2;
      const args = [xml, '清单', shared, dateStyles, date1904, limits] as const;
      expect(outcome(() => readSheetXml(...args)), xml).toEqual(outcome(() => referenceReadSheet(...args)));
    }
  });

  it('on the same sheets damaged', () => {
    const r = random(2);
    for (let n = 0; n < 6000; n++) {
      const xml = damage(r, sheet(r));
      const limits = r.pick(LIMITS);
      const args = [xml, '清单', shared, dateStyles, false, limits] as const;
      expect(outcome(() => readSheetXml(...args)), xml).toEqual(outcome(() => referenceReadSheet(...args)));
    }
  });

  it('on shared string tables, whole and damaged', () => {
    const r = random(3);
    for (let n = 0; n < 4000; n++) {
      const xml = n % 2 === 0 ? sharedStrings(r) : damage(r, sharedStrings(r));
      expect(readSharedStrings(xml), xml).toEqual(referenceSharedStrings(xml));
    }
  });

  it('finds what the generator makes: every kind of cell, and refusals (the comparison is not between empty results)', () => {
    const r = random(1);
    const kinds = new Set<string>();
    let cells = 0;
    let refusals = 0;
    for (let n = 0; n < 300; n++) {
      try {
        for (const row of readSheetXml(sheet(r), 'S', shared, dateStyles, false, r.pick(LIMITS))) {
          for (const c of Object.values(row.cells)) kinds.add(c!.t);
          cells += Object.keys(row.cells).length;
        }
      } catch {
        refusals++;
      }
    }
    expect(cells).toBeGreaterThan(300);
    expect([...kinds].sort()).toEqual(['b', 'd', 'e', 'f', 'n', 's']);
    expect(refusals).toBeGreaterThan(10);
  });
});
