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
import { columnLetter, DEFAULT_READ_LIMITS, isDateFormatCode, serialToIsoDate, WorkbookError, type Cell, type MergeRange, type ReadLimits, type Sheet, type SheetRow, type Workbook } from './xlsx-reader';

/** SheetJS's BIFF parser, given an already parsed OLE container (exported by the module, not typed). */
const parseXlsCfb = (XLSX as unknown as { parse_xlscfb: (cfb: unknown, options: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_xlscfb;

const ENCRYPTED = '文件设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开并取消密码后另存，再导入';

/** BIFF error codes ([MS-XLS] 2.5.10 BErr), since cell text is not generated (cellText: false). */
const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

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

/** Read every worksheet of an .xls held in `buf` (an OLE compound file). */
export function readXls(buf: Buffer, limits: ReadLimits): Workbook {
  const cfb = readContainer(buf);
  const kind = classify(cfb);
  if (kind === 'encrypted') throw new WorkbookError(ENCRYPTED);
  if (kind === 'word') throw new WorkbookError('这是旧版 Word 文档（.doc），不是工作簿。请在 Word/WPS 中另存为 .docx 后再导入其中的表格');
  if (kind === 'powerpoint') throw new WorkbookError('这是 PowerPoint 演示文稿，不是工作簿');
  if (kind === 'other') throw new WorkbookError('这是旧版 Office 格式的文件，但其中没有工作簿内容');

  let book: XLSX.WorkBook;
  try {
    book = parseXlsCfb(cfb, {
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
  } catch (err) {
    const message = (err as Error).message ?? '';
    // SheetJS refuses a FILEPASS record (an .xls saved with a password) in these words.
    if (/password|encrypt/i.test(message)) throw new WorkbookError(ENCRYPTED);
    throw new WorkbookError('旧版 Excel（.xls）文件已损坏或格式无法识别，请在 Excel/WPS 中打开后另存为 .xlsx 再导入');
  }

  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets: Sheet[] = [];
  book.SheetNames.forEach((name) => {
    const ws = book.Sheets[name] as (XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][]; '!type'?: string }) | undefined;
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return; // chart, macro or dialog sheets hold no list
    sheets.push(convertSheet(name, ws['!data'] ?? [], ws['!merges'] ?? [], date1904, limits));
  });
  return { sheets };
}

function convertSheet(name: string, data: (XLSX.CellObject | undefined)[][], merges: XLSX.Range[], date1904: boolean, limits: ReadLimits): Sheet {
  const rows: SheetRow[] = [];
  // A sparse array: forEach visits only the rows that exist.
  data.forEach((source, r) => {
    if (!source) return;
    const rowNumber = r + 1;
    const cells: (Cell | undefined)[] = [];
    let hasValue = false;
    source.forEach((sc, col) => {
      if (!sc) return;
      const cell = convertCell(sc, date1904);
      if (!cell) return;
      const ref = `${columnLetter(col)}${rowNumber}`;
      if (col >= limits.maxColumns) throw new WorkbookError(`工作表“${name}”的列数过多（超过${limits.maxColumns}列）`, name, ref);
      if ((cell.t === 's' || cell.t === 'e') && cell.v.length > limits.maxCellLength) {
        throw new WorkbookError(`单元格内容过长（${cell.v.length}字，最多${limits.maxCellLength}字）`, name, ref);
      }
      cells[col] = cell;
      hasValue = true;
    });
    if (!hasValue) return;
    rows.push({ row: rowNumber, cells });
    if (rows.length > limits.maxRows) throw new WorkbookError(`工作表“${name}”的行数过多（超过${limits.maxRows}行）`, name);
  });
  const maxMerges = limits.maxMerges ?? DEFAULT_READ_LIMITS.maxMerges!;
  if (merges.length > maxMerges) throw new WorkbookError(`工作表“${name}”的合并单元格过多（超过${maxMerges}个）`, name);
  // As xlsx-reader does: a block reaching past the column limit is cut there, one past it dropped.
  const ranges: MergeRange[] = merges
    .filter((m) => m.s.c < limits.maxColumns && (m.e.r > m.s.r || m.e.c > m.s.c))
    .map((m) => ({ firstRow: m.s.r + 1, lastRow: m.e.r + 1, firstColumn: m.s.c, lastColumn: Math.min(m.e.c, limits.maxColumns - 1) }));
  return ranges.length ? { name, rows, merges: ranges } : { name, rows };
}

function convertCell(sc: XLSX.CellObject, date1904: boolean): Cell | null {
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
      if (typeof sc.z === 'string' && isDateFormatCode(sc.z)) {
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
