/**
 * The one entry point of every import: reads a file the user picked by what its bytes are, not by
 * its name (offices rename files, and ".xls" files are often really .xlsx, HTML or CSV):
 *   - a zip holding xl/workbook.xml: an .xlsx (also .xlsm, .xltx, WPS's .et saved as xlsx);
 *   - a zip holding word/document.xml: a .docx, whose tables are read as sheets;
 *   - an OLE compound file (D0 CF 11 E0): an .xls, or an encrypted workbook (refused);
 *   - anything else: text, read as CSV (binary content refused).
 * Each reader bounds what it reads with the same limits (DEFAULT_READ_LIMITS). In the app and the
 * harness this runs inside the read worker (read-worker.ts), under its heap and time limits.
 */
import { readCsv } from './csv-reader';
import { readDocxTables } from './docx-table-reader';
import { readXls } from './xls-reader';
import { DEFAULT_READ_LIMITS, readXlsx, WorkbookError, type ReadLimits, type Workbook } from './xlsx-reader';
import { readZipDirectory, ZipError } from './zip';

export type FileKind = 'xlsx' | 'docx' | 'xls' | 'csv';

const OLE_SIGNATURE = 0xd0cf11e0;
const ZIP_LOCAL = 0x04034b50;
const ZIP_EMPTY = 0x06054b50;

/** What kind of file the bytes are; refuses zip archives that are neither a workbook nor a Word document. */
export function sniffKind(buf: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): FileKind {
  if (buf.length >= 8 && buf.readUInt32BE(0) === OLE_SIGNATURE) return 'xls';
  if (buf.length >= 4 && (buf.readUInt32LE(0) === ZIP_LOCAL || buf.readUInt32LE(0) === ZIP_EMPTY)) {
    let names: Set<string>;
    try {
      names = new Set(readZipDirectory(buf, limits).keys());
    } catch (err) {
      if (err instanceof ZipError) throw new WorkbookError(err.message);
      throw err;
    }
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.bin')) throw new WorkbookError('这是 Excel 二进制工作簿（.xlsb），请在 Excel/WPS 中另存为 .xlsx 后再导入');
    if (names.has('content.xml') && names.has('mimetype')) throw new WorkbookError('这是 OpenDocument 格式（.ods/.odt）的文件，请另存为 .xlsx 或 .docx 后再导入');
    if (names.has('ppt/presentation.xml')) throw new WorkbookError('这是 PowerPoint 演示文稿，不是工作簿');
    throw new WorkbookError('这是一个压缩包，其中没有工作簿（.xlsx）或 Word 文档（.docx）的内容');
  }
  return 'csv';
}

/** Read the sheets of an .xlsx, .xls, .docx (its tables) or .csv held in `buf`. */
export function readSpreadsheet(buf: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Workbook {
  if (buf.length === 0) throw new WorkbookError('文件是空的');
  switch (sniffKind(buf, limits)) {
    case 'xlsx':
      return readXlsx(buf, limits);
    case 'docx':
      return readDocxTables(buf, limits);
    case 'xls':
      // BIFF is not compressed: the file's size is what will be read, bounded like an archive's content.
      if (buf.length > limits.maxTotalBytes) throw new WorkbookError(`文件过大（${Math.round(buf.length / 1024 / 1024)} MB），可能不是正常的工作簿`);
      return readXls(buf, limits);
    case 'csv':
      return readCsv(buf, limits);
  }
}
