/**
 * The one statistics engine (../shared/domain/STATISTICS.md). One SQL query gives every project's
 * figures as of month M (electron/db/statistics.ts); this module applies the warning rules
 * (statistics/warning-rules.ts) and adds up every summary and breakdown from exact integer sums. Rates are
 * fractions, rounded only when a number is written (shared/format.ts).
 */
import type { Level, Nature } from '../../shared/domain';
import { byCompletionRate } from '../../shared/phrases';
import { numberStyle } from './number-style';
import {
  DEFAULT_SIZE_BUCKETS,
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
import type { Ranking } from '../../shared/api';
import type { ServiceContext } from './context';
import { requireDb } from './library';
import { changeStamp } from '../db/statements';
import { KIND, firstReportMonth, latestReportsBefore, listedProjects, listVersion, monthlyCompleted, projectNames, projectTagIds, reportsOfMonth } from '../db/statistics';
import type { MonthlyTrend } from '../../shared/charts';
import { warningOf, warningReason, warningThresholds, type WarningInput } from './statistics/warning-rules';
import { money, type Money } from '../../shared/money';
import { addTwoFigures, emptyTwoFigureTotals, monthTwoFigures, twoFigureFacts, twoFigureSummary, type TwoFigureFacts, type TwoFigureTotals } from './statistics/two-figures';

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

const emptyTotals = (): GroupTotals => ({
  projects: 0, newProjects: 0, continuedProjects: 0, totalInvestment: 0, annualPlan: 0, completedToDate: 0, startedNew: 0, resumed: 0,
  unreported: 0, red: 0, yellow: 0, green: 0, ...emptyTwoFigureTotals(),
});

interface Evaluated extends TwoFigureFacts {
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

/** A project of a year's list as the engine keeps it in memory (what changes rarely). */
interface ListedProject {
  id: number;
  level: Level | null;
  nature: Nature | null;
  category: string | null;
  district: string | null;
  leadDepartment: string | null;
  contactLeader: string | null;
  tags: string[];
  totalInvestment: Money;
  annualPlan: Money;
  plannedStartMonth: number | null;
  size: string;
}

interface YearList {
  /** listVersion when read: the list is re-read once the version has moved. */
  version: number;
  projects: ListedProject[];
  /** Project id → index in `projects`. */
  position: Map<number, number>;
  /** Codes and names, read when first asked for (statistics need none). */
  names?: Map<number, { code: string | null; name: string; responsibleUnit: string | null }>;
}

const yearLists = new WeakMap<Db, Map<number, YearList>>();
const LEVELS: (Level | null)[] = [null, 'province', 'city', 'county'];

/** Year Y's list, from memory while no project, plan, tag or list has changed since it was read. */
function yearList(db: Db, year: number): YearList {
  const version = listVersion(db);
  let byYear = yearLists.get(db);
  if (!byYear) yearLists.set(db, (byYear = new Map()));
  const kept = byYear.get(year);
  if (kept && kept.version === version) return kept;
  const lists = readLists(db);
  const nameOf = (items: readonly { id: number; name: string }[]) => {
    const names = new Map(items.map((item) => [item.id, item.name]));
    return (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  };
  const category = nameOf(lists.categories);
  const departmentOf = new Map(lists.categories.map((c) => [c.id, c.leadDepartment]));
  const district = nameOf(lists.districts);
  const leader = nameOf(lists.contactLeaders);
  const projects = listedProjects(db, year).map(
    ([id, kind, categoryId, districtId, leadDepartment, leaderId, totalInvestment, annualPlan, plannedStartMonth]): ListedProject => ({
      id,
      level: LEVELS[kind & KIND.levelMask]!,
      nature: kind & KIND.natureNew ? 'new' : kind & KIND.natureContinued ? 'continued' : null,
      category: category(categoryId),
      district: district(districtId),
      leadDepartment: leadDepartment === null ? (categoryId === null ? null : (departmentOf.get(categoryId) ?? null)) : leadDepartment || null,
      contactLeader: leader(leaderId),
      tags: [],
      totalInvestment,
      annualPlan,
      plannedStartMonth,
      size: sizeKey(totalInvestment),
    }),
  );
  const position = new Map(projects.map((p, i) => [p.id, i]));
  // Tags in the order of the tag list (the pairs come in storage order).
  const tagIndex = new Map(lists.tags.map((t, i) => [t.id, i]));
  const tagIndexes = new Map<ListedProject, number[]>();
  for (const [projectId, tagId] of projectTagIds(db)) {
    const i = position.get(projectId);
    if (i === undefined) continue;
    const p = projects[i]!;
    const list = tagIndexes.get(p);
    if (list) list.push(tagIndex.get(tagId)!);
    else tagIndexes.set(p, [tagIndex.get(tagId)!]);
  }
  for (const [p, indexes] of tagIndexes) p.tags = indexes.sort((a, b) => a - b).map((t) => lists.tags[t]!.name);
  const list: YearList = { version, projects, position };
  byYear.set(year, list);
  return list;
}

function namesOf(db: Db, year: number, list: YearList): Map<number, { code: string | null; name: string; responsibleUnit: string | null }> {
  list.names ??= new Map(projectNames(db, year).map(([id, code, name, responsibleUnit]) => [id, { code, name, responsibleUnit }]));
  return list.names;
}

/** Bits of MonthFigures.flags. */
const STARTED = 1;
const RESUMED = 2;
const REPORTED = 4;

/** Every listed project's figures as of month M, by position in the list (what changes all the time). */
interface MonthFigures {
  completedToDate: Float64Array;
  flags: Uint8Array;
  /** The month of the report the figures come from (M, or earlier when carried forward); 0: none. */
  lastReported: Uint8Array;
  statisticsToDate: Float64Array; // these two NaN for none (statistics/two-figures.ts)
  plannedToDate: Float64Array;
}

/**
 * Month M's report of each project on the list, else its latest report before M (carry-forward),
 * else nothing: 0 completed, not started. Month 0 (the month before January) is all nothing.
 */
function monthFigures(db: Db, list: YearList, year: number, month: number): MonthFigures {
  const n = list.projects.length;
  const figures: MonthFigures = { completedToDate: new Float64Array(n), flags: new Uint8Array(n), lastReported: new Uint8Array(n), ...monthTwoFigures(db, year, month, list.projects) };
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

/** Whether a listed project falls under the filter (each dimension given: one of its values; tags: any). */
function filterTest(filter: StatsFilter): (p: ListedProject) => boolean {
  const set = (values: readonly string[] | undefined) => (values && values.length ? new Set<string | null>(values) : null);
  const levels = set(filter.levels);
  const categories = set(filter.categories);
  const districts = set(filter.districts);
  const departments = set(filter.leadDepartments);
  const leaders = set(filter.contactLeaders);
  const tags = set(filter.tags);
  return (p) =>
    (!levels || levels.has(p.level)) &&
    (!categories || categories.has(p.category)) &&
    (!districts || districts.has(p.district)) &&
    (!departments || departments.has(p.leadDepartment)) &&
    (!leaders || leaders.has(p.contactLeader)) &&
    (!tags || p.tags.some((t) => tags.has(t)));
}

/** The indexes of the listed projects under the filter, in list order. */
function selectedIndexes(list: YearList, filter: StatsFilter): number[] {
  const test = filterTest(filter);
  const out: number[] = [];
  list.projects.forEach((p, i) => test(p) && out.push(i));
  return out;
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

/** The same, computed afresh (each year's list still comes from memory while it is unchanged). */
function computeStatistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  const thresholds = warningThresholds(db);
  const current = yearStatistics(db, yearList(db, year), year, month, filter, thresholds, true);
  const lastYear = yearList(db, year - 1);
  const previous = lastYear.projects.length ? yearStatistics(db, lastYear, year - 1, month, filter, thresholds, false).overall : null;
  return { year, month, ...current, previous, yoy: previous ? compareYears(current.overall, previous) : null };
}

/** 赛马: groups by completion rate (highest first), ties broken by the amount completed. */
export function rank(groups: readonly KeyedSummary[]): KeyedSummary[] {
  // Exactly, by the phrase library's order: two rates that print alike are still told apart.
  return [...groups].sort(byCompletionRate);
}

/** The N fastest and slowest projects by completion rate (projects with a plan only). */
export function fastestAndSlowest(figures: readonly ProjectFigures[], n = 10): { fastest: ProjectFigures[]; slowest: ProjectFigures[] } {
  const planned = figures.filter((f) => f.annualPlan > 0);
  const byRate = [...planned].sort(byCompletionRate);
  return { fastest: byRate.slice(0, n), slowest: byRate.slice(-n).reverse() };
}

/** 赛马 for the screen: districts and lead departments ranked, and the ten fastest and slowest projects. */
export function ranking(ctx: ServiceContext, year: number, month: number, filter: StatsFilter = {}): Ranking {
  const db = requireDb(ctx);
  const st = statistics(db, year, month, filter);
  const { fastest, slowest } = fastestAndSlowest(projectFigures(db, year, month, filter), 10);
  return { districts: rank(st.byDistrict.filter((d) => d.projects > 0)), leadDepartments: rank(st.byLeadDepartment), fastest, slowest };
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
  const list = yearList(db, year);
  const filtered = Object.values(filter).some((v) => Array.isArray(v) && v.length > 0);
  const value = monthlyCompleted(db, year, filtered ? selectedIndexes(list, filter).map((i) => list.projects[i]!.id) : null);
  cache.set(key, { stamp, value });
  if (cache.size > RECENT_MAX) cache.delete(cache.keys().next().value!);
  return value;
}

/** The monthly trend of 统计分析: year Y through month M, all of Y−1, and Y's annual plan. */
export function monthlyTrend(ctx: ServiceContext, year: number, month: number, filter: StatsFilter = {}): MonthlyTrend {
  return monthlyTrendOf(requireDb(ctx), year, month, filter);
}

/** The months with data: from the year's first report on (the ones before are no data, left out, not 0). */
function fromFirstReport(db: Db, year: number, values: number[], through = 12): (number | null)[] {
  const first = firstReportMonth(db, year) ?? 13;
  return values.map((v, i) => (i + 1 >= first && i < through ? v : null));
}

export function monthlyTrendOf(db: Db, year: number, month: number, filter: StatsFilter = {}): MonthlyTrend {
  const current = fromFirstReport(db, year, monthlyCompletedReused(db, year, filter), month);
  const previous = yearList(db, year - 1).projects.length ? fromFirstReport(db, year - 1, monthlyCompletedReused(db, year - 1, filter)) : null;
  const annualPlan = statistics(db, year, month, filter).overall.annualPlan;
  return { year, current, previous, annualPlan };
}
