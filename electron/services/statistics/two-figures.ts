/**
 * The figures beside the annual ones (issue 14, "Two figures and two plans"): the 纳统（统计入库）
 * figure beside the dispatch figure and their difference, the plan 1-M月 beside the annual plan
 * (plan-split.ts), and the 时序开工率 beside the start rate: of the new projects due to start by
 * the end of month M (planned start month ≤ M), the share started by then. The engine
 * (statistics.ts) adds these up with its own totals, for the whole list and every breakdown.
 */
import type { Summary } from '../../../shared/statistics';
import { money, type Money } from '../../../shared/money';
import type { Db } from '../../db/connection';
import { plannedToDates } from './plan-split';

/** The engine's per-project arrays of a month for these figures, before its reports are read (NaN: none). */
export function monthTwoFigures(db: Db, year: number, month: number, projects: readonly { id: number; annualPlan: number }[]) {
  return { statisticsToDate: new Float64Array(projects.length).fill(NaN), plannedToDate: plannedToDates(db, year, month, projects) };
}

/** What one project adds (statisticsToDate and plannedToDate null when it has none). */
export interface TwoFigureFacts {
  completedToDate: Money;
  statisticsToDate: Money | null;
  plannedToDate: Money | null;
  dueToStart: boolean;
  startedDue: boolean;
}

export interface TwoFigureTotals {
  statisticsToDate: number;
  statisticsReported: number;
  plannedToDate: number;
  plannedProjects: number;
  plannedCompleted: number;
  dueToStart: number;
  startedDue: number;
}

export const emptyTwoFigureTotals = (): TwoFigureTotals => ({
  statisticsToDate: 0, statisticsReported: 0, plannedToDate: 0, plannedProjects: 0, plannedCompleted: 0, dueToStart: 0, startedDue: 0,
});

/** One project's facts, from its figures as the engine keeps them (NaN: none). */
export function twoFigureFacts(
  p: { nature: string | null; plannedStartMonth: number | null },
  started: boolean,
  month: number,
  completedToDate: Money,
  statisticsToDate: number,
  plannedToDate: number,
): TwoFigureFacts {
  const dueToStart = p.nature === 'new' && p.plannedStartMonth !== null && p.plannedStartMonth <= month;
  return {
    completedToDate,
    statisticsToDate: Number.isNaN(statisticsToDate) ? null : money(statisticsToDate),
    plannedToDate: Number.isNaN(plannedToDate) ? null : money(plannedToDate),
    dueToStart,
    startedDue: dueToStart && started,
  };
}

/** Add one project (summarise() may be given figures without these facts: they add nothing then). */
export function addTwoFigures(t: TwoFigureTotals, f: Partial<TwoFigureFacts>): void {
  if (typeof f.statisticsToDate === 'number') {
    t.statisticsToDate += f.statisticsToDate;
    t.statisticsReported++;
  }
  if (typeof f.plannedToDate === 'number') {
    t.plannedToDate += f.plannedToDate;
    t.plannedProjects++;
    t.plannedCompleted += f.completedToDate ?? 0;
  }
  if (f.dueToStart) t.dueToStart++;
  if (f.startedDue) t.startedDue++;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

type TwoFigureSummary = Pick<
  Summary,
  | 'statisticsToDate' | 'statisticsReported' | 'statisticsDifference' | 'statisticsRate' | 'plannedToDate' | 'plannedProjects' | 'plannedCompleted'
  | 'plannedRate' | 'dueToStart' | 'startedDue' | 'timelyStartRate'
>;

/** The Summary fields of these totals, beside the group's completed investment and annual plan. */
export function twoFigureSummary(t: TwoFigureTotals & { completedToDate: number; annualPlan: number }): TwoFigureSummary {
  const hasStatistics = t.statisticsReported > 0;
  const hasPlan = t.plannedProjects > 0;
  return {
    statisticsToDate: hasStatistics ? money(t.statisticsToDate) : null,
    statisticsReported: t.statisticsReported,
    statisticsDifference: hasStatistics ? money(t.completedToDate - t.statisticsToDate) : null,
    statisticsRate: hasStatistics ? ratio(t.statisticsToDate, t.annualPlan) : null,
    plannedToDate: hasPlan ? money(t.plannedToDate) : null,
    plannedProjects: t.plannedProjects,
    plannedCompleted: money(t.plannedCompleted),
    plannedRate: hasPlan ? ratio(t.plannedCompleted, t.plannedToDate) : null,
    dueToStart: t.dueToStart,
    startedDue: t.startedDue,
    timelyStartRate: ratio(t.startedDue, t.dueToStart),
  };
}
