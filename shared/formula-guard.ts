/**
 * OWASP's rule for spreadsheet injection, for everything we hand to Excel or WPS: text starting
 * with = + - @ (or a tab or carriage return) must never be read as a formula.
 *
 * Exported workbooks keep the text as it is and mark the cell with the xlsx-native quote prefix
 * (electron/services/export/quote-prefix.ts): Excel, WPS and LibreOffice show the text unchanged
 * and keep it text when the user edits the cell. The clipboard has no styles, so cells copied from
 * the grid get a leading apostrophe instead (neutraliseFormula), which Excel and WPS take, when
 * pasted, as "this is text" and do not show; our import removes it.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** For the clipboard: formula-like text with a leading apostrophe (see above). */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A number as the grid writes it ("-1,234.5", "12.5%"): left as it is, so it pastes as a number. */
export function isNumberText(text: string): boolean {
  return /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(text);
}
