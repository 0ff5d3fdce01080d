/**
 * Exporting a year's list (or what the grid shows) to .xlsx as offices keep it: a title, the unit
 * line, a styled and frozen header, thousands separators, sensible widths. Written by exceljs's
 * streaming writer (20,000 rows in bounded memory), to a temporary file renamed at the end.
 * Text never becomes a formula (formula-like text is quote-prefixed: quote-prefix.ts), nothing becomes a hyperlink, and only characters XML allows are
 * written.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs';
import type { ProjectRow } from '../../../shared/domain';
import { FIGURE_COLUMNS, isFigureColumn, type ExportColumn } from '../../../shared/export-columns';
import { cleanText, fieldDisplayText, FIELD_BY_KEY, PROJECT_FIELDS, type ProjectField } from '../../../shared/fields';
import { moneyInUnit, type MoneyUnit } from '../../../shared/money';
import type { NumberStyle } from '../../../shared/number-style';
import { moneyHeader, percentNumber } from '../../../shared/phrases';
import type { ProjectFigures } from '../../../shared/statistics';
import { listProjectRows } from '../../db/projects';
import { isFormulaLike } from '../../../shared/formula-guard';
import { moneyFormat, percentFormat } from './number-formats';
import { quoteFormulaLikeCells } from './quote-prefix';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { monthContext } from '../month-freeze';
import { numberStyleOf } from '../number-style';
import { projectFigures } from '../statistics';
import { writeFileAtomically } from './safe-file';

const WIDTHS: Record<string, number> = { name: 36, scope: 40, ownerUnit: 28, code: 18, tags: 20, responsibleUnit: 24, category: 16, leadDepartment: 16, warningReason: 36 };
const WARNING_WORDS = { red: '红', yellow: '黄', green: '绿' } as const;

function cellValue(row: ProjectRow, key: ProjectField, unit: MoneyUnit): ExcelJS.CellValue {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (key === 'totalInvestment' || key === 'annualPlan') return moneyInUnit(value as number, unit);
  if (key === 'startYear' || key === 'endYear') return value as number;
  const text = cleanText(fieldDisplayText(key, value, unit));
  return text === '' ? null : text;
}

/** One column of the workbook: its header, width, Excel number format and each row's cell. */
interface Column {
  header: string;
  width: number;
  numFmt?: string;
  cell(row: ProjectRow, figures: ProjectFigures | undefined): ExcelJS.CellValue;
}

function columnOf(key: ExportColumn, unit: MoneyUnit, style: NumberStyle): Column {
  const money = moneyFormat(unit, style);
  if (!isFigureColumn(key)) {
    const def = FIELD_BY_KEY[key];
    const isMoney = def.kind === 'money';
    return { header: isMoney ? moneyHeader(def.label, unit) : def.label, width: WIDTHS[key] ?? (isMoney ? 16 : 12), ...(isMoney ? { numFmt: money } : {}), cell: (row) => cellValue(row, key, unit) };
  }
  const label = FIGURE_COLUMNS[key];
  switch (key) {
    case 'completedToDate':
      return { header: moneyHeader(label, unit), width: 16, numFmt: money, cell: (_r, f) => (f ? moneyInUnit(f.completedToDate, unit) : null) };
    case 'completionRate': {
      // The number the screen writes (rounded by the phrase library), shown as a percentage.
      return { header: label, width: 10, numFmt: percentFormat(style), cell: (_r, f) => { const p = f ? percentNumber(f.completedToDate, f.annualPlan, style) : null; return p === null ? '—' : p / 100; } };
    }
    case 'warning':
      return { header: label, width: 8, cell: (_r, f) => (f ? WARNING_WORDS[f.warning] : null) };
    case 'warningReason':
      return { header: label, width: WIDTHS.warningReason!, cell: (_r, f) => (f?.warningReason ? cleanText(f.warningReason) : null) };
  }
}

/**
 * Write a year's list (or the given projects, in the given order) with the columns shown, in their
 * order (every field when none are given), amounts in the unit shown in the office's decimals;
 * 完成投资, 完成率 and 预警 are month M's figures, from the statistics engine (a closed month's own).
 */
export async function exportProjectsToFile(
  ctx: ServiceContext,
  args: { year: number; unit: MoneyUnit; projectIds?: number[]; columns?: ExportColumn[]; month?: number },
  target: string,
): Promise<{ rows: number }> {
  const all = listProjectRows(requireDb(ctx), args.year);
  let rows = all;
  if (args.projectIds) {
    const byId = new Map(all.map((r) => [r.projectId, r]));
    rows = args.projectIds.map((id) => byId.get(id)).filter((r): r is ProjectRow => r !== undefined);
  }
  const keys = args.columns ?? PROJECT_FIELDS.map((f) => f.key);
  const style = numberStyleOf(ctx, args.year, args.month);
  const columns = keys.map((k) => columnOf(k, args.unit, style));
  const month = args.month;
  const figures =
    month !== undefined && keys.some(isFigureColumn)
      ? new Map(projectFigures(requireDb(monthContext(ctx, args.year, month)), args.year, month, {}).map((f) => [f.projectId, f]))
      : new Map<number, ProjectFigures>();
  const ExcelJSModule = await loadExcelJS();
  await writeFileAtomically(target, async (temp) => {
    const workbook = new ExcelJSModule.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(`${args.year}年清单`, {
      views: [{ state: 'frozen', ySplit: 3, xSplit: keys[0] === 'name' ? 2 : 1 }],
      // Printed on A4 landscape, all columns across one page width, the header on every page.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    });
    const headers = ['序号', ...columns.map((c) => c.header)];
    sheet.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
    const title = sheet.addRow([`${args.year}年重点项目清单${month !== undefined && figures.size ? `（完成情况截至${month}月）` : ''}`]);
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
    rows.forEach((row, i) => {
      const f = figures.get(row.projectId);
      const values = [i + 1, ...columns.map((c) => c.cell(row, f))];
      const r = sheet.addRow(values);
      columns.forEach((c, j) => {
        if (c.numFmt && typeof values[j + 1] === 'number') r.getCell(j + 2).numFmt = c.numFmt;
      });
      if (values.some((v) => typeof v === 'string' && isFormulaLike(v))) quoteFormulaLikeCells(r);
      r.commit();
    });
    await workbook.commit();
  });
  return { rows: rows.length };
}
