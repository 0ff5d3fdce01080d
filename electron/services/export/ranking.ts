/**
 * 赛马 as an .xlsx: the districts' and the lead departments' tables, one sheet each, as the screen
 * shows them (shared/ranking.ts) in the office's style (设置 > 口径, the closed month's own): amounts
 * as numbers in its table unit and decimals, rates as percentages of its decimals, laid out to
 * print on A4 landscape.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs';
import type { Ranking } from '../../../shared/api';
import { formatPeriod } from '../../../shared/format';
import { neutraliseFormula } from '../../../shared/formula-guard';
import { moneyInUnit } from '../../../shared/money';
import type { NumberStyle } from '../../../shared/number-style';
import { percentNumber } from '../../../shared/phrases';
import { RANK_HEADERS, rankCells } from '../../../shared/ranking';
import type { KeyedSummary, StatsFilter } from '../../../shared/statistics';
import type { ServiceContext } from '../context';
import { monthContext } from '../month-freeze';
import { ranking } from '../statistics';
import { numberStyleOf } from '../number-style';
import { deliverFile } from './deliver';
import { moneyFormat, percentFormat } from './number-formats';
import { writeFileAtomically } from './safe-file';

const WIDTHS = [6, 18, 8, 16, 16, 10, 16, 10, 10, 10];

/** A rate as the screen writes it (rounded by the phrase library), as a fraction for a percentage cell; "—" without a base. */
function rateCell(num: number, den: number, style: NumberStyle): number | string {
  const p = percentNumber(num, den, style);
  return p === null ? '—' : p / 100;
}

function addTable(workbook: ExcelJS.Workbook, title: string, keyLabel: string, groups: KeyedSummary[], month: number, style: NumberStyle): void {
  const unit = style.tableUnit;
  const headers = RANK_HEADERS(keyLabel, unit);
  const sheet = workbook.addWorksheet(keyLabel === '区市' ? '区市赛马' : '牵头部门赛马', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.addRow([neutraliseFormula(title)]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F2' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  groups.forEach((g, i) => {
    const r = rankCells(g, i, month, style);
    const rate = rateCell(g.completedToDate, g.annualPlan, style);
    const startRate = rateCell(g.startedNew + g.resumed, g.projects, style);
    const row = sheet.addRow([r.rank, neutraliseFormula(r.key), r.projects, moneyInUnit(r.annualPlan, unit), moneyInUnit(r.completedToDate, unit), rate, r.gap, startRate, r.red, r.yellow]);
    for (const c of [4, 5]) row.getCell(c).numFmt = moneyFormat(unit, style);
    for (const c of [6, 8]) if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = percentFormat(style);
  });
}

export async function writeRankingWorkbook(r: Ranking, year: number, month: number, target: string, style: NumberStyle): Promise<number> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = '重点项目工作台';
  const period = `${year}年${formatPeriod(month)}`;
  addTable(workbook, `${period}区市赛马`, '区市', r.districts, month, style);
  addTable(workbook, `${period}牵头部门赛马`, '牵头部门', r.leadDepartments, month, style);
  await writeFileAtomically(target, async (temp) => {
    await workbook.xlsx.writeFile(temp);
  });
  return r.districts.length + r.leadDepartments.length;
}

/** 导出 on the 赛马 screen: the save dialog in Electron, the bytes in the browser (deliver.ts). */
export async function exportRanking(
  ctx: ServiceContext,
  args: { year: number; month: number; filter?: StatsFilter | undefined },
): Promise<{ fileName: string; savedTo: string | null; data: string | null; rows: number }> {
  const r = ranking(monthContext(ctx, args.year, args.month), args.year, args.month, args.filter ?? {});
  return deliverFile(ctx, `${args.year}年${formatPeriod(args.month)}赛马.xlsx`, async (target) => ({ rows: await writeRankingWorkbook(r, args.year, args.month, target, numberStyleOf(ctx, args.year, args.month)) }));
}
