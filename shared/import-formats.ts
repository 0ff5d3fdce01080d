/**
 * The file formats the imports read (electron/services/spreadsheet/read-any.ts tells them apart by
 * content), for the renderer's file pickers and the messages that name them.
 */

/** Excel's "Unicode 文本" export is a .txt (UTF-16, tab-separated): read as CSV too. */
export const IMPORT_EXTENSIONS = ['.xlsx', '.xls', '.csv', '.txt', '.docx'] as const;

/** The `accept` of an <input type="file"> for an import: the extensions and their MIME types. */
export const IMPORT_FILE_ACCEPT = [
  ...IMPORT_EXTENSIONS,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/** The formats as a person reads them, for hints beside the pickers. */
export const IMPORT_FORMATS_TEXT = 'Excel 工作簿（.xlsx、.xls）、CSV 文件（UTF-8 或 GBK）或含表格的 Word 文档（.docx）';

/** A file name without the extension of a format the imports read. */
export function withoutImportExtension(name: string): string {
  return name.replace(/\.(xlsx|xls|csv|txt|docx)$/i, '');
}
