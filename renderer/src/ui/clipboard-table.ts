/**
 * Reading and writing the tab-separated text that Excel and WPS put on the clipboard. AG Grid
 * Community has no clipboard module, so the grid handles paste and copy with these.
 */
import { isNumberText, neutraliseFormula } from '../../../shared/formula-guard';

/**
 * Parse clipboard text into rows of cells. Handles CRLF, a trailing line break, and cells in
 * double quotes (which Excel uses for cells containing tabs, line breaks or quotes; "" is a quote).
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Rows of display texts as clipboard text Excel and WPS read back into cells. Text that a
 * spreadsheet would take for a formula (a project named "=HYPERLINK(…)") gets the apostrophe
 * export gives it (shared/formula-guard.ts); numbers stay numbers.
 */
export function toClipboardTable(rows: readonly (readonly string[])[]): string {
  const guard = (cell: string) => (isNumberText(cell) ? cell : neutraliseFormula(cell));
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((r) => r.map((c) => quote(guard(c))).join('\t')).join('\r\n') + '\r\n';
}
