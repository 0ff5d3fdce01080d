/**
 * OWASP's rule for spreadsheet injection, for everything we hand to Excel or WPS (exported
 * workbooks, cells copied to the clipboard): text starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so no program reads it as a formula. Excel and WPS take a
 * pasted or typed leading apostrophe as "this is text" and do not show it; our import removes it.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number as the grid writes it ("-1,234.5", "12.5%"): left as it is, so it pastes as a number. */
export function isNumberText(text: string): boolean {
  return /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(text);
}
