/**
 * Reads a CSV (or tab-separated text) as one sheet named "表1". Offices export these from other
 * systems in UTF-8 (often with a BOM), in GBK (Excel and WPS on Chinese Windows), or as Excel's
 * "Unicode 文本" (UTF-16 with a BOM, tab-separated). Fields follow RFC 4180 (quotes, doubled
 * quotes, line breaks inside quotes). Every value stays text: the import's field parsers read
 * "1,234.5", "１２３" or "2025年3月" from text as they do from text cells of a workbook.
 *
 * Written for untrusted files like the other readers: binary content is refused, the size, the
 * number of rows and columns and the length of a field are bounded.
 */
import { columnLetter, WorkbookError, type Cell, type ReadLimits, type SheetRow, type Workbook } from './xlsx-reader';

export const CSV_SHEET_NAME = '表1';

/** The text of the file, by its byte-order mark, else UTF-8 if it is valid UTF-8, else GBK. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decodeStrict('utf-8', buf.subarray(3), '文件声明为 UTF-8 编码，但其中有无效的字符');
  if (buf[0] === 0xff && buf[1] === 0xfe) return decodeStrict('utf-16le', buf.subarray(2), '文件声明为 Unicode（UTF-16）编码，但其中有无效的字符');
  if (buf[0] === 0xfe && buf[1] === 0xff) return decodeStrict('utf-16be', buf.subarray(2), '文件声明为 Unicode（UTF-16）编码，但其中有无效的字符');
  // Text without a mark never holds NUL bytes; a binary file nearly always does.
  if (buf.includes(0)) throw new WorkbookError('不是文本文件（含有二进制内容），无法作为 CSV 读取；请确认文件是 .xlsx、.xls、.docx 或 .csv');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Not UTF-8: what Excel and WPS on Chinese Windows write (GBK; the decoder is GB18030's, a superset).
    return decodeStrict('gbk', buf, '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK），请在 Excel/WPS 中另存为 .xlsx 后再导入');
  }
}

function decodeStrict(encoding: string, bytes: Uint8Array, message: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new WorkbookError(message);
  }
}

/** Refuse text that is not a table typed by people: control characters, or a web page saved as ".xls". */
function refuseNonCsv(text: string): void {
  const head = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) throw new WorkbookError('不是文本文件（含有二进制内容），无法作为 CSV 读取');
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  if (control > head.length / 100) throw new WorkbookError('不是文本文件（含有大量控制字符），无法作为 CSV 读取');
  const start = head.trimStart();
  // Many systems export "Excel" files that are really HTML tables or Excel 2003 XML: not CSV, and
  // read as CSV they would import tags as names.
  if (start.startsWith('<')) throw new WorkbookError('这是网页（HTML）或 XML 格式的表格，不是 CSV。请在 Excel/WPS 中打开后另存为 .xlsx 再导入');
  if (start.startsWith('%PDF')) throw new WorkbookError('这是 PDF 文件，无法导入；请使用 .xlsx、.xls、.docx 或 .csv 文件');
  if (start.startsWith('{\\rtf')) throw new WorkbookError('这是 RTF 文档，无法导入；请在 Word/WPS 中另存为 .docx 后再导入');
}

const CANDIDATES = [',', '\t', ';'] as const;

/** The delimiter: Excel's "sep=X" first line if present, else the candidate seen most outside quotes in the first records. */
function chooseDelimiter(text: string): { delimiter: string; start: number } {
  const sep = /^sep=([,\t;|])\r?\n/.exec(text);
  if (sep) return { delimiter: sep[1]!, start: sep[0].length };
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && i < 65_536 && lines < 50; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return { delimiter: best, start: 0 };
}

/** Read the CSV held in `buf` as a workbook of one sheet. */
export function readCsv(buf: Buffer, limits: ReadLimits): Workbook {
  // A CSV is one sheet: the same bound as one inflated part of an .xlsx.
  if (buf.length > limits.maxEntryBytes) throw new WorkbookError(`文件过大（${Math.round(buf.length / 1024 / 1024)} MB），无法作为 CSV 读取`);
  const text = decodeText(buf);
  refuseNonCsv(text);
  const { delimiter, start } = chooseDelimiter(text);
  return { sheets: [{ name: CSV_SHEET_NAME, rows: parseRecords(text, start, delimiter, limits) }] };
}

function parseRecords(text: string, start: number, delimiter: string, limits: ReadLimits): SheetRow[] {
  const name = CSV_SHEET_NAME;
  const rows: SheetRow[] = [];
  const d = delimiter.charCodeAt(0);
  let cells: (Cell | undefined)[] = [];
  let hasValue = false;
  let record = 1;
  let col = 0;
  let i = start;
  const n = text.length;

  const put = (value: string) => {
    if (value === '') return;
    if (col >= limits.maxColumns) throw new WorkbookError(`工作表“${name}”的列数过多（超过${limits.maxColumns}列）`, name, `${columnLetter(col)}${record}`);
    if (value.length > limits.maxCellLength) {
      throw new WorkbookError(`单元格内容过长（${value.length}字，最多${limits.maxCellLength}字）`, name, `${columnLetter(col)}${record}`);
    }
    cells[col] = { t: 's', v: value };
    hasValue = true;
  };
  const endRecord = () => {
    if (hasValue) {
      rows.push({ row: record, cells });
      if (rows.length > limits.maxRows) throw new WorkbookError(`工作表“${name}”的行数过多（超过${limits.maxRows}行）`, name);
    }
    cells = [];
    hasValue = false;
    col = 0;
    record++;
  };

  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === 0x22) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      const opened = record;
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new WorkbookError(`第${opened}行${columnLetter(col)}列的引号没有闭合，文件不完整或不是有效的 CSV`, name, `${columnLetter(col)}${opened}`);
        out += text.slice(j, q);
        if (out.length > limits.maxCellLength) {
          throw new WorkbookError(`单元格内容过长（超过${limits.maxCellLength}字）`, name, `${columnLetter(col)}${opened}`);
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Excel keeps anything between the closing quote and the delimiter; so do we.
      let k = j;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
      value = out + text.slice(j, k);
      // Line breaks inside quotes are the cell's own (Alt+Enter in Excel): one \n, like an .xlsx cell.
      value = value.replace(/\r\n?/g, '\n');
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
      value = text.slice(i, k);
      i = k;
    }
    put(value);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      col++;
      i++;
      if (i >= n) break;
      continue;
    }
    // End of a record: \n, \r\n or a lone \r (old Mac files).
    i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    endRecord();
  }
  endRecord();
  return rows;
}
