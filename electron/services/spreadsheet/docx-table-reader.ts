/**
 * Reads the tables of a Word document (.docx) as sheets: lists handed down by a province or city
 * often come as a table in a notice. Each top-level table (w:tbl) becomes a sheet "表1", "表2"…
 * in document order, its rows the table's rows, its columns the table's grid columns (so a cell
 * spanning two grid columns and the cells under it line up as in Excel). Horizontal spans
 * (w:gridSpan) and vertical merges (w:vMerge) become merged ranges; a vMerge continuation cell is
 * empty, as the covered cells of an Excel merge are. A cell's text is its w:t runs joined, its
 * paragraphs joined with a line break. A table nested inside a cell is flattened into that cell's
 * text (one line per paragraph), not read as a table of its own.
 *
 * The last few paragraphs above a table (the title, "单位：万元") come first as one-cell rows, so
 * the header finder sees the unit line as it does above a sheet's header. Only a few: a notice's
 * body text above its attached table would push the header past the rows the finder searches.
 *
 * Untrusted like every file coming in: the archive is checked before inflating (zip.ts), a
 * document type declaration is refused, rows, columns and text length are bounded.
 */
import { readZipDirectory, readZipEntry, ZipError } from './zip';
import { columnLetter, decodeXml, DEFAULT_READ_LIMITS, refuseDoctype, WorkbookError, type Cell, type MergeRange, type ReadLimits, type Sheet, type SheetRow, type Workbook } from './xlsx-reader';

const DOCUMENT_PART = 'word/document.xml';
/** Paragraphs above a table kept as leading rows (title, 报送单位, 单位 lines). */
const LEADING_PARAGRAPHS = 5;

export function tableSheetName(index: number): string {
  return `表${index + 1}`;
}

/** Read every top-level table of the .docx held in `buf`. */
export function readDocxTables(buf: Buffer, limits: ReadLimits): Workbook {
  let xml: string;
  try {
    const entries = readZipDirectory(buf, limits);
    const entry = entries.get(DOCUMENT_PART);
    if (!entry) throw new WorkbookError('不是有效的 .docx 文件（缺少文档内容）');
    xml = readZipEntry(buf, entry, limits).toString('utf8');
  } catch (err) {
    if (err instanceof ZipError) throw new WorkbookError(err.message);
    throw err;
  }
  refuseDoctype(xml, DOCUMENT_PART);
  const sheets = readTables(xml, limits);
  if (sheets.length === 0) throw new WorkbookError('Word 文档中没有表格，无法导入；项目清单应是文档中的一个表格');
  return { sheets };
}

interface TableState {
  name: string;
  rows: SheetRow[];
  merges: MergeRange[];
  /** Vertical merges still open, by their first grid column. */
  open: Map<number, MergeRange>;
  /** Sheet row number of the current table row. */
  row: number;
  rowsWithValues: number;
  cells: (Cell | undefined)[];
  col: number;
  /** Grid columns of the current row that a cell covered (a merge not continued here ends). */
  touched: Set<number>;
}

interface CellState {
  paragraphs: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:[A-Za-z][\w.-]*|[A-Za-z][\w.-]*)((?:\s[^>]*?)?)(\/?)>/g;

function intAttr(attrs: string, fallback: number): number {
  const m = /\bw:val="(\d+)"/.exec(attrs);
  return m ? Number(m[1]) : fallback;
}

function readTables(xml: string, limits: ReadLimits): Sheet[] {
  const sheets: Sheet[] = [];
  /** Body paragraphs since the last table (only the last few are kept). */
  let leading: string[] = [];
  let tableDepth = 0;
  let table: TableState | null = null;
  let cell: CellState | null = null;
  /** The paragraph being read: text runs appended to it; nested paragraphs (text boxes) join it. */
  let paragraph: string | null = null;
  let paragraphDepth = 0;
  /** Inside mc:Fallback (a copy of mc:Choice for old readers) or w:moveFrom (text moved elsewhere): skipped. */
  let skipDepth = 0;

  const closeMerge = (t: TableState, col: number) => {
    const m = t.open.get(col);
    if (!m) return;
    t.open.delete(col);
    if (m.lastRow > m.firstRow || m.lastColumn > m.firstColumn) addMerge(t, m);
  };

  const maxMerges = limits.maxMerges ?? DEFAULT_READ_LIMITS.maxMerges!;
  const addMerge = (t: TableState, m: MergeRange) => {
    if (t.merges.length >= maxMerges) throw new WorkbookError(`表格的合并单元格过多（超过${maxMerges}个）`, t.name);
    t.merges.push(m);
  };

  const endParagraph = () => {
    const text = paragraph ?? '';
    paragraph = null;
    if (cell) cell.paragraphs.push(text);
    else if (tableDepth === 0 && text.trim() !== '') {
      leading.push(text.trim());
      if (leading.length > LEADING_PARAGRAPHS) leading = leading.slice(-LEADING_PARAGRAPHS);
    }
  };

  const endCell = (t: TableState, c: CellState) => {
    const col = t.col;
    const last = col + c.span - 1;
    if (last >= limits.maxColumns) throw new WorkbookError(`表格的列数过多（超过${limits.maxColumns}列）`, t.name, `${columnLetter(Math.min(col, limits.maxColumns))}${t.row}`);
    for (let k = col; k <= last; k++) t.touched.add(k);
    if (c.vMerge === 'continue' && t.open.has(col)) {
      t.open.get(col)!.lastRow = t.row; // covered by the cell above: empty, like Excel
    } else {
      for (let k = col; k <= last; k++) closeMerge(t, k);
      if (c.vMerge === 'restart' || c.vMerge === 'continue') t.open.set(col, { firstRow: t.row, lastRow: t.row, firstColumn: col, lastColumn: last });
      else if (c.span > 1) addMerge(t, { firstRow: t.row, lastRow: t.row, firstColumn: col, lastColumn: last });
      // Trailing empty paragraphs are Word's habit (a cell always ends with one), not content.
      const lines = [...c.paragraphs];
      while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
      const text = lines.join('\n');
      if (text.length > limits.maxCellLength) throw new WorkbookError(`单元格内容过长（${text.length}字，最多${limits.maxCellLength}字）`, t.name, `${columnLetter(col)}${t.row}`);
      if (text.trim() !== '') t.cells[col] = { t: 's', v: text };
    }
    t.col = last + 1;
  };

  const endRow = (t: TableState) => {
    for (const col of [...t.open.keys()]) if (!t.touched.has(col)) closeMerge(t, col);
    if (t.cells.some((c) => c !== undefined)) {
      t.rows.push({ row: t.row, cells: t.cells });
      t.rowsWithValues++;
      if (t.rowsWithValues > limits.maxRows) throw new WorkbookError(`表格的行数过多（超过${limits.maxRows}行）`, t.name);
    }
  };

  for (const m of xml.matchAll(TAG)) {
    const [, slash, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    const closing = slash === '/';
    if (name === 'mc:Fallback' || name === 'w:moveFrom') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;

    switch (name) {
      case 'w:tbl':
        if (closing) {
          tableDepth--;
          if (tableDepth === 0 && table) {
            for (const col of [...table.open.keys()]) closeMerge(table, col);
            sheets.push(table.merges.length ? { name: table.name, rows: table.rows, merges: table.merges } : { name: table.name, rows: table.rows });
            table = null;
            leading = [];
          }
        } else if (!selfClosing) {
          tableDepth++;
          if (tableDepth === 1) {
            const name = tableSheetName(sheets.length);
            const rows: SheetRow[] = leading.map((text, i) => ({ row: i + 1, cells: [{ t: 's', v: text.slice(0, limits.maxCellLength) }] }));
            table = { name, rows, merges: [], open: new Map(), row: rows.length, rowsWithValues: rows.length, cells: [], col: 0, touched: new Set() };
          }
        }
        break;
      case 'w:tr':
        if (tableDepth !== 1 || !table) break;
        if (!closing) {
          table.row++;
          table.cells = [];
          table.col = 0;
          table.touched = new Set();
          if (selfClosing) endRow(table);
        } else endRow(table);
        break;
      case 'w:gridBefore':
        // Cells of this row start this many grid columns in.
        if (tableDepth === 1 && table && !closing && !cell) table.col += intAttr(attrs, 0);
        break;
      case 'w:tc':
        if (tableDepth !== 1 || !table) break;
        if (!closing) {
          cell = { paragraphs: [], span: 1, vMerge: null };
          if (selfClosing) {
            endCell(table, cell);
            cell = null;
          }
        } else if (cell) {
          if (paragraph !== null) endParagraph();
          endCell(table, cell);
          cell = null;
        }
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell && !closing) cell.span = Math.max(1, Math.min(intAttr(attrs, 1), limits.maxColumns + 1));
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell && !closing) cell.vMerge = /\bw:val="restart"/.test(attrs) ? 'restart' : 'continue';
        break;
      case 'w:p':
        if (closing) {
          paragraphDepth--;
          if (paragraphDepth === 0) endParagraph();
        } else if (selfClosing) {
          if (paragraphDepth === 0) {
            paragraph = '';
            endParagraph();
          }
        } else {
          if (paragraphDepth === 0) paragraph = '';
          paragraphDepth++;
        }
        break;
      case 'w:t':
        if (!closing && !selfClosing && paragraph !== null) {
          // w:t holds only text: everything up to the next tag.
          const start = m.index + m[0].length;
          const end = xml.indexOf('<', start);
          paragraph += decodeXml(xml.slice(start, end < 0 ? xml.length : end));
          if (paragraph.length > limits.maxCellLength) {
            throw new WorkbookError(`单元格内容过长（超过${limits.maxCellLength}字）`, table?.name, table ? `${columnLetter(table.col)}${table.row}` : undefined);
          }
        }
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing && paragraph !== null) paragraph += '\n';
        break;
      case 'w:tab':
        // A tab in a run is a space between words; the w:tab of paragraph properties (tab stops, with w:pos) is not text.
        if (!closing && paragraph !== null && !/\bw:pos=/.test(attrs)) paragraph += ' ';
        break;
    }
  }
  return sheets;
}
