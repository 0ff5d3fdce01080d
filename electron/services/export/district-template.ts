/**
 * 填报模板: the workbook a district fills in for month M — its projects on year Y's list, the
 * identity columns locked, last month's cumulative figure shown, dropdowns for the yes/no fields,
 * and a 填报说明 sheet. Returned templates are dispatch sheets: the progress import reads them.
 */
import { loadExcelJS } from './exceljs';
import { cleanText } from '../../../shared/fields';
import { moneyInUnit } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import { findDistrictId } from '../../db/lists';
import { listProjectRows } from '../../db/projects';
import { readReport, readReportBefore } from '../../db/progress';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { quoteIfFormulaLike } from './quote-prefix';
import { deliverFile } from './deliver';
import { safeFileName, writeFileAtomically } from './safe-file';

const YES_NO = ['"是,否"'];

export async function writeDistrictTemplate(
  ctx: ServiceContext,
  args: { year: number; month: number; district: string },
  target: string,
): Promise<{ rows: number }> {
  const db = requireDb(ctx);
  if (findDistrictId(db, args.district) === undefined) throw new AppError('NOT_FOUND', `区市列表中没有“${args.district}”`);
  const projects = listProjectRows(db, args.year).filter((r) => r.district === args.district);
  if (projects.length === 0) throw new AppError('NOT_FOUND', `${args.year}年清单中没有${args.district}的项目`);
  const { year, month, district } = args;

  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '重点项目工作台';
  const ws = wb.addWorksheet('填报', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] });
  const headers = [
    '序号',
    '项目编号',
    '项目名称',
    '建设单位',
    '建设性质',
    '年度计划投资（万元）',
    '上月累计完成投资（万元）',
    `1-${month}月完成投资（万元）`,
    '是否开工（复工）',
    '实际开工时间',
    '是否纳统',
    '形象进度',
    '存在问题',
  ];
  const INPUT_FROM = 8; // columns 8.. are filled in by the district
  ws.columns = [6, 18, 36, 26, 8, 14, 16, 16, 12, 14, 10, 30, 30].map((width) => ({ width }));
  ws.addRow([`${year}年${month}月重点项目调度填报表（${district}）`]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(1).height = 28;
  // Printed on A4 landscape, all columns on one page width.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
  ws.addRow(['单位：万元。灰色列请勿修改；白色列为本月填报内容。']);
  ws.mergeCells(2, 1, 2, headers.length);
  const header = ws.addRow(headers);
  header.height = 32;
  header.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col >= INPUT_FROM ? 'FFFFF4D6' : 'FFE8EEF6' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });

  projects.forEach((p, i) => {
    const current = readReport(db, p.projectId, year, month);
    const previous = readReportBefore(db, p.projectId, year, month);
    const text = (v: string | null) => (v ? cleanText(v) : null);
    const row = ws.addRow([
      i + 1,
      text(p.code),
      text(p.name),
      text(p.ownerUnit),
      p.nature === 'new' ? '新建' : p.nature === 'continued' ? '续建' : null,
      p.annualPlan === null ? null : moneyInUnit(p.annualPlan, '万元'),
      previous ? moneyInUnit(previous.completed_to_date, '万元') : null,
      current ? moneyInUnit(current.completed_to_date, '万元') : null,
      current ? (current.started || current.resumed ? '是' : '否') : previous && (previous.started || previous.resumed) ? '是' : null,
      current?.start_date ?? previous?.start_date ?? null,
      current ? (current.in_statistics ? '是' : '否') : previous?.in_statistics ? '是' : null,
      text(current?.visual_progress ?? null),
      null,
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      quoteIfFormulaLike(cell);
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      if (col >= INPUT_FROM) {
        cell.protection = { locked: false };
      } else {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
      if (col === 6 || col === 7 || col === 8) cell.numFmt = '#,##0.00##';
    });
    row.getCell(8).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '完成投资', error: '请填写不小于0的数字（万元）' };
    row.getCell(9).dataValidation = { type: 'list', allowBlank: true, formulae: YES_NO, showErrorMessage: true, error: '请选择“是”或“否”' };
    row.getCell(10).dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1990, 0, 1))], showErrorMessage: true, error: '请填写日期，例如2024-03-21' };
    row.getCell(10).numFmt = 'yyyy-mm-dd';
    row.getCell(11).dataValidation = { type: 'list', allowBlank: true, formulae: YES_NO, showErrorMessage: true, error: '请选择“是”或“否”' };
  });
  // Locked cells cannot be edited; the district fills in the unlocked ones. No password: the lock
  // prevents accidents, not determined edits, and the import checks every value anyway.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const notes = wb.addWorksheet('填报说明');
  notes.getColumn(1).width = 100;
  [
    `${year}年${month}月重点项目调度填报说明（${district}）`,
    '',
    '1. 请只填写白色列：1-M月完成投资、是否开工（复工）、实际开工时间、是否纳统、形象进度、存在问题。灰色列已锁定，请勿修改。',
    '2. 完成投资为本年1月至本月的累计数，单位万元，可保留4位小数；不应少于“上月累计完成投资”。',
    '3. “是否开工（复工）”：新建项目填是否已开工，续建项目填是否已复工。',
    '4. 实际开工时间填日期，例如2024-03-21。',
    '5. “存在问题”如实填写需协调解决的问题（如用地、资金、环评、能耗、手续、拆迁）；没有问题请留空。',
    '6. 请勿增删行、调整列顺序或修改表头；填好后保存为 .xlsx 文件报送。',
  ].forEach((line, i) => {
    const row = notes.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
    row.alignment = { wrapText: true };
  });

  await writeFileAtomically(target, async (temp) => {
    await wb.xlsx.writeFile(temp);
  });
  return { rows: projects.length };
}

/**
 * 生成填报模板 from the app: one district's template. Electron asks where to save it (and writes
 * it there); the browser harness has no such dialog, so the file comes back as bytes to download.
 */
export async function exportDistrictTemplate(
  ctx: ServiceContext,
  args: { year: number; month: number; district: string },
): Promise<{ fileName: string; savedTo: string | null; data: string | null; rows: number }> {
  requireDb(ctx);
  const fileName = safeFileName(`${args.district}${args.year}年${args.month}月调度填报模板.xlsx`);
  return deliverFile(ctx, fileName, async (target) => ({ rows: (await writeDistrictTemplate(ctx, args, target)).rows }));
}
