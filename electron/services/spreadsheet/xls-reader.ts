/**
 * Reads a legacy Excel 97-2003 workbook (.xls, BIFF8, also what WPS saves by default) into the
 * same typed cells as xlsx-reader.ts. The BIFF records are parsed by SheetJS (0.20.3, the
 * maintained release, republished on npm as @e965/xlsx); this file decides what the OLE container
 * is before any record is read, and turns SheetJS's cells into ours with the same limits.
 *
 * Runs where the caller runs it: in the app and the harness that is a worker thread with a heap
 * ceiling and a time limit (read-off-thread.ts), so a hostile file cannot take the main process.
 */
import * as XLSX from '@e965/xlsx';
import { collectGarbage } from './collect-garbage';
import { BiffCells, ERROR_TEXT } from './xls-cells';
import { columnLetter, DEFAULT_READ_LIMITS, isDateFormatCode, serialToIsoDate, WorkbookError, type Cell, type MergeRange, type ReadLimits, type Sheet, type SheetRow, type Workbook } from './xlsx-reader';

/**
 * SheetJS's BIFF parser (exported by the module, not typed). Given the workbook stream's bytes
 * rather than the OLE container it reads the records only: the document property sets beside
 * them (SummaryInformation…), which a list never needs, are not parsed at all, and a damaged one
 * cannot run it out of memory (found by mutating a real file: 4 GB for an 8 KB .xls).
 */
const parseBiffStream = (XLSX as unknown as { parse_xlscfb: (stream: Buffer, options: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_xlscfb;

const ENCRYPTED = '文件设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开并取消密码后另存，再导入';

/** What an OLE compound file holds, by its streams: a workbook, an encrypted OOXML package, or something else. */
export type OleKind = 'xls' | 'encrypted' | 'word' | 'powerpoint' | 'other';

interface CfbContainer {
  FullPaths: string[];
}

function readContainer(buf: Buffer): CfbContainer {
  try {
    return XLSX.CFB.read(buf, { type: 'buffer' }) as CfbContainer;
  } catch {
    throw new WorkbookError('文件已损坏，无法读取（旧版 Office 文件的结构不完整）');
  }
}

function classify(cfb: CfbContainer): OleKind {
  // Stream names, case-insensitively (writers differ); the root's name varies too ("Root Entry", "R").
  const names = new Set(cfb.FullPaths.map((p) => p.slice(p.indexOf('/') + 1).toLowerCase()));
  // An encrypted .xlsx/.docx is an OLE container with EncryptionInfo and EncryptedPackage ([MS-OFFCRYPTO]).
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
  if (names.has('workbook') || names.has('book')) return 'xls';
  if (names.has('worddocument')) return 'word';
  if (names.has('powerpoint document')) return 'powerpoint';
  return 'other';
}

/** BIFF records that hold a cell's value, with the row and column as their first two fields. */
const CELL_RECORDS = new Set([0x0203 /* NUMBER */, 0x027e /* RK */, 0x00fd /* LABELSST */, 0x0204 /* LABEL */, 0x00d6 /* RSTRING */, 0x0205 /* BOOLERR */, 0x0006 /* FORMULA */]);
const MULRK = 0x00bd;

/**
 * The records SheetJS is given, each with the least length it can have; every other record, and
 * one shorter than that, is turned into SKIPPED_RECORD in place (lengths unchanged, so the sheets'
 * offsets stay true) and SheetJS passes over it. SheetJS 0.20.3 parses every record type it knows,
 * and several of its parsers never return on damaged input (a formula's token list, BIFF2 strings,
 * property sets: found by mutating real .xls files); an import needs only these.
 */
const NEEDED_RECORDS = new Map<number, number>([
  [0x0809, 8], // BOF
  [0x000a, 0], // EOF
  [0x0085, 8], // BOUNDSHEET8: the sheets' names, kinds and offsets
  [0x00fc, 8], // SST: the shared strings
  [0x003c, 0], // CONTINUE (of the SST above all)
  [0x041e, 5], // FORMAT: number formats, to tell dates
  [0x00e0, 16], // XF: each cell's format (16 bytes in BIFF5, 20 in BIFF8)
  [0x0022, 2], // DATE1904
  [0x0042, 2], // CODEPAGE (the text of BIFF5 files)
  [0x002f, 2], // FILEPASS: refused above, and by SheetJS too
  [0x00e5, 2], // MERGECELLS
  [0x0203, 14], // NUMBER
  [0x027e, 10], // RK
  [0x00bd, 12], // MULRK
  [0x00fd, 10], // LABELSST
  [0x0204, 8], // LABEL
  [0x00d6, 8], // RSTRING
  [0x0205, 8], // BOOLERR
  [0x0006, 22], // FORMULA: its saved result (the formula itself is emptied, below)
  [0x0207, 3], // STRING: a formula's text result
]);
/** A record type SheetJS does not know, so skips. */
const SKIPPED_RECORD = 0x7fff;
/** Where a FORMULA record's formula length (cce) sits: after cell (6), result (8), flags (2), chn (4). */
const FORMULA_CCE_AT = 20;

/**
 * Walk the workbook stream's records (no allocation per record) before SheetJS builds its cells,
 * some 500 bytes each: a password (FILEPASS), cells past the column limit and too many rows are
 * refused here, as xlsx-reader refuses them while reading, so a hostile sheet costs milliseconds,
 * not the parse. Records the import does not need are skipped (NEEDED_RECORDS), and formulas
 * emptied: only their saved result is read (SheetJS would decode the tokens even unasked).
 * Given `cells` (the second walk, once the limits held), the BIFF8 cell records are read into it
 * and skipped for SheetJS.
 */
function prescan(stream: Buffer, limits: ReadLimits, cells: BiffCells | null): void {
  let biff8 = false;
  const names = new Map<number, string>(); // substream offset → sheet name (BOUNDSHEET8)
  let sheetName = '';
  let sheetIndex = -1;
  let depth = 0;
  let isWorksheet = false;
  let rows = new Uint8Array(65_536);
  let rowCount = 0;
  const refuseColumn = (row: number, col: number) => {
    throw new WorkbookError(`工作表“${sheetName}”的列数过多（超过${limits.maxColumns}列）`, sheetName, `${columnLetter(col)}${row + 1}`);
  };
  const seeRow = (row: number) => {
    if (rows[row]) return;
    rows[row] = 1;
    if (++rowCount > limits.maxRows) throw new WorkbookError(`工作表“${sheetName}”的行数过多（超过${limits.maxRows}行）`, sheetName);
  };
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(p);
    const length = stream.readUInt16LE(p + 2);
    const body = p + 4;
    if (body + length > stream.length) break; // a truncated stream: SheetJS decides
    const least = NEEDED_RECORDS.get(type);
    if (least === undefined || length < least) stream.writeUInt16LE(SKIPPED_RECORD, p);
    else if (type === 0x0006) stream.writeUInt16LE(0, body + FORMULA_CCE_AT);
    if (type === 0x0809 /* BOF */) {
      depth++;
      if (sheetIndex === -1 && depth === 1 && length >= 2 && !isWorksheet) biff8 ||= stream.readUInt16LE(body) === 0x0600 && stream.readUInt16LE(body + 2) === 0x0005;
      if (depth === 1 && length >= 4 && stream.readUInt16LE(body + 2) === 0x0010) {
        sheetIndex++;
        isWorksheet = true;
        sheetName = names.get(p) ?? `Sheet${sheetIndex + 1}`;
        rows = new Uint8Array(65_536);
        rowCount = 0;
        // BIFF8 cells are read here (xls-cells.ts); a sheet SheetJS would name otherwise is left to it.
        cells?.beginSheet(biff8 && names.has(p) ? sheetName : null);
      } else if (depth === 1) isWorksheet = false;
    } else if (type === 0x000a /* EOF */) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        isWorksheet = false;
        cells?.endSheet();
      }
    } else if (type === 0x00e0 /* XF */ && biff8 && depth === 1 && !isWorksheet && length >= 16) {
      cells?.seeXf(stream, body);
    } else if (type === 0x002f /* FILEPASS */ && depth === 1 && !isWorksheet) {
      throw new WorkbookError(ENCRYPTED);
    } else if (type === 0x0085 /* BOUNDSHEET8 */ && length >= 8) {
      const cch = stream.readUInt8(body + 6);
      const wide = stream.readUInt8(body + 7) & 1;
      const start = body + 8;
      const end = Math.min(start + cch * (wide ? 2 : 1), body + length);
      names.set(stream.readUInt32LE(body), wide ? stream.toString('utf16le', start, end) : stream.toString('latin1', start, end));
    } else if (isWorksheet && depth === 1 && length >= 4 && (CELL_RECORDS.has(type) || type === MULRK)) {
      const row = stream.readUInt16LE(body);
      const last = type === MULRK && length >= 6 ? stream.readUInt16LE(body + length - 2) : stream.readUInt16LE(body + 2);
      if (last >= limits.maxColumns) refuseColumn(row, Math.max(stream.readUInt16LE(body + 2), limits.maxColumns));
      seeRow(row);
      if (cells && least !== undefined && length >= least && cells.read(type, stream, body, length, body + length)) stream.writeUInt16LE(SKIPPED_RECORD, p);
    } else if (type === 0x00e5 /* MERGECELLS */ && isWorksheet && depth === 1) {
      cells?.seeMerges(stream, body, length);
    } else if (cells && type === 0x0207 /* STRING */ && isWorksheet && depth === 1 && length >= 3 && cells.read(type, stream, body, length, body + length)) {
      stream.writeUInt16LE(SKIPPED_RECORD, p);
    }
    p = body + length;
  }
}

/** A parse this large leaves enough of SheetJS's garbage to be worth one collection (collect-garbage.ts). */
const COLLECT_AFTER_BYTES = 1024 * 1024;

/** Read every worksheet of an .xls held in `buf` (an OLE compound file). */
export function readXls(buf: Buffer, limits: ReadLimits): Workbook {
  const { book, cells } = parseBook(buf, limits);
  const sheets = convertBook(book, cells, limits);
  // SheetJS's book (and the container's copy of the stream) are unreachable from here on.
  if (buf.length >= COLLECT_AFTER_BYTES) collectGarbage();
  return { sheets };
}

/** The container checked, the records prescanned and parsed by SheetJS. */
function parseBook(buf: Buffer, limits: ReadLimits): { book: XLSX.WorkBook; cells: BiffCells } {
  const cfb = readContainer(buf);
  const kind = classify(cfb);
  if (kind === 'encrypted') throw new WorkbookError(ENCRYPTED);
  if (kind === 'word') throw new WorkbookError('这是旧版 Word 文档（.doc），不是工作簿。请在 Word/WPS 中另存为 .docx 后再导入其中的表格');
  if (kind === 'powerpoint') throw new WorkbookError('这是 PowerPoint 演示文稿，不是工作簿');
  if (kind === 'other') throw new WorkbookError('这是旧版 Office 格式的文件，但其中没有工作簿内容');
  const stream = (XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book')) as { content?: Uint8Array } | null;
  if (!stream?.content) throw new WorkbookError('这是旧版 Office 格式的文件，但其中没有工作簿内容');
  const records = Buffer.from(stream.content.buffer, stream.content.byteOffset, stream.content.byteLength);
  // Twice over the records: first the limits (a hostile sheet is refused at the cost of a scan),
  // then the cells read into ours (xls-cells.ts), which SheetJS then skips.
  prescan(records, limits, null);
  const cells = new BiffCells();
  prescan(records, limits, cells);

  // SheetJS reports each record type it does not know on console.error: a damaged file would
  // print thousands of lines into the terminal or the app's log. Quiet for this synchronous call.
  const consoleError = console.error;
  console.error = () => {};
  try {
    const book = parseBiffStream(records, {
      type: 'buffer',
      dense: true, // rows as arrays: only rows that hold cells exist, whatever the sheet's declared size
      cellText: false, // no formatted text: numbers keep their stored value, and reading is faster
      cellNF: true, // the number format, to tell dates from numbers as xlsx-reader does
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
    });
    return { book, cells };
  } catch (err) {
    const message = (err as Error).message ?? '';
    // SheetJS refuses a FILEPASS record (an .xls saved with a password) in these words.
    if (/password|encrypt/i.test(message)) throw new WorkbookError(ENCRYPTED);
    throw new WorkbookError('旧版 Excel（.xls）文件已损坏或格式无法识别，请在 Excel/WPS 中打开后另存为 .xlsx 再导入');
  } finally {
    console.error = consoleError;
  }
}

function convertBook(book: XLSX.WorkBook, read: BiffCells, limits: ReadLimits): Sheet[] {
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const strings = (book as { Strings?: { t?: unknown }[] }).Strings ?? [];
  const formats = (book as { SSF?: Record<number, unknown> }).SSF ?? {};
  const isDate = dateFormatTest();
  const sheets: Sheet[] = [];
  book.SheetNames.forEach((name) => {
    const ws = book.Sheets[name] as (XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][]; '!type'?: string }) | undefined;
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return; // chart, macro or dialog sheets hold no list
    const merges = read.mergesOf(name) ?? ws['!merges'] ?? [];
    const ours = read.rowsOf(name, strings, formats, date1904, isDate);
    sheets.push(convertSheet(name, ours, ws['!data'] ?? [], merges, date1904, isDate, limits));
  });
  return sheets;
}

/** A sheet's rows: the cells read from the records (xls-cells.ts) and any SheetJS read, merged, in row order. */
function convertSheet(
  name: string, byRow: Map<number, (Cell | undefined)[]>, data: (XLSX.CellObject | undefined)[][], merges: XLSX.Range[], date1904: boolean, isDate: (format: string) => boolean, limits: ReadLimits,
): Sheet {
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    // SheetJS's cells cost some 500 bytes each: let each row go once converted.
    data[r] = undefined as unknown as XLSX.CellObject[];
    let cells = byRow.get(r);
    for (let col = 0; col < source.length; col++) {
      const sc = source[col];
      const cell = sc ? convertCell(sc, date1904, isDate) : null;
      if (!cell) continue;
      if (!cells) byRow.set(r, (cells = []));
      cells[col] ??= cell;
    }
  }
  const rows: SheetRow[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(r)!;
    const rowNumber = r + 1;
    let hasValue = false;
    cells.forEach((cell, col) => {
      if (!cell) return;
      if (col >= limits.maxColumns) throw new WorkbookError(`工作表“${name}”的列数过多（超过${limits.maxColumns}列）`, name, `${columnLetter(col)}${rowNumber}`);
      if ((cell.t === 's' || cell.t === 'e') && cell.v.length > limits.maxCellLength) {
        throw new WorkbookError(`单元格内容过长（${cell.v.length}字，最多${limits.maxCellLength}字）`, name, `${columnLetter(col)}${rowNumber}`);
      }
      hasValue = true;
    });
    if (!hasValue) continue;
    rows.push({ row: rowNumber, cells });
    if (rows.length > limits.maxRows) throw new WorkbookError(`工作表“${name}”的行数过多（超过${limits.maxRows}行）`, name);
  }
  const maxMerges = limits.maxMerges ?? DEFAULT_READ_LIMITS.maxMerges!;
  if (merges.length > maxMerges) throw new WorkbookError(`工作表“${name}”的合并单元格过多（超过${maxMerges}个）`, name);
  // As xlsx-reader does: a block reaching past the column limit is cut there, one past it dropped.
  const ranges: MergeRange[] = merges
    .filter((m) => m.s.c < limits.maxColumns && (m.e.r > m.s.r || m.e.c > m.s.c))
    .map((m) => ({ firstRow: m.s.r + 1, lastRow: m.e.r + 1, firstColumn: m.s.c, lastColumn: Math.min(m.e.c, limits.maxColumns - 1) }));
  return ranges.length ? { name, rows, merges: ranges } : { name, rows };
}

/** isDateFormatCode, remembered per format text (a sheet has a handful of formats and many cells). */
function dateFormatTest(): (format: string) => boolean {
  const known = new Map<string, boolean>();
  return (format) => {
    let date = known.get(format);
    if (date === undefined) known.set(format, (date = isDateFormatCode(format)));
    return date;
  };
}

function convertCell(sc: XLSX.CellObject, date1904: boolean, isDate: (format: string) => boolean): Cell | null {
  switch (sc.t) {
    case 's':
      return typeof sc.v === 'string' ? { t: 's', v: sc.v } : null;
    case 'b':
      return { t: 'b', v: Boolean(sc.v) };
    case 'e':
      return { t: 'e', v: ERROR_TEXT[sc.v as number] ?? '#VALUE!' };
    case 'd':
      return sc.v instanceof Date && !Number.isNaN(sc.v.getTime()) ? { t: 'd', v: sc.v.toISOString().slice(0, 10) } : null;
    case 'n': {
      const n = sc.v as number;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { t: 'e', v: '#NUM!' };
      if (typeof sc.z === 'string' && isDate(sc.z)) {
        const iso = serialToIsoDate(n, date1904);
        if (iso) return { t: 'd', v: iso };
      }
      // BIFF stores the binary double (or an RK integer/100) and no decimal text: the shortest
      // text that reads back as the same double is what Excel shows at full precision, so
      // 1234.5678 stays "1234.5678" (the formatted `w`, e.g. "1,234.57", would lose digits).
      return { t: 'n', v: n, text: String(n) };
    }
    default:
      return null; // 'z' (a blank stub) and anything unknown
  }
}
