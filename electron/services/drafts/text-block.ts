/** The text block (版心) of GB/T 9704: 156 × 225 mm. Apart from docx-layout.ts so that what only measures the page (bulletin-tables.ts) does not load the docx library. */
export const TEXT_BLOCK_MM = { width: 156, height: 225 } as const;
