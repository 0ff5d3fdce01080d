/**
 * The shared front half of every import: find the header (one to three rows) under any title
 * rows, recognise columns by the names offices use, read the unit ("单位：亿元", "总投资（亿元）"),
 * and turn cells into the text or exact number a field parser takes. Project lists and dispatch sheets both use it.
 */
import { cleanText } from '../../../shared/fields';
import type { ImportIssue } from '../../../shared/import';
import { columnLetter, type Cell, type Sheet } from '../spreadsheet/xlsx-reader';
import { findHeaderBlock, normaliseHeader, type HeaderBlock } from './header-block';

export type HeaderMatch<T extends string> = HeaderBlock<T>;

export { normaliseHeader };

/** A cell as text, the way a person reads it (numbers with the exact digits Excel stored). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's': {
      const text = cleanText(cell.v);
      // Our own exports guard formula-like text with an apostrophe (export/project-list.ts).
      return text.length > 1 && text.charCodeAt(0) === 39 /* ' */ && '=+-@'.includes(text[1]!) ? text.slice(1) : text;
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
 * Find the header under any title rows: one row, or a block of two or three rows with bands
 * merged over their columns (header-block.ts). Columns are matched by `synonyms` in order; the
 * `required` one must be among them.
 */
export function findHeader<T extends string>(sheet: Sheet, synonyms: readonly (readonly [T, RegExp])[], required: T): HeaderMatch<T> | null {
  return findHeaderBlock(sheet, synonyms, required);
}

/** Text that stands for "nothing" in an amount or date cell. */
export function isPlaceholder(text: string): boolean {
  return /^[—\-–_/／\\无暂无空]+$/.test(text);
}

/**
 * A header whose data column the rows leave undecided, as an error naming its cell: the import is
 * refused until the user maps one of its candidate columns (`decided`: any mapping of one decides it).
 */
export function undecidedColumns<T extends string>(sheet: string, header: HeaderMatch<T>, decided: (index: number) => boolean): ImportIssue[] {
  return header.ambiguities.filter((a) => !a.candidates.some(decided)).map((a) => ({ severity: 'error' as const, sheet, cell: a.cell, message: a.message }));
}
