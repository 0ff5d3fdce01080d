/**
 * The shared front half of every import: find the header row under any title rows, recognise
 * columns by the names offices use, read the unit ("单位：亿元", "总投资（亿元）"), and turn cells
 * into the text or exact number a field parser takes. Project lists and dispatch sheets both use it.
 */
import type { MoneyUnit } from '../../../shared/money';
import { cleanText } from '../../../shared/fields';
import { columnLetter, type Cell, type Sheet, type SheetRow } from '../spreadsheet/xlsx-reader';

export interface HeaderMatch<T extends string> {
  row: SheetRow;
  columns: { index: number; header: string; target: T | null; unit: MoneyUnit | null }[];
  /** The unit of the whole sheet, from a "单位：…" line above the header, if any. */
  sheetUnit: MoneyUnit | null;
}

/** A header's text without spaces, line breaks, asterisks or its unit. */
export function normaliseHeader(text: string): { header: string; unit: MoneyUnit | null } {
  const compact = text.normalize('NFKC').replace(/[\s\u200b*※]/g, '');
  const unitMatch = /[(（\[【]?(万元|亿元)[)）\]】]?/.exec(compact);
  const unit = unitMatch ? (unitMatch[1] as MoneyUnit) : null;
  const header = compact.replace(/[(（\[【](万元|亿元)[)）\]】]/g, '').replace(/(万元|亿元)$/, '');
  return { header, unit };
}

/** A cell as text, the way a person reads it (numbers with the exact digits Excel stored). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's': {
      const text = cleanText(cell.v);
      // Our own exports guard formula-like text with an apostrophe (export/project-list.ts).
      return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
    }
    case 'n':
      return cell.text;
    case 'd':
      return cell.v;
    case 'b':
      return cell.v ? '是' : '否';
    case 'e':
      return cell.v;
    case 'f':
      return '';
  }
}

export function cellRef(index: number, row: number): string {
  return `${columnLetter(index)}${row}`;
}

/**
 * Find the header: among the first 30 rows, the one where most cells name a known column (the
 * required one among them, and at least two cells). Columns are matched by `synonyms` in order.
 */
export function findHeader<T extends string>(sheet: Sheet, synonyms: readonly (readonly [T, RegExp])[], required: T): HeaderMatch<T> | null {
  let best: HeaderMatch<T> | null = null;
  let bestCount = 0;
  for (const row of sheet.rows.slice(0, 30)) {
    const columns: HeaderMatch<T>['columns'] = [];
    let count = 0;
    const used = new Set<T>();
    row.cells.forEach((cell, index) => {
      if (!cell || cell.t !== 's') return;
      const { header, unit } = normaliseHeader(cell.v);
      if (!header) return;
      const target = synonyms.find(([t, re]) => !used.has(t) && re.test(header))?.[0] ?? null;
      if (target) {
        used.add(target);
        count++;
      }
      columns.push({ index, header: cleanText(cell.v).replace(/\s+/g, ''), target, unit });
    });
    // The required column and one more cell at least (recognised or not: the user can map it).
    if (used.has(required) && columns.length >= 2 && count > bestCount) {
      best = { row, columns, sheetUnit: null };
      bestCount = count;
    }
  }
  if (!best) return null;
  const headerRow = best.row.row;
  for (const row of sheet.rows) {
    if (row.row >= headerRow) break;
    for (const cell of row.cells) {
      const m = cell && cell.t === 's' ? /单位\s*[:：]\s*(万元|亿元)/.exec(cell.v) : null;
      if (m) best.sheetUnit = m[1] as MoneyUnit;
    }
  }
  return best;
}

/** Text that stands for "nothing" in an amount or date cell. */
export function isPlaceholder(text: string): boolean {
  return /^[—\-–_/／\\无暂无空]+$/.test(text);
}
