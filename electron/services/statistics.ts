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
  type WarningThresholds,
  type YearOverYear,
} from '../../shared/statistics';
import type { Db } from '../db/connection';
import { readLists } from '../db/lists';
import { readSetting } from '../db/settings';
import { fineGroups, projectFigureRows, tagGroups, yearHasList, type FigureRow, type FineGroupRow, type GroupRow } from '../db/statistics';

export const THRESHOLDS_SETTING = 'statistics.thresholds';

export function warningThresholds(db: Db): WarningThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(readSetting<Partial<WarningThresholds>>(db, THRESHOLDS_SETTING) ?? {}) };
}

/** Why a project has its colour, in Chinese (the colour itself is decided in SQL, electron/db/statistics.ts). */
function warningReason(row: FigureRow, month: number): string | null {
  if (row.rule === 'late') return `计划${row.plannedStartMonth}月开工，已逾期${row.monthsLate}个月未开工`;
  if (row.rule === 'gap') {
    const [c, p] = row.annualPlan > 0 ? [row.completedToDate, row.annualPlan] : [0, 1];
    return `投资完成率${formatPercent(c, p)}，低于时序进度${formatPointsDifference(month, 12, c, p).text}`;
  }
  return null;
}

function toFigures(row: FigureRow, month: number): ProjectFigures {
  return {
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
    warning: row.warning,
    warningReason: warningReason(row, month),
  };
}

/** Every project of year Y's list (filtered) with its figures and colour as of month M. */
export function projectFigures(db: Db, year: number, month: number, filter: StatsFilter = {}, thresholds = warningThresholds(db)): ProjectFigures[] {
  return projectFigureRows(db, year, month, filter, thresholds).map((r) => toFigures(r, month));
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

const EMPTY: GroupRow = { projects: 0, newProjects: 0, continuedProjects: 0, totalInvestment: 0, annualPlan: 0, completedToDate: 0, startedNew: 0, resumed: 0, unreported: 0, red: 0, yellow: 0, green: 0 };

/** Add groups: integers of 元 and counts, exact however many are added. */
function add(groups: readonly GroupRow[]): GroupRow {
  const t = { ...EMPTY };
  for (const g of groups) for (const k of Object.keys(EMPTY) as (keyof GroupRow)[]) t[k] += g[k];
  return t;
}

/** The measures of a population (STATISTICS.md, "Measures of a population") from its sums. */
export function summaryOf(groups: readonly GroupRow[], month: number): Summary {
  const g = add(groups);
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

/** One project as a group of one, so any set of projects is summarised the same way. */
export function groupOf(f: Pick<ProjectFigures, 'nature' | 'totalInvestment' | 'annualPlan' | 'completedToDate' | 'startedNew' | 'resumed' | 'reported' | 'warning'>): GroupRow {
  return {
    projects: 1,
    newProjects: f.nature === 'new' ? 1 : 0,
    continuedProjects: f.nature === 'continued' ? 1 : 0,
    totalInvestment: f.totalInvestment,
    annualPlan: f.annualPlan,
    completedToDate: f.completedToDate,
    startedNew: f.startedNew ? 1 : 0,
    resumed: f.resumed ? 1 : 0,
    unreported: f.reported ? 0 : 1,
    red: f.warning === 'red' ? 1 : 0,
    yellow: f.warning === 'yellow' ? 1 : 0,
    green: f.warning === 'green' ? 1 : 0,
  };
}

/** The summary of a set of projects' figures (a grid's selection, a chart's bar). */
export function summarise(figures: readonly Parameters<typeof groupOf>[0][], month: number): Summary {
  return summaryOf(figures.map(groupOf), month);
}

/** Summaries by a key of the fine groups, keys in `order` first (with zero counts), then the rest. */
function breakdown(groups: readonly FineGroupRow[], month: number, keyOf: (g: FineGroupRow) => string | null, order: readonly string[] = []): KeyedSummary[] {
  const byKey = new Map<string, FineGroupRow[]>(order.map((k) => [k, []]));
  for (const g of groups) {
    const key = keyOf(g);
    if (key === null) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(g);
  }
  return [...byKey].map(([key, list]) => ({ key, ...summaryOf(list, month) }));
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
  const groups = fineGroups(db, year, month, filter, thresholds, DEFAULT_SIZE_BUCKETS);
  const lists = readLists(db);
  const categoryNames = new Map(lists.categories.map((c) => [c.id, c.name]));
  const districtNames = new Map(lists.districts.map((d) => [d.id, d.name]));
  const previousGroups = yearHasList(db, year - 1) ? fineGroups(db, year - 1, month, filter, thresholds, DEFAULT_SIZE_BUCKETS) : null;
  const overall = summaryOf(groups, month);
  const previous = previousGroups ? summaryOf(previousGroups, month) : null;
  return {
    year,
    month,
    overall,
    byLevel: breakdown(groups, month, (g) => g.level, ['province', 'city', 'county']),
    byCategory: breakdown(groups, month, (g) => (g.categoryId === null ? null : (categoryNames.get(g.categoryId) ?? null)), lists.categories.map((c) => c.name)),
    byDistrict: breakdown(groups, month, (g) => (g.districtId === null ? null : (districtNames.get(g.districtId) ?? null)), lists.districts.map((d) => d.name)),
    bySize: breakdown(groups, month, (g) => g.size, DEFAULT_SIZE_BUCKETS.map((b) => b.key)),
    byLeadDepartment: breakdown(groups, month, (g) => g.leadDepartment),
    byTag: tagGroups(db, year, month, filter, thresholds).map(({ tag, ...g }) => ({ key: tag, ...summaryOf([g], month) })),
    provinceCity: summaryOf(groups.filter((g) => g.level === 'province' || g.level === 'city'), month),
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
