/**
 * Exporting a plan's ledgers as offices keep them: one sheet per ledger, a title row, a styled and
 * frozen header, the items in order. Importing the file again gives the same items (tested).
 */
import { loadExcelJS } from './exceljs';
import { cleanText } from '../../../shared/fields';
import { CONTENT_TITLES, LEDGER_FIELDS, LEDGER_KIND_KEYS, LEDGER_KINDS, LEDGER_STATUS, ledgerFields, type LedgerField, type LedgerItem } from '../../../shared/ledgers';
import { writeFileAtomically } from './safe-file';
import { quoteFormulaLikeCells } from './quote-prefix';

const WIDTHS: Partial<Record<LedgerField, number>> = { code: 8, content: 48, progress: 40, q1: 22, q2: 22, q3: 22, q4: 22, department: 18, office: 14, staff: 12, leader: 12 };

function cell(item: LedgerItem, field: LedgerField): string | null {
  const value = item[field];
  if (value === null || value === undefined) return null;
  if (field === 'status') return LEDGER_STATUS[value as keyof typeof LEDGER_STATUS];
  if (field === 'onTrack') return value ? '是' : '否';
  return cleanText(String(value));
}

/** The plan's ledgers as an .xlsx (only ledgers that have items, in the usual order). */
export async function writeLedgerWorkbook(planName: string, items: readonly LedgerItem[], target: string): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = '重点项目工作台';
  for (const kind of LEDGER_KIND_KEYS) {
    const mine = items.filter((i) => i.ledger === kind);
    if (mine.length === 0) continue;
    const fields = ledgerFields(kind);
    const sheet = workbook.addWorksheet(LEDGER_KINDS[kind], { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = fields.map((f) => ({ key: f, width: WIDTHS[f] ?? 12 }));
    const title = sheet.addRow([cleanText(`${planName}——${LEDGER_KINDS[kind]}台账`)]);
    title.font = { bold: true, size: 14 };
    quoteFormulaLikeCells(title);
    sheet.mergeCells(1, 1, 1, fields.length);
    const header = sheet.addRow(fields.map((f) => (f === 'content' ? CONTENT_TITLES[kind] : LEDGER_FIELDS[f])));
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F2' } };
      c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    for (const item of mine) {
      const row = sheet.addRow(fields.map((f) => cell(item, f)));
      row.alignment = { vertical: 'top', wrapText: true };
      quoteFormulaLikeCells(row);
    }
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet(LEDGER_KINDS.tasks).addRow([`${planName}——尚无台账条目`]);
  await writeFileAtomically(target, async (temp) => {
    await workbook.xlsx.writeFile(temp);
  });
}
