/**
 * The engine proper: every listed project's figures as of month M (month M's report, else the
 * latest before it: carry-forward), the warning rules applied (warning-rules.ts), and year Y's
 * statistics overall and broken down in one pass (totals.ts). One SQL query per month gives the
 * figures (electron/db/statistics.ts); the list comes from memory (year-list.ts).
 */
import { money } from '../../../shared/money';
import { DEFAULT_SIZE_BUCKETS, type ProjectFigures, type Statistics, type StatsFilter, type WarningThresholds } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { readLists } from '../../db/lists';
import { REPORT_FLAG } from '../../db/report-flags';
import { firstReportMonth, latestReportsBefore, reportsOfMonth } from '../../db/statistics';
import { numberStyle } from '../number-style';
import { Breakdown, addTo, compareYears, emptyTotals, summaryOf } from './totals';
import { overdueProcedures, type OverdueFact } from './procedure-warnings';
import { monthTwoFigures, twoFigureFacts } from './two-figures';
import { warningOf, warningReason, warningThresholds, type WarningInput } from './warning-rules';
import { namesOf, selectedIndexes, yearList, type ListedProject, type YearList } from './year-list';

/** Bits of MonthFigures.flags (declared in electron/db/report-flags.ts). */
const { started: STARTED, resumed: RESUMED, reported: REPORTED } = REPORT_FLAG;

/** Every listed project's figures as of month M, by position in the list (what changes all the time). */
interface MonthFigures {
  completedToDate: Float64Array;
  flags: Uint8Array;
  /** The month of the report the figures come from (M, or earlier when carried forward); 0: none. */
  lastReported: Uint8Array;
  statisticsToDate: Float64Array; // these two NaN for none (statistics/two-figures.ts)
  plannedToDate: Float64Array;
  /** Each project's most overdue 前期手续 at the month end (procedure-warnings.ts), by project id. */
  overdue: Map<number, OverdueFact>;
}

/**
 * Month M's report of each project on the list, else its latest report before M (carry-forward),
 * else nothing: 0 completed, not started. Month 0 (the month before January) is all nothing.
 */
function monthFigures(db: Db, list: YearList, year: number, month: number): MonthFigures {
  const n = list.projects.length;
  const figures: MonthFigures = { completedToDate: new Float64Array(n), flags: new Uint8Array(n), lastReported: new Uint8Array(n), ...monthTwoFigures(db, year, month, list.projects), overdue: overdueProcedures(db, year, month) };
  if (month < 1) return figures;
  for (const [projectId, flags, completed, statistics] of reportsOfMonth(db, year, month)) {
    const i = list.position.get(projectId);
    if (i === undefined) continue;
    figures.completedToDate[i] = completed;
    figures.statisticsToDate[i] = statistics ?? NaN;
    figures.flags[i] = flags | REPORTED;
    figures.lastReported[i] = month;
  }
  const unreported = list.projects.filter((_, i) => figures.flags[i] === 0).map((p) => p.id);
  for (const [projectId, flags, completed, statistics, reportMonth] of latestReportsBefore(db, year, month, unreported)) {
    const i = list.position.get(projectId)!;
    figures.completedToDate[i] = completed;
    figures.statisticsToDate[i] = statistics ?? NaN;
    figures.flags[i] = flags;
    figures.lastReported[i] = reportMonth;
  }
  return figures;
}

/** One project at month M: its figures, the flags decoded and the warning rules applied. */
function evaluate(p: ListedProject, figures: MonthFigures, i: number, month: number, t: WarningThresholds) {
  const flags = figures.flags[i]!;
  const started = (flags & STARTED) !== 0;
  const completedToDate = money(figures.completedToDate[i]!);
  const input: WarningInput = {
    nature: p.nature,
    started,
    plannedStartMonth: p.plannedStartMonth,
    completedToDate,
    annualPlan: p.annualPlan,
    lastReported: figures.lastReported[i]!,
    overdueProcedure: figures.overdue.get(p.id) ?? null,
  };
  const w = warningOf(input, month, t);
  return {
    ...twoFigureFacts(p, started, month, completedToDate, figures.statisticsToDate[i]!, figures.plannedToDate[i]!),
    nature: p.nature,
    totalInvestment: p.totalInvestment,
    annualPlan: p.annualPlan,
    completedToDate,
    started,
    reported: (flags & REPORTED) !== 0,
    startedNew: p.nature === 'new' && started,
    resumed: p.nature === 'continued' && (flags & RESUMED) !== 0,
    warning: w.warning,
    outcome: w,
    input,
  };
}

/** Every project of year Y's list (filtered) with its figures and colour as of month M, in list order. */
export function projectFigures(db: Db, year: number, month: number, filter: StatsFilter = {}, thresholds = warningThresholds(db)): ProjectFigures[] {
  const style = numberStyle(db);
  const list = yearList(db, year);
  const names = namesOf(db, year, list);
  const now = monthFigures(db, list, year, month);
  // Month M−1 before the year's first report has no data: its cumulative is unknown, not 0
  // (a library started with a 1-8月 sheet knows nothing of July). January's month before is 0.
  const first = firstReportMonth(db, year);
  const before = month === 1 || (first !== null && month - 1 >= first) ? monthFigures(db, list, year, month - 1) : null;
  return selectedIndexes(list, filter).map((i) => {
    const p = list.projects[i]!;
    const e = evaluate(p, now, i, month, thresholds);
    return {
      projectId: p.id,
      code: names.get(p.id)?.code ?? null,
      name: names.get(p.id)?.name ?? '',
      responsibleUnit: names.get(p.id)?.responsibleUnit ?? null,
      level: p.level,
      category: p.category,
      district: p.district,
      leadDepartment: p.leadDepartment,
      contactLeader: p.contactLeader,
      nature: p.nature,
      tags: p.tags,
      totalInvestment: p.totalInvestment,
      annualPlan: p.annualPlan,
      plannedStartMonth: p.plannedStartMonth,
      completedToDate: e.completedToDate,
      completedLastMonth: before ? money(before.completedToDate[i]!) : null,
      statisticsToDate: e.statisticsToDate, plannedToDate: e.plannedToDate,
      reported: e.reported,
      startedNew: e.startedNew,
      resumed: e.resumed,
      rate: p.annualPlan > 0 ? e.completedToDate / p.annualPlan : 0,
      warning: e.warning,
      warningReason: warningReason(e.input, month, thresholds, e.outcome, style),
    };
  });
}

/** Year Y at month M, overall and broken down, in one pass over the projects. */
function yearStatistics(db: Db, list: YearList, year: number, month: number, filter: StatsFilter, thresholds: WarningThresholds, withBreakdowns: boolean) {
  const figures = monthFigures(db, list, year, month);
  const lists = readLists(db);
  const overall = emptyTotals();
  const provinceCity = emptyTotals();
  const byLevel = new Breakdown(['province', 'city', 'county']);
  const byCategory = new Breakdown(lists.categories.map((c) => c.name));
  const byDistrict = new Breakdown(lists.districts.map((d) => d.name));
  const bySize = new Breakdown(DEFAULT_SIZE_BUCKETS.map((b) => b.key));
  const byLeadDepartment = new Breakdown();
  const byContactLeader = new Breakdown();
  const byTag = new Breakdown(lists.tags.map((t) => t.name));
  for (const i of selectedIndexes(list, filter)) {
    const p = list.projects[i]!;
    const f = evaluate(p, figures, i, month, thresholds);
    addTo(overall, f);
    if (!withBreakdowns) continue;
    if (p.level === 'province' || p.level === 'city') addTo(provinceCity, f);
    byLevel.add(p.level, f);
    byCategory.add(p.category, f);
    byDistrict.add(p.district, f);
    bySize.add(p.size, f);
    byLeadDepartment.add(p.leadDepartment, f);
    byContactLeader.add(p.contactLeader, f);
    for (const tag of p.tags) byTag.add(tag, f);
  }
  return {
    overall: summaryOf(overall, month),
    provinceCity: summaryOf(provinceCity, month),
    byLevel: byLevel.summaries(month),
    byCategory: byCategory.summaries(month),
    byDistrict: byDistrict.summaries(month),
    bySize: bySize.summaries(month),
    byLeadDepartment: byLeadDepartment.summaries(month),
    byContactLeader: byContactLeader.summaries(month),
    byTag: byTag.summaries(month),
  };
}

/** Everything a dashboard or a draft needs for year Y at month M, computed afresh (each year's list still comes from memory while it is unchanged); caches.ts reuses it. */
export function computeStatistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  const thresholds = warningThresholds(db);
  const current = yearStatistics(db, yearList(db, year), year, month, filter, thresholds, true);
  const lastYear = yearList(db, year - 1);
  const previous = lastYear.projects.length ? yearStatistics(db, lastYear, year - 1, month, filter, thresholds, false).overall : null;
  return { year, month, ...current, previous, yoy: previous ? compareYears(current.overall, previous) : null };
}
