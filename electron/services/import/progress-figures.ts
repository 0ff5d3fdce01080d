/**
 * A dispatch sheet row's completed investment, read from the column(s) the sheet gives it in
 * (progress-columns.ts): one cell, the months 1..M added up, or 本月 plus 上月累计. Money is exact
 * (integer 元, shared/money.ts); a cell that cannot be read is an error naming the cell.
 */
import { MAX_MONEY, money, moneyFromSpreadsheetNumber, parseMoney, type Money } from '../../../shared/money';
import type { Cell, SheetRow } from '../spreadsheet/xlsx-reader';
import type { CompletedSource, SheetColumn } from './progress-columns';
import { cellText, isPlaceholder } from './sheet-table';
import { formatMoneyCell } from '../../../shared/format';

export type CellMoney = { ok: true; value: Money | null } | { ok: false; message: string };

/** An amount cell in its column's unit; null when empty or "—". */
export function readMoneyCell(cell: Cell | undefined, column: SheetColumn, label: string): CellMoney {
  if (cell?.t === 'e') return { ok: false, message: `单元格是错误值 ${cell.v}` };
  if (cell?.t === 'f') return { ok: false, message: '公式没有计算结果，请在 Excel/WPS 中重新计算并保存后再导入' };
  const text = cellText(cell);
  if (text === '' || isPlaceholder(text)) return { ok: true, value: null };
  const r = cell?.t === 'n' ? moneyFromSpreadsheetNumber(cell.v, column.unit) : parseMoney(text, column.unit);
  return r.ok ? r : { ok: false, message: `${label}：${r.message}` };
}

/** The label an amount's error message starts with ("完成投资：“很多”不是有效的金额"). */
export function moneyLabel(column: SheetColumn): string {
  switch (column.money?.kind) {
    case 'single':
      return `${column.money.month}月完成投资`;
    case 'thisMonth':
      return '本月完成投资';
    case 'previous':
      return '上月累计';
    case 'sinceStart':
      return '自开工累计完成投资';
    default:
      return '完成投资';
  }
}

/**
 * The row's 纳统（统计入库）figure, written into its report: an empty cell keeps what the report
 * carries (missing is not zero). A figure above the dispatch figure is worth a second look.
 */
export function readStatisticsFigure(
  row: SheetRow,
  column: SheetColumn,
  report: { completed_to_date: number; statistics_to_date?: number | null },
): { error: string | null; warning: string | null } {
  const r = readMoneyCell(row.cells[column.index], column, '纳统完成投资');
  if (!r.ok) return { error: r.message, warning: null };
  if (r.value === null) return { error: null, warning: null };
  report.statistics_to_date = r.value;
  const above = r.value > report.completed_to_date;
  return { error: null, warning: above ? `纳统完成投资高于调度的累计完成投资（${formatMoneyCell(r.value, '万元')}万元 > ${formatMoneyCell(report.completed_to_date, '万元')}万元），请核对` : null };
}

export interface RowFigure {
  /** The cumulative 1-M月 as the row gives it; null when its cells are all empty (nothing reported). */
  value: Money | null;
  /** The sheet's own month figures 1..M (monthly-sum only), empty cells as 0. */
  months: Money[] | null;
  /** The row's 上月累计 (month-plus-previous only), empty as 0. */
  previous: Money | null;
  errors: { column: SheetColumn; message: string }[];
}

export function readFigure(row: SheetRow, source: CompletedSource): RowFigure {
  const figure: RowFigure = { value: null, months: null, previous: null, errors: [] };
  const values = source.columns.map((c) => {
    const r = readMoneyCell(row.cells[c.index], c, moneyLabel(c));
    if (!r.ok) figure.errors.push({ column: c, message: r.message });
    return r.ok ? r.value : null;
  });
  if (figure.errors.length > 0 || values.every((v) => v === null)) return figure;
  // Some cells filled: an empty month (or an empty 上月累计 of a project new this month) is nothing done.
  const amounts = values.map((v) => v ?? money(0));
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (sum > MAX_MONEY) {
    figure.errors.push({ column: source.columns[0]!, message: '完成投资相加后过大' });
    return figure;
  }
  figure.value = money(sum);
  if (source.how === 'monthly-sum') figure.months = amounts;
  if (source.how === 'month-plus-previous') figure.previous = amounts[1]!;
  return figure;
}
