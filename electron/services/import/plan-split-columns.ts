/**
 * A project list's split of the annual plan (REAL-DOCUMENTS.md, "Two figures for one month"): the
 * columns offices add beside 年度计划投资 — "1季度计划", "一季度", "第二季度计划投资", "Q3", "上半年",
 * "下半年计划", "1-6月计划", "前三季度", "7-9月计划投资", "3月计划" (a band "2025年计划投资" over
 * them says they are plans; a column saying 完成 or 实际 is never one). Each row's periods become
 * the cumulative plan at the end of each (migration 0007): a period not starting in January adds
 * to the cumulative at the end of the month before it, which the row must therefore give.
 */
import { MAX_MONEY, money, type Money, type MoneyUnit } from '../../../shared/money';
import type { ImportColumn } from '../../../shared/import';
import type { SheetRow } from '../spreadsheet/xlsx-reader';
import { readMoneyCell } from './progress-figures';
import { normaliseHeader } from './sheet-table';

/** The months a period covers, January = 1, both ends included. */
export interface PlanPeriod {
  from: number;
  to: number;
}

const DASH = '[-－—–~～至到]+';
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const month = (text: string | undefined) => {
  const m = Number(text);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : null;
};

/** A period from a name stripped of its plan words ("一季度", "1-6月", "上半年"); `single`: "3月" may stand alone. */
function periodOfText(t: string, single: boolean): PlanPeriod | null {
  let m = /^第?([一二三四1-4])季度?$/.exec(t) ?? /^Q([1-4])$/i.exec(t);
  if (m) return { from: QUARTER[m[1]!]! * 3 - 2, to: QUARTER[m[1]!]! * 3 };
  m = /^前([一二三两1-3])(?:个)?季度$/.exec(t);
  if (m) return { from: 1, to: (m[1] === '两' ? 2 : QUARTER[m[1]!]!) * 3 };
  if (/^上半年$/.test(t)) return { from: 1, to: 6 };
  if (/^下半年$/.test(t)) return { from: 7, to: 12 };
  m = new RegExp(`^(\\d{1,2})月?${DASH}(\\d{1,2})月份?$`).exec(t);
  if (m) {
    const [a, b] = [month(m[1]), month(m[2])];
    return a && b && a <= b ? { from: a, to: b } : null;
  }
  m = /^(\d{1,2})月份?$/.exec(t);
  if (m && single && month(m[1])) return { from: month(m[1])!, to: month(m[1])! };
  return null;
}

const PLAN_WORDS = /(计划完成投资额?|计划投资额?|投资计划|计划完成|计划|投资额?|目标)/g;

/** The period a list column's name gives ("band／leaf" as the preview shows it), or null. */
export function planPeriodOf(header: string): PlanPeriod | null {
  const parts = header.split('／').map((p) => normaliseHeader(p).header.replace(/^\d{4}年度?/, ''));
  const joined = parts.join('');
  if (/完成(?!投资)|实际|已完成|调度|累计完成/.test(joined.replace(/计划完成投资/g, ''))) return null;
  const saysPlan = /计划|目标/.test(joined);
  // A bare period ("一季度", "上半年") stands for the plan in a list; a bare month ("3月") only when it says plan.
  for (const t of [parts[parts.length - 1]!, joined]) {
    const stripped = t.replace(PLAN_WORDS, '').replace(/^(?:其中)[:：]?/, '');
    const period = periodOfText(stripped, saysPlan);
    if (period && !(period.from === 1 && period.to === 12)) return period;
  }
  return null;
}

export interface SplitColumn {
  column: ImportColumn;
  period: PlanPeriod;
  unit: MoneyUnit;
}

/** The split columns of a list, in the order their periods end; the columns whose name gives no period, apart. */
export function splitColumns(columns: readonly ImportColumn[]): { split: SplitColumn[]; unreadable: ImportColumn[] } {
  const split: SplitColumn[] = [];
  const unreadable: ImportColumn[] = [];
  for (const c of columns) {
    if (c.target !== 'planSplit') continue;
    const period = planPeriodOf(c.header);
    if (period) split.push({ column: c, period, unit: c.unit ?? '万元' });
    else unreadable.push(c);
  }
  split.sort((a, b) => a.period.to - b.period.to || a.period.from - b.period.from);
  return { split, unreadable };
}

export interface RowSplit {
  /** Month → cumulative plan to its end (元); null when the row's split cells are all empty. */
  points: Map<number, Money> | null;
  errors: { column: ImportColumn; message: string }[];
  warnings: { column: ImportColumn; message: string }[];
}

const periodText = (p: PlanPeriod) => (p.from === p.to ? `${p.from}月` : `${p.from}-${p.to}月`);

/** One row's split, as cumulative plans; checked against the row's annual plan when it has one. */
export function readRowSplit(row: SheetRow, columns: readonly SplitColumn[], annualPlan: number | null): RowSplit {
  const out: RowSplit = { points: null, errors: [], warnings: [] };
  const points = new Map<number, Money>();
  for (const s of columns) {
    const r = readMoneyCell(row.cells[s.column.index], { unit: s.unit } as never, `${periodText(s.period)}计划投资`);
    if (!r.ok) {
      out.errors.push({ column: s.column, message: r.message });
      continue;
    }
    if (r.value === null) continue;
    const before = s.period.from === 1 ? 0 : points.get(s.period.from - 1);
    if (before === undefined) {
      out.errors.push({ column: s.column, message: `有${periodText(s.period)}的计划投资，却没有1-${s.period.from - 1}月的，算不出1-${s.period.to}月的累计计划` });
      continue;
    }
    const cumulative = before + r.value;
    const given = points.get(s.period.to);
    if (given !== undefined && given !== cumulative) {
      out.errors.push({ column: s.column, message: `1-${s.period.to}月的计划投资与其他列算出的不一致` });
      continue;
    }
    if (cumulative > MAX_MONEY) out.errors.push({ column: s.column, message: '计划投资相加后过大' });
    else points.set(s.period.to, money(cumulative));
  }
  if (out.errors.length > 0 || points.size === 0) return out;
  const ordered = [...points].sort(([a], [b]) => a - b);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]![1] < ordered[i - 1]![1]) {
      const column = columns.find((s) => s.period.to === ordered[i]![0])!.column;
      out.errors.push({ column, message: `1-${ordered[i]![0]}月的累计计划投资小于1-${ordered[i - 1]![0]}月的` });
      return out;
    }
  }
  const last = ordered[ordered.length - 1]!;
  const lastColumn = columns.find((s) => s.period.to === last[0])!.column;
  if (annualPlan !== null && last[0] === 12 && last[1] !== annualPlan) out.warnings.push({ column: lastColumn, message: '各期计划投资之和与年度计划投资不一致（统计按各期计划计算）' });
  if (annualPlan !== null && last[1] > annualPlan) {
    if (last[0] < 12) out.warnings.push({ column: lastColumn, message: `1-${last[0]}月的计划投资大于年度计划投资` });
  }
  out.points = points;
  return out;
}

/** A split as the preview writes it: "1-3月 500万元；1-6月 1200万元". */
export function splitText(points: ReadonlyMap<number, number> | null, format: (amount: number) => string): string {
  if (!points || points.size === 0) return '';
  return [...points].sort(([a], [b]) => a - b).map(([m, v]) => `1-${m}月${format(v)}`).join('；');
}
