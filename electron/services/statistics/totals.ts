/**
 * The engine's arithmetic of a population: a group's totals as integers of 元 (exact however many
 * projects are added), the measures of STATISTICS.md ("Measures of a population") made from them,
 * the breakdowns by key, and 同比. Rates are fractions, rounded only when a number is written
 * (shared/format.ts).
 */
import type { Nature } from '../../../shared/domain';
import { money, type Money } from '../../../shared/money';
import type { KeyedSummary, Summary, WarningLevel, YearOverYear } from '../../../shared/statistics';
import { addTwoFigures, emptyTwoFigureTotals, twoFigureSummary, type TwoFigureFacts, type TwoFigureTotals } from './two-figures';

/** Sums and counts of a group of projects: everything a Summary is made of. */
export interface GroupTotals extends TwoFigureTotals {
  projects: number;
  newProjects: number;
  continuedProjects: number;
  totalInvestment: number;
  annualPlan: number;
  completedToDate: number;
  startedNew: number;
  resumed: number;
  unreported: number;
  red: number;
  yellow: number;
  green: number;
}

export const emptyTotals = (): GroupTotals => ({
  projects: 0, newProjects: 0, continuedProjects: 0, totalInvestment: 0, annualPlan: 0, completedToDate: 0, startedNew: 0, resumed: 0,
  unreported: 0, red: 0, yellow: 0, green: 0, ...emptyTwoFigureTotals(),
});

/** What one project, evaluated at month M (engine.ts), adds to a group. */
export interface Evaluated extends TwoFigureFacts {
  nature: Nature | null;
  totalInvestment: Money;
  annualPlan: Money;
  completedToDate: Money;
  reported: boolean;
  startedNew: boolean;
  resumed: boolean;
  warning: WarningLevel;
}

/** Add one project to a group (integers of 元: exact however many are added). */
export function addTo(t: GroupTotals, f: Evaluated): void {
  t.projects++;
  if (f.nature === 'new') t.newProjects++;
  if (f.nature === 'continued') t.continuedProjects++;
  t.totalInvestment += f.totalInvestment;
  t.annualPlan += f.annualPlan;
  t.completedToDate += f.completedToDate;
  if (f.startedNew) t.startedNew++;
  if (f.resumed) t.resumed++;
  if (!f.reported) t.unreported++;
  t[f.warning]++;
  addTwoFigures(t, f);
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The measures of a population (STATISTICS.md, "Measures of a population") from its totals. */
export function summaryOf(g: GroupTotals, month: number): Summary {
  const completionRate = ratio(g.completedToDate, g.annualPlan);
  const timeProgress = month / 12;
  return {
    projects: g.projects,
    newProjects: g.newProjects,
    continuedProjects: g.continuedProjects,
    totalInvestment: money(g.totalInvestment),
    annualPlan: money(g.annualPlan),
    completedToDate: money(g.completedToDate),
    completionRate,
    timeProgress,
    progressGap: completionRate === null ? null : completionRate - timeProgress,
    startedNew: g.startedNew,
    resumed: g.resumed,
    newStartRate: ratio(g.startedNew, g.newProjects),
    resumeRate: ratio(g.resumed, g.continuedProjects),
    startRate: ratio(g.startedNew + g.resumed, g.projects),
    unreported: g.unreported,
    warnings: { red: g.red, yellow: g.yellow, green: g.green },
    ...twoFigureSummary(g),
  };
}

/** The summary of any set of projects' figures (a grid's selection, a chart's bar). */
export function summarise(figures: readonly Evaluated[], month: number): Summary {
  const t = emptyTotals();
  for (const f of figures) addTo(t, f);
  return summaryOf(t, month);
}

function growth(cur: number, prev: number): number | null {
  return prev > 0 ? cur / prev - 1 : null;
}

export function compareYears(cur: Summary, prev: Summary): YearOverYear {
  return {
    projects: growth(cur.projects, prev.projects),
    totalInvestment: growth(cur.totalInvestment, prev.totalInvestment),
    annualPlan: growth(cur.annualPlan, prev.annualPlan),
    completedToDate: growth(cur.completedToDate, prev.completedToDate),
    completionRate: cur.completionRate !== null && prev.completionRate !== null ? cur.completionRate - prev.completionRate : null,
    startRate: cur.startRate !== null && prev.startRate !== null ? cur.startRate - prev.startRate : null,
  };
}

/** Totals by key, the keys of `order` first (even when empty), then the others as met. */
export class Breakdown {
  private readonly groups = new Map<string, GroupTotals>();
  constructor(order: readonly string[] = []) {
    for (const k of order) this.groups.set(k, emptyTotals());
  }
  add(key: string | null | undefined, f: Evaluated): void {
    if (key === null || key === undefined) return;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = emptyTotals()));
    addTo(g, f);
  }
  summaries(month: number): KeyedSummary[] {
    return [...this.groups].map(([key, g]) => ({ key, ...summaryOf(g, month) }));
  }
}
