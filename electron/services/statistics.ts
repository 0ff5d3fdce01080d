/**
 * The one statistics engine (../shared/domain/STATISTICS.md): per-project figures from one SQL
 * query, then every summary, breakdown, comparison and warning from exact integer sums. Rates are
 * fractions, rounded only when a number is written (shared/format.ts).
 */
import type { Level, Nature } from '../../shared/domain';
import { formatPercent, formatPointsDifference } from '../../shared/format';
import {
  DEFAULT_SIZE_BUCKETS,
  DEFAULT_THRESHOLDS,
  type KeyedSummary,
  type ProjectFigures,
  type SizeBucket,
  type Statistics,
  type StatsFilter,
  type Summary,
  type WarningLevel,
  type WarningThresholds,
  type YearOverYear,
} from '../../shared/statistics';
import type { Db } from '../db/connection';
import { readLists } from '../db/lists';
import { readSetting } from '../db/settings';
import { projectFigureRows, yearHasList, type FigureRow } from '../db/statistics';

export const THRESHOLDS_SETTING = 'statistics.thresholds';

export function warningThresholds(db: Db): WarningThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(readSetting<Partial<WarningThresholds>>(db, THRESHOLDS_SETTING) ?? {}) };
}

/** The colour of one project at month M, and why (STATISTICS.md, "Warning rules"). */
export function warningOf(
  f: Pick<ProjectFigures, 'nature' | 'startedNew' | 'plannedStartMonth' | 'completedToDate' | 'annualPlan'>,
  month: number,
  t: WarningThresholds,
): { warning: WarningLevel; reason: string | null } {
  const late = f.nature === 'new' && !f.startedNew && f.plannedStartMonth !== null ? month - f.plannedStartMonth : 0;
  // gap = M/12 − r > threshold, exactly in integers: 1000·(M·plan − 12·completed) > 12·(1000·threshold)·plan
  // (r = 0 when the plan is 0).
  const below = (threshold: number) => {
    const th = BigInt(Math.round(threshold * 1000));
    if (f.annualPlan <= 0) return BigInt(month) * 1000n > 12n * th;
    const plan = BigInt(f.annualPlan);
    return 1000n * (BigInt(month) * plan - 12n * BigInt(f.completedToDate)) > 12n * th * plan;
  };
  const gapText = () => {
    const [c, p] = f.annualPlan > 0 ? [f.completedToDate, f.annualPlan] : [0, 1];
    return `投资完成率${formatPercent(c, p)}，低于时序进度${formatPointsDifference(month, 12, c, p).text}`;
  };
  const lateText = () => `计划${f.plannedStartMonth}月开工，已逾期${late}个月未开工`;
  if (late >= t.redMonthsLate) return { warning: 'red', reason: lateText() };
  if (below(t.redGap)) return { warning: 'red', reason: gapText() };
  if (late >= t.yellowMonthsLate) return { warning: 'yellow', reason: lateText() };
  if (below(t.yellowGap)) return { warning: 'yellow', reason: gapText() };
  return { warning: 'green', reason: null };
}

function toFigures(row: FigureRow, month: number, t: WarningThresholds): ProjectFigures {
  const base = {
    projectId: row.projectId,
    code: row.code,
    name: row.name,
    level: row.level as Level | null,
    category: row.category,
    district: row.district,
    leadDepartment: row.leadDepartment,
    contactLeader: row.contactLeader,
    nature: row.nature as Nature | null,
    tags: row.tags ? row.tags.split('、') : [],
    totalInvestment: row.totalInvestment,
    annualPlan: row.annualPlan,
    plannedStartMonth: row.plannedStartMonth,
    completedToDate: row.completedToDate,
    completedLastMonth: row.completedLastMonth,
    reported: row.reported === 1,
    startedNew: row.nature === 'new' && row.started === 1,
    resumed: row.nature === 'continued' && row.resumed === 1,
    rate: row.annualPlan > 0 ? row.completedToDate / row.annualPlan : 0,
  };
  const { warning, reason } = warningOf(base, month, t);
  return { ...base, warning, warningReason: reason };
}

/** Every project of year Y's list (filtered) with its figures and colour as of month M. */
export function projectFigures(db: Db, year: number, month: number, filter: StatsFilter = {}, thresholds = warningThresholds(db)): ProjectFigures[] {
  return projectFigureRows(db, year, month, filter).map((r) => toFigures(r, month, thresholds));
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The measures of a population (STATISTICS.md, "Measures of a population"). */
export function summarise(figures: readonly ProjectFigures[], month: number): Summary {
  let newProjects = 0;
  let continuedProjects = 0;
  let totalInvestment = 0;
  let annualPlan = 0;
  let completedToDate = 0;
  let startedNew = 0;
  let resumed = 0;
  let unreported = 0;
  const warnings = { red: 0, yellow: 0, green: 0 };
  for (const f of figures) {
    if (f.nature === 'new') newProjects++;
    if (f.nature === 'continued') continuedProjects++;
    // Integers of 元: exact however many are added.
    totalInvestment += f.totalInvestment;
    annualPlan += f.annualPlan;
    completedToDate += f.completedToDate;
    if (f.startedNew) startedNew++;
    if (f.resumed) resumed++;
    if (!f.reported) unreported++;
    warnings[f.warning]++;
  }
  const completionRate = ratio(completedToDate, annualPlan);
  const timeProgress = month / 12;
  return {
    projects: figures.length,
    newProjects,
    continuedProjects,
    totalInvestment,
    annualPlan,
    completedToDate,
    completionRate,
    timeProgress,
    progressGap: completionRate === null ? null : completionRate - timeProgress,
    startedNew,
    resumed,
    newStartRate: ratio(startedNew, newProjects),
    resumeRate: ratio(resumed, continuedProjects),
    startRate: ratio(startedNew + resumed, figures.length),
    unreported,
    warnings,
  };
}

/** Summaries by a key; a project with several keys (tags) counts in each. Keys in `order` first. */
export function breakdown(
  figures: readonly ProjectFigures[],
  month: number,
  keysOf: (f: ProjectFigures) => readonly string[],
  order: readonly string[] = [],
): KeyedSummary[] {
  const groups = new Map<string, ProjectFigures[]>(order.map((k) => [k, []]));
  for (const f of figures) {
    for (const key of keysOf(f)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(f);
    }
  }
  return [...groups].map(([key, group]) => ({ key, ...summarise(group, month) }));
}

export function sizeKey(totalInvestment: number, buckets: readonly SizeBucket[] = DEFAULT_SIZE_BUCKETS): string {
  return (buckets.find((b) => totalInvestment >= b.min) ?? buckets[buckets.length - 1]!).key;
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

/** Everything a dashboard or a draft needs for year Y at month M, and the same for Y−1. */
export function statistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  const thresholds = warningThresholds(db);
  const figures = projectFigures(db, year, month, filter, thresholds);
  const overall = summarise(figures, month);
  const lists = readLists(db);
  const categories = lists.categories.map((c) => c.name);
  const districts = lists.districts.map((d) => d.name);
  const previousFigures = yearHasList(db, year - 1) ? projectFigures(db, year - 1, month, filter, thresholds) : null;
  const previous = previousFigures ? summarise(previousFigures, month) : null;
  return {
    year,
    month,
    overall,
    byLevel: breakdown(figures, month, (f) => (f.level ? [f.level] : []), ['province', 'city', 'county']),
    byCategory: breakdown(figures, month, (f) => (f.category ? [f.category] : []), categories),
    byDistrict: breakdown(figures, month, (f) => (f.district ? [f.district] : []), districts),
    bySize: breakdown(figures, month, (f) => [sizeKey(f.totalInvestment)], DEFAULT_SIZE_BUCKETS.map((b) => b.key)),
    byLeadDepartment: breakdown(figures, month, (f) => (f.leadDepartment ? [f.leadDepartment] : [])),
    byTag: breakdown(figures, month, (f) => f.tags),
    provinceCity: summarise(figures.filter((f) => f.level === 'province' || f.level === 'city'), month),
    previous,
    yoy: previous ? compareYears(overall, previous) : null,
  };
}

/** 赛马: groups by completion rate (highest first), ties broken by the amount completed. */
export function rank(groups: readonly KeyedSummary[]): KeyedSummary[] {
  return [...groups].sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1) || b.completedToDate - a.completedToDate);
}

/** The N fastest and slowest projects by completion rate (projects with a plan only). */
export function fastestAndSlowest(figures: readonly ProjectFigures[], n = 10): { fastest: ProjectFigures[]; slowest: ProjectFigures[] } {
  const planned = figures.filter((f) => f.annualPlan > 0);
  const byRate = [...planned].sort((a, b) => b.rate - a.rate || b.completedToDate - a.completedToDate);
  return { fastest: byRate.slice(0, n), slowest: byRate.slice(-n).reverse() };
}
