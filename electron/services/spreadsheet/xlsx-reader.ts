/**
 * Reads the cells of an .xlsx workbook, and only that: shared strings, inline strings, numbers
 * (with the exact text Excel stored), booleans, errors, dates (by the cell's number format) and
 * formulas' cached results. Written for untrusted files: the archive is checked before inflating
 * (zip.ts), a document type declaration anywhere is refused (no entity expansion, no external
 * entities), and the number of rows and the length of a cell are bounded.
 */
import { eachElement, eachStringItem, findTag, firstElementText, plainTextRun, textBetween } from './xml-scan';
import { readZipDirectory, readZipEntry, ZipError, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

export type Cell =
  | { t: 's'; v: string }
  /** A number, with the decimal text Excel stored, so amounts can be read exactly. */
  | { t: 'n'; v: number; text: string }
  /** A date cell (by its number format), as YYYY-MM-DD. */
  | { t: 'd'; v: string }
  | { t: 'b'; v: boolean }
  /** An error value such as #N/A or #REF!. */
  | { t: 'e'; v: string }
  /** A formula whose result was never calculated and saved. */
  | { t: 'f' };

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** Cells by 0-based column index; absent cells are undefined. */
  cells: (Cell | undefined)[];
}

/** A merged block of cells (the value stands in its top-left cell): rows 1-based, columns 0-based, inclusive. */
export interface MergeRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Merged blocks, when the format has them (absent or empty otherwise). */
  merges?: MergeRange[];
}

export interface Workbook {
  sheets: Sheet[];
}

export interface ReadLimits extends ZipLimits {
  /** Rows that hold at least one cell. */
  maxRows: number;
  maxColumns: number;
  /** Longer text is refused (Excel's own limit is 32,767). */
  maxCellLength: number;
  /** Merged blocks per sheet (optional so other readers' limits need not name it). */
  maxMerges?: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { ...DEFAULT_ZIP_LIMITS, maxRows: 200_000, maxColumns: 200, maxCellLength: 32_767, maxMerges: 100_000 };

/** Excel's last row: a merge reference beyond it is not a real range. */
const MAX_SHEET_ROW = 1_048_576;

/** A problem with the workbook, in Chinese, with where it is when known. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly cellRef?: string,
  ) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, code: string) => {
    if (code.startsWith('#x')) return safeCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return safeCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? m;
  });
}

function safeCodePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

/** Excel escapes characters XML cannot hold as _xHHHH_. */
function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** An attribute's value in a tag's attribute text (indexOf, not a regular expression: it runs for every cell). */
const NEEDLES = new Map<string, string>();

function attr(attrs: string, name: string): string | undefined {
  let needle = NEEDLES.get(name);
  if (needle === undefined) NEEDLES.set(name, (needle = `${name}="`));
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

/** Text of all <t> elements inside a string item (plain or rich text runs); phonetic runs skipped. */
function stringItemText(xml: string): string {
  const plain = plainTextRun(xml);
  if (plain !== null) return decodeExcelEscapes(decodeXml(plain));
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

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]|年|月|日/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel's serial day number as YYYY-MM-DD, in UTC so the machine's time zone cannot shift it. */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(base + Math.floor(serial + 1e-9) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function refuseDoctype(xml: string, part: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new WorkbookError(`文件中的“${part}”含有不允许的 XML 实体声明，可能是恶意文件`);
}

/** Read the cells of every sheet of an .xlsx held in `buf`. */
export function readXlsx(buf: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Workbook {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookError('这是旧版 Excel（.xls）文件或已加密的文件，请在 Excel/WPS 中另存为 .xlsx（不设密码）后再导入');
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookError(buf.length === 0 ? '文件是空的' : '不是有效的 .xlsx 文件（如果是 CSV 或其他格式，请在 Excel/WPS 中另存为 .xlsx）');
  }
  let entries;
  try {
    entries = readZipDirectory(buf, limits);
  } catch (err) {
    if (err instanceof ZipError) throw new WorkbookError(err.message);
    throw err;
  }
  const part = (name: string): string | null => {
    const entry = entries.get(name);
    if (!entry) return null;
    try {
      const xml = readZipEntry(buf, entry, limits).toString('utf8');
      refuseDoctype(xml, name);
      return xml;
    } catch (err) {
      if (err instanceof ZipError) throw new WorkbookError(err.message);
      throw err;
    }
  };

  const workbookXml = part('xl/workbook.xml');
  if (!workbookXml) throw new WorkbookError('不是有效的 .xlsx 文件（缺少工作簿内容）');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);

  const rels = new Map<string, string>();
  for (const m of (part('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }

  const sharedStrings = readSharedStrings(part('xl/sharedStrings.xml') ?? '');

  const dateStyles: boolean[] = [];
  const stylesXml = part('xl/styles.xml') ?? '';
  const customFormats = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId'));
    const code = attr(m[1]!, 'formatCode');
    if (code !== undefined) customFormats.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  for (const m of cellXfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    const custom = customFormats.get(id);
    dateStyles.push(custom !== undefined ? isDateFormatCode(custom) : BUILTIN_DATE_FORMATS.has(id));
  }

  const sheets: Sheet[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name') ?? `Sheet${sheets.length + 1}`;
    const target = rels.get(attr(m[1]!, 'r:id') ?? '');
    const xml = target ? part(target) : null;
    if (xml === null) continue; // a chart sheet or a missing part: nothing to read
    sheets.push({ name, rows: readSheetXml(xml, name, sharedStrings, dateStyles, date1904, limits), merges: readMerges(xml, name, limits) });
  }
  return { sheets };
}

/** The shared string table's items, in order. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  eachStringItem(xml, (content) => out.push(content ? stringItemText(content) : ''));
  return out;
}

/** The content of <sheetData>: from its start tag to the last </sheetData> ('' without one). */
function sheetData(xml: string): string {
  const at = findTag(xml, 'sheetData', 0);
  if (at < 0) return '';
  const gt = xml.indexOf('>', at);
  const end = xml.lastIndexOf('</sheetData>');
  return gt < 0 || end < gt + 1 ? '' : xml.slice(gt + 1, end);
}

/** A sheet's rows that hold a value, each with its cells by column. */
export function readSheetXml(xml: string, name: string, shared: string[], dateStyles: boolean[], date1904: boolean, limits: ReadLimits): SheetRow[] {
  const rows: SheetRow[] = [];
  let lastRow = 0;
  eachElement(sheetData(xml), 'row', (rowAttrs, body) => {
    const rowNumber = Number(attr(rowAttrs, 'r')) || lastRow + 1;
    lastRow = rowNumber;
    if (!body) return; // an empty (perhaps styled) row
    const cells: (Cell | undefined)[] = [];
    let lastCol = -1;
    let hasValue = false;
    eachElement(body, 'c', (attrs, inner) => {
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : lastCol + 1;
      lastCol = col;
      if (!inner) return;
      if (col >= limits.maxColumns) throw new WorkbookError(`工作表“${name}”的列数过多（超过${limits.maxColumns}列）`, name, ref);
      const cell = readCell(attrs, inner, shared, dateStyles, date1904);
      if (!cell) return;
      if ((cell.t === 's' || cell.t === 'e') && cell.v.length > limits.maxCellLength) {
        throw new WorkbookError(`单元格内容过长（${cell.v.length}字，最多${limits.maxCellLength}字）`, name, ref ?? `${columnLetter(col)}${rowNumber}`);
      }
      cells[col] = cell;
      hasValue = true;
    });
    if (!hasValue) return;
    rows.push({ row: rowNumber, cells });
    if (rows.length > limits.maxRows) throw new WorkbookError(`工作表“${name}”的行数过多（超过${limits.maxRows}行）`, name);
  });
  return rows;
}

/** One "A1" reference as 1-based row and 0-based column, or null when it is not one. */
function parseRef(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_SHEET_ROW ? { row, column: columnIndex(m[1]!) } : null;
}

/**
 * The sheet's merged blocks (<mergeCells>, after the cell data). A block reaching past the columns
 * a sheet may have (a title merged across the whole row) is cut at the last one; a single cell or
 * a malformed reference is no block. More blocks than the limit is not a list anyone drew: refused.
 */
function readMerges(xml: string, name: string, limits: ReadLimits): MergeRange[] {
  const from = xml.lastIndexOf('</sheetData>');
  const start = xml.indexOf('<mergeCells', from < 0 ? 0 : from);
  if (start < 0) return [];
  const end = xml.indexOf('</mergeCells>', start);
  const section = xml.slice(start, end < 0 ? xml.length : end);
  const max = limits.maxMerges ?? DEFAULT_READ_LIMITS.maxMerges!;
  const merges: MergeRange[] = [];
  for (const m of section.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
    if (merges.length >= max) throw new WorkbookError(`工作表“${name}”的合并单元格过多（超过${max}个）`, name);
    const [a, b] = (attr(m[1]!, 'ref') ?? '').split(':');
    const first = a ? parseRef(a) : null;
    const last = b ? parseRef(b) : first;
    if (!first || !last) continue;
    const range: MergeRange = {
      firstRow: Math.min(first.row, last.row),
      lastRow: Math.max(first.row, last.row),
      firstColumn: Math.min(first.column, last.column),
      lastColumn: Math.min(Math.max(first.column, last.column), limits.maxColumns - 1),
    };
    if (range.firstColumn >= limits.maxColumns) continue;
    if (range.firstRow === range.lastRow && range.firstColumn === range.lastColumn) continue;
    merges.push(range);
  }
  return merges;
}

function readCell(attrs: string, inner: string, shared: string[], dateStyles: boolean[], date1904: boolean): Cell | null {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = textBetween(inner, '<is>', '</is>');
    return is === undefined ? null : { t: 's', v: stringItemText(is) };
  }
  const v = firstElementText(inner, 'v');
  if (v === undefined) return findTag(inner, 'f', 0) >= 0 ? { t: 'f' } : null;
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
