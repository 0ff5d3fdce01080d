/**
 * Exporting a year's list (or what the grid shows) to .xlsx as offices keep it: a title, the unit
 * line, a styled and frozen header, thousands separators, sensible widths. Written by exceljs's
 * streaming writer (20,000 rows in bounded memory), to a temporary file renamed at the end.
 * Text never becomes a formula (formula-like text is quote-prefixed: quote-prefix.ts), nothing becomes a hyperlink, and only characters XML allows are
 * written.
 */
import ExcelJS from 'exceljs';
import type { ProjectRow } from '../../../shared/domain';
import { cleanText, fieldDisplayText, PROJECT_FIELDS } from '../../../shared/fields';
import { moneyInUnit, type MoneyUnit } from '../../../shared/money';
import { listProjectRows } from '../../db/projects';
import { isFormulaLike } from '../../../shared/formula-guard';
import { quoteFormulaLikeCells } from './quote-prefix';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { writeFileAtomically } from './safe-file';

const WIDTHS: Record<string, number> = { name: 36, scope: 40, ownerUnit: 28, code: 18, tags: 20, responsibleUnit: 24, category: 16, leadDepartment: 16 };

function cellValue(row: ProjectRow, key: (typeof PROJECT_FIELDS)[number]['key'], unit: MoneyUnit): ExcelJS.CellValue {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (key === 'totalInvestment' || key === 'annualPlan') return moneyInUnit(value as number, unit);
  if (key === 'startYear' || key === 'endYear') return value as number;
  const text = cleanText(fieldDisplayText(key, value, unit));
  return text === '' ? null : text;
}

export async function exportProjectsToFile(
  ctx: ServiceContext,
  args: { year: number; unit: MoneyUnit; projectIds?: number[] },
  target: string,
): Promise<{ rows: number }> {
  const all = listProjectRows(requireDb(ctx), args.year);
  let rows = all;
  if (args.projectIds) {
    const byId = new Map(all.map((r) => [r.projectId, r]));
    rows = args.projectIds.map((id) => byId.get(id)).filter((r): r is ProjectRow => r !== undefined);
  }
  await writeFileAtomically(target, async (temp) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(`${args.year}年清单`, {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
      // Printed on A4 landscape, all columns across one page width, the header on every page.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    });
    const headers = ['序号', ...PROJECT_FIELDS.map((f) => (f.kind === 'money' ? `${f.label}（${args.unit}）` : f.label))];
    sheet.columns = [{ width: 6 }, ...PROJECT_FIELDS.map((f) => ({ width: WIDTHS[f.key] ?? (f.kind === 'money' ? 16 : 12) }))];
    const title = sheet.addRow([`${args.year}年重点项目清单`]);
    title.font = { bold: true, size: 16 };
    title.height = 28;
    sheet.mergeCells(1, 1, 1, headers.length);
    title.commit();
    sheet.addRow([`单位：${args.unit}`]).commit();
    const header = sheet.addRow(headers);
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    header.commit();
    const moneyFormat = args.unit === '万元' ? '#,##0.00##' : '#,##0.00######';
    const moneyColumns = PROJECT_FIELDS.flatMap((f, i) => (f.kind === 'money' ? [i + 2] : []));
    rows.forEach((row, i) => {
      const values = [i + 1, ...PROJECT_FIELDS.map((f) => cellValue(row, f.key, args.unit))];
      const r = sheet.addRow(values);
      for (const c of moneyColumns) r.getCell(c).numFmt = moneyFormat;
      if (values.some((v) => typeof v === 'string' && isFormulaLike(v))) quoteFormulaLikeCells(r);
      r.commit();
    });
    await workbook.commit();
  });
  return { rows: rows.length };
}
