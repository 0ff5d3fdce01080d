/**
 * The .xlsx reader's sheet and shared-string parsing as it was written with regular expressions
 * (before xml-scan.ts), kept unchanged as the reference the indexOf scanner must agree with on
 * any text: tests/unit/xlsx-scan.test.ts.
 */
import { columnLetter, decodeXml, serialToIsoDate, WorkbookError, type Cell, type ReadLimits, type SheetRow } from '../../electron/services/spreadsheet/xlsx-reader';

function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function attr(attrs: string, name: string): string | undefined {
  const needle = `${name}="`;
  for (let from = 0; ; ) {
    const i = attrs.indexOf(needle, from);
    if (i < 0) return undefined;
    const before = i === 0 ? ' ' : attrs[i - 1]!;
    if (before === ' ' || before === '\t' || before === '\n' || before === '\r') {
      const start = i + needle.length;
      const end = attrs.indexOf('"', start);
      return decodeXml(attrs.slice(start, end < 0 ? attrs.length : end));
    }
    from = i + 1;
  }
}

function stringItemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ? decodeXml(m[1]) : '';
  return decodeExcelEscapes(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function referenceSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] ? stringItemText(m[1]) : '');
  return out;
}

export function referenceReadSheet(xml: string, name: string, shared: string[], dateStyles: boolean[], date1904: boolean, limits: ReadLimits): SheetRow[] {
  const rows: SheetRow[] = [];
  const data = /<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let lastRow = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const body = rm[2];
    const rowNumber = Number(attr(rm[1]!, 'r')) || lastRow + 1;
    lastRow = rowNumber;
    if (!body) continue;
    const cells: (Cell | undefined)[] = [];
    let lastCol = -1;
    let hasValue = false;
    for (const cm of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1]!;
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : lastCol + 1;
      lastCol = col;
      const inner = cm[2];
      if (!inner) continue;
      if (col >= limits.maxColumns) throw new WorkbookError(`工作表“${name}”的列数过多（超过${limits.maxColumns}列）`, name, ref);
      const cell = readCell(attrs, inner, shared, dateStyles, date1904);
      if (!cell) continue;
      if ((cell.t === 's' || cell.t === 'e') && cell.v.length > limits.maxCellLength) {
        throw new WorkbookError(`单元格内容过长（${cell.v.length}字，最多${limits.maxCellLength}字）`, name, ref ?? `${columnLetter(col)}${rowNumber}`);
      }
      cells[col] = cell;
      hasValue = true;
    }
    if (!hasValue) continue;
    rows.push({ row: rowNumber, cells });
    if (rows.length > limits.maxRows) throw new WorkbookError(`工作表“${name}”的行数过多（超过${limits.maxRows}行）`, name);
  }
  return rows;
}

function readCell(attrs: string, inner: string, shared: string[], dateStyles: boolean[], date1904: boolean): Cell | null {
  const type = attr(attrs, 't') ?? 'n';
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  const hasFormula = /<f\b/.test(inner);
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner)?.[1];
    return is === undefined ? null : { t: 's', v: stringItemText(is) };
  }
  if (v === undefined) return hasFormula ? { t: 'f' } : null;
  switch (type) {
    case 's': {
      const text = shared[Number(v)];
      return text === undefined ? null : { t: 's', v: text };
    }
    case 'str':
      return { t: 's', v: decodeExcelEscapes(decodeXml(v)) };
    case 'b':
      return { t: 'b', v: v === '1' };
    case 'e':
      return { t: 'e', v: decodeXml(v) };
    case 'd':
      return { t: 'd', v: decodeXml(v).slice(0, 10) };
    default: {
      const text = v.trim();
      const n = Number(text);
      if (!Number.isFinite(n)) return { t: 'e', v: text };
      const style = Number(attr(attrs, 's') ?? 0);
      if (dateStyles[style]) {
        const iso = serialToIsoDate(n, date1904);
        if (iso) return { t: 'd', v: iso };
      }
      return { t: 'n', v: n, text };
    }
  }
}
