/**
 * The one statistics engine (../shared/domain/STATISTICS.md). One SQL query gives every project's
 * figures as of month M (electron/db/statistics.ts); this module applies the warning rules (one
 * function, warningOf) and adds up every summary and breakdown from exact integer sums. Rates are
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
import { readSetting, writeSetting } from '../db/settings';
import type { Ranking } from '../../shared/api';
import { AppError } from '../../shared/result';
import type { ServiceContext } from './context';
import { requireDb } from './library';
import { changeStamp } from '../db/statements';
import { figureRows, FLAG, monthlyCompleted, projectNames, projectTagPairs, yearHasList, type FigureArray } from '../db/statistics';
import type { ChartDimension, MonthlyTrend } from '../../shared/charts';

export const THRESHOLDS_SETTING = 'statistics.thresholds';

export function warningThresholds(db: Db): WarningThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(readSetting<Partial<WarningThresholds>>(db, THRESHOLDS_SETTING) ?? {}) };
}

/**
 * Whether time progress exceeds the completion rate by more than `threshold` (a fraction), exactly:
 * 1000·(M·plan − 12·completed) > 12·(1000·threshold)·plan, in integers (completion is 0 without a plan).
 */
function gapAbove(completed: number, plan: number, month: number, threshold: number): boolean {
  const th = Math.round(threshold * 1000);
  if (plan <= 0) return 1000 * month > 12 * th;
  const lhs = 1000 * (month * plan - 12 * completed);
  const rhs = 12 * th * plan;
  if (Math.abs(lhs) < Number.MAX_SAFE_INTEGER && Math.abs(rhs) < Number.MAX_SAFE_INTEGER) return lhs > rhs;
  return 1000n * (BigInt(month) * BigInt(plan) - 12n * BigInt(completed)) > 12n * BigInt(th) * BigInt(plan);
}

export interface WarningInput {
  nature: Nature | null;
  started: boolean;
  plannedStartMonth: number | null;
  completedToDate: number;
  annualPlan: number;
}

/** The warning rules of STATISTICS.md: the most severe colour that applies, and which rule gave it. */
export function warningOf(f: WarningInput, month: number, t: WarningThresholds): { warning: WarningLevel; rule: 'late' | 'gap' | null; monthsLate: number } {
  const monthsLate = f.nature === 'new' && !f.started && f.plannedStartMonth !== null ? month - f.plannedStartMonth : 0;
  if (monthsLate >= t.redMonthsLate) return { warning: 'red', rule: 'late', monthsLate };
  if (gapAbove(f.completedToDate, f.annualPlan, month, t.redGap)) return { warning: 'red', rule: 'gap', monthsLate };
  if (monthsLate >= t.yellowMonthsLate) return { warning: 'yellow', rule: 'late', monthsLate };
  if (gapAbove(f.completedToDate, f.annualPlan, month, t.yellowGap)) return { warning: 'yellow', rule: 'gap', monthsLate };
  return { warning: 'green', rule: null, monthsLate };
}

function reasonText(rule: 'late' | 'gap' | null, monthsLate: number, f: WarningInput, month: number): string | null {
  if (rule === 'late') return `计划${f.plannedStartMonth}月开工，已逾期${monthsLate}个月未开工`;
  if (rule === 'gap') {
    const [c, p] = f.annualPlan > 0 ? [f.completedToDate, f.annualPlan] : [0, 1];
    return `投资完成率${formatPercent(c, p)}，低于时序进度${formatPointsDifference(month, 12, c, p).text}`;
  }
  return null;
}

/** Sums and counts of a group of projects: everything a Summary is made of. */
export interface GroupTotals {
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

const emptyTotals = (): GroupTotals => ({
  projects: 0, newProjects: 0, continuedProjects: 0, totalInvestment: 0, annualPlan: 0, completedToDate: 0, startedNew: 0, resumed: 0,
  unreported: 0, red: 0, yellow: 0, green: 0,
});

interface Evaluated {
  nature: Nature | null;
  totalInvestment: number;
  annualPlan: number;
  completedToDate: number;
  reported: boolean;
  startedNew: boolean;
  resumed: boolean;
  warning: WarningLevel;
}

/** Add one project to a group (integers of 元: exact however many are added). */
function addTo(t: GroupTotals, f: Evaluated): void {
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
    totalInvestment: g.totalInvestment,
    annualPlan: g.annualPlan,
    completedToDate: g.completedToDate,
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
  };
}

/** The summary of any set of projects' figures (a grid's selection, a chart's bar). */
export function summarise(figures: readonly Evaluated[], month: number): Summary {
  const t = emptyTotals();
  for (const f of figures) addTo(t, f);
  return summaryOf(t, month);
}

const LEVELS: (Level | null)[] = [null, 'province', 'city', 'county'];

function levelOf(row: FigureArray): Level | null {
  return LEVELS[row[1] & FLAG.levelMask]!;
}

function evaluate(row: FigureArray, month: number, t: WarningThresholds): Evaluated & { rule: 'late' | 'gap' | null; monthsLate: number; plannedStartMonth: number | null } {
  const flags = row[1];
  const nature: Nature | null = flags & FLAG.natureNew ? 'new' : flags & FLAG.natureContinued ? 'continued' : null;
  const started = (flags & FLAG.started) !== 0;
  const w = warningOf({ nature, started, plannedStartMonth: row[8], completedToDate: row[9], annualPlan: row[7] }, month, t);
  return {
    nature,
    totalInvestment: row[6],
    annualPlan: row[7],
    completedToDate: row[9],
    plannedStartMonth: row[8],
    reported: (flags & FLAG.reported) !== 0,
    startedNew: nature === 'new' && started,
    resumed: nature === 'continued' && (flags & FLAG.resumed) !== 0,
    warning: w.warning,
    rule: w.rule,
    monthsLate: w.monthsLate,
  };
}

/** Every project of year Y's list (filtered) with its figures and colour as of month M, in list order. */
export function projectFigures(db: Db, year: number, month: number, filter: StatsFilter = {}, thresholds = warningThresholds(db)): ProjectFigures[] {
  const rows = figureRows(db, year, month, filter, true);
  const lists = readLists(db);
  const categories = new Map(lists.categories.map((c) => [c.id, c.name]));
  const districts = new Map(lists.districts.map((d) => [d.id, d.name]));
  const leaders = new Map(lists.contactLeaders.map((l) => [l.id, l.name]));
  const names = projectNames(db, year);
  const tags = new Map<number, string[]>();
  for (const [projectId, tag] of projectTagPairs(db, year)) tags.set(projectId, [...(tags.get(projectId) ?? []), tag]);
  return rows.map((row) => {
    const e = evaluate(row, month, thresholds);
    const id = row[0];
    return {
      projectId: id,
      code: names.get(id)?.code ?? null,
      name: names.get(id)?.name ?? '',
      level: levelOf(row),
      category: row[2] === null ? null : (categories.get(row[2]) ?? null),
      district: row[3] === null ? null : (districts.get(row[3]) ?? null),
      leadDepartment: row[4],
      contactLeader: row[5] === null ? null : (leaders.get(row[5]) ?? null),
      nature: e.nature,
      tags: tags.get(id) ?? [],
      totalInvestment: e.totalInvestment,
      annualPlan: e.annualPlan,
      plannedStartMonth: e.plannedStartMonth,
      completedToDate: e.completedToDate,
      completedLastMonth: row[10],
      reported: e.reported,
      startedNew: e.startedNew,
      resumed: e.resumed,
      rate: e.annualPlan > 0 ? e.completedToDate / e.annualPlan : 0,
      warning: e.warning,
      warningReason: reasonText(e.rule, e.monthsLate, { nature: e.nature, started: e.startedNew, plannedStartMonth: e.plannedStartMonth, completedToDate: e.completedToDate, annualPlan: e.annualPlan }, month),
    };
  });
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

/** Totals by key, the keys of `order` first (even when empty), then the others as met. */
class Breakdown {
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

/** Year Y at month M, overall and broken down, in one pass over the projects. */
function yearStatistics(db: Db, year: number, month: number, filter: StatsFilter, thresholds: WarningThresholds, withBreakdowns: boolean) {
  const rows = figureRows(db, year, month, filter, false, !withBreakdowns);
  const lists = readLists(db);
  const categories = new Map(lists.categories.map((c) => [c.id, c.name]));
  const districts = new Map(lists.districts.map((d) => [d.id, d.name]));
  const overall = emptyTotals();
  const provinceCity = emptyTotals();
  const byLevel = new Breakdown(['province', 'city', 'county']);
  const byCategory = new Breakdown(lists.categories.map((c) => c.name));
  const byDistrict = new Breakdown(lists.districts.map((d) => d.name));
  const bySize = new Breakdown(DEFAULT_SIZE_BUCKETS.map((b) => b.key));
  const byLeadDepartment = new Breakdown();
  const byContactLeader = new Breakdown();
  const leaders = new Map(lists.contactLeaders.map((l) => [l.id, l.name]));
  const byTag = new Breakdown(lists.tags.map((t) => t.name));
  const tagsOf = new Map<number, string[]>();
  if (withBreakdowns) {
    for (const [projectId, tag] of projectTagPairs(db, year)) {
      const list = tagsOf.get(projectId);
      if (list) list.push(tag);
      else tagsOf.set(projectId, [tag]);
    }
  }
  for (const row of rows) {
    const f = evaluate(row, month, thresholds);
    addTo(overall, f);
    if (!withBreakdowns) continue;
    const level = levelOf(row);
    if (level === 'province' || level === 'city') addTo(provinceCity, f);
    byLevel.add(level, f);
    byCategory.add(row[2] === null ? null : categories.get(row[2]), f);
    byDistrict.add(row[3] === null ? null : districts.get(row[3]), f);
    bySize.add(sizeKey(f.totalInvestment), f);
    byLeadDepartment.add(row[4], f);
    byContactLeader.add(row[5] === null ? null : leaders.get(row[5]), f);
    for (const tag of tagsOf.get(row[0]) ?? []) byTag.add(tag, f);
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

/**
 * Recent results by library: statistics are a pure function of the library's contents, so a result
 * stays valid while the change stamp is the same (a dashboard redrawn, a draft regenerated, the same
 * month asked for by several screens). Any write changes the stamp.
 */
const recent = new WeakMap<Db, Map<string, { stamp: string; value: Statistics }>>();
const RECENT_MAX = 16;

/** Everything a dashboard or a draft needs for year Y at month M, and the overall figures of Y−1. */
export function statistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  const key = JSON.stringify([year, month, filter]);
  const stamp = changeStamp(db);
  let cache = recent.get(db);
  if (!cache) recent.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value;
  const value = computeStatistics(db, year, month, filter);
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > RECENT_MAX) cache.delete(cache.keys().next().value!);
  return value;
}

/** The same, always computed afresh (benchmarks measure this too). */
export function computeStatistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  const thresholds = warningThresholds(db);
  const current = yearStatistics(db, year, month, filter, thresholds, true);
  const previous = yearHasList(db, year - 1) ? yearStatistics(db, year - 1, month, filter, thresholds, false).overall : null;
  return { year, month, ...current, previous, yoy: previous ? compareYears(current.overall, previous) : null };
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

/** 赛马 for the screen: districts and lead departments ranked, and the ten fastest and slowest projects. */
export function ranking(ctx: ServiceContext, year: number, month: number, filter: StatsFilter = {}): Ranking {
  const db = requireDb(ctx);
  const st = statistics(db, year, month, filter);
  const { fastest, slowest } = fastestAndSlowest(projectFigures(db, year, month, filter), 10);
  return { districts: rank(st.byDistrict.filter((d) => d.projects > 0)), leadDepartments: rank(st.byLeadDepartment), fastest, slowest };
}

/** Change the warning thresholds (设置), refusing a yellow threshold stricter than the red one. */
export function setThresholds(ctx: ServiceContext, t: WarningThresholds): WarningThresholds {
  const db = requireDb(ctx, 'write');
  if (t.yellowMonthsLate > t.redMonthsLate) throw new AppError('VALIDATION', '黄色预警的逾期月数不能多于红色预警');
  if (t.yellowGap > t.redGap) throw new AppError('VALIDATION', '黄色预警的落后百分点不能大于红色预警');
  writeSetting(db, THRESHOLDS_SETTING, t);
  return warningThresholds(db);
}

/** A year's twelve cumulative figures, reused while the library is unchanged (switching the month reuses them). */
const recentMonthly = new WeakMap<Db, Map<string, { stamp: string; value: number[] }>>();

function monthlyCompletedReused(db: Db, year: number, filter: StatsFilter): number[] {
  const key = JSON.stringify([year, filter]);
  const stamp = changeStamp(db);
  let cache = recentMonthly.get(db);
  if (!cache) recentMonthly.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value;
  const value = monthlyCompleted(db, year, filter);
  cache.set(key, { stamp, value });
  if (cache.size > RECENT_MAX) cache.delete(cache.keys().next().value!);
  return value;
}

/** The monthly trend of 统计分析: year Y through month M, all of Y−1, and Y's annual plan. */
export function monthlyTrend(ctx: ServiceContext, year: number, month: number, filter: StatsFilter = {}): MonthlyTrend {
  const db = requireDb(ctx);
  const current = monthlyCompletedReused(db, year, filter).map((v, i) => (i < month ? v : null));
  const previous = yearHasList(db, year - 1) ? monthlyCompletedReused(db, year - 1, filter) : null;
  const annualPlan = statistics(db, year, month, filter).overall.annualPlan;
  return { year, current, previous, annualPlan };
}

/**
 * The projects behind one bar, slice or point of a chart: the chart's filter, and the clicked key
 * of its dimension (a district, a category, a level, a size bucket, a colour, new/continued,
 * started or not), decided here by the same rules the chart's numbers came from.
 */
export function projectsBehind(
  ctx: ServiceContext,
  args: { year: number; month: number; filter?: StatsFilter; dimension: ChartDimension; key: string },
): ProjectFigures[] {
  const all = projectFigures(requireDb(ctx), args.year, args.month, args.filter ?? {});
  const pick: (f: ProjectFigures) => boolean = {
    district: (f: ProjectFigures) => f.district === args.key,
    category: (f: ProjectFigures) => f.category === args.key,
    level: (f: ProjectFigures) => f.level === args.key,
    size: (f: ProjectFigures) => sizeKey(f.totalInvestment) === args.key,
    warning: (f: ProjectFigures) => f.warning === args.key,
    nature: (f: ProjectFigures) =>
      args.key === 'started' ? f.startedNew || f.resumed : args.key === 'notStarted' ? !(f.startedNew || f.resumed) : f.nature === args.key,
    started: (f: ProjectFigures) => (args.key === 'notStarted' ? !(f.startedNew || f.resumed) : f.startedNew || f.resumed),
  }[args.dimension];
  return all.filter(pick);
}
