/**
 * The xlsx-native guard for formula-like text (shared/formula-guard.ts) in the workbooks we
 * write: the cell keeps its text exactly and its style carries quotePrefix="1" (ECMA-376
 * §18.8.45), as Excel writes a cell typed with a leading apostrophe — shown without one, never
 * evaluated, still text after the user edits it. No visible apostrophe is added to the value.
 *
 * exceljs cannot write quotePrefix, so its style writer is taught to (exceljs.ts, as it loads): a cell style (cellXfs) with
 * the text number format "@" (built-in id 49), which we give to formula-like cells and to nothing
 * else, gets quotePrefix="1". tests/unit/export-quote-prefix.test.ts reads the written XML, so a
 * change in exceljs that breaks this fails there.
 */
import type ExcelJS from 'exceljs';
import { isFormulaLike } from '../../../shared/formula-guard';

/** The text number format (built-in id 49): the style exceljs.ts gives quotePrefix. */
const TEXT_FORMAT = '@';

/** A cell holding formula-like text gets the quote prefix (its style); its value is left as it is. */
export function quoteIfFormulaLike(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = TEXT_FORMAT;
}

/** Every formula-like text cell of a row (after addRow), quote-prefixed. */
export function quoteFormulaLikeCells(row: ExcelJS.Row): void {
  row.eachCell(quoteIfFormulaLike);
}
