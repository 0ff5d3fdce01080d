/**
 * The statistics of ../shared/domain/STATISTICS.md as types: what the one statistics engine
 * (electron/services/statistics.ts) returns, and the settings it takes. Money is in 元 (integers)
 * here; the command line's JSON gives 万元.
 */
import type { Level, Nature } from './domain';
import { money, type Money } from './money';

export type WarningLevel = 'red' | 'yellow' | 'green';

/**
 * The forms of warning rule offices use (REAL-DOCUMENTS.md, "Warning rules differ by city"):
 * late — a new project not started months after its planned start month;
 * gap — the completion rate so many percentage points below time progress (序时);
 * share — the completion rate below a share of time progress (e.g. below 80 % of it);
 * unreported — no report for so many months running;
 * procedure — a 前期手续 whose planned date has passed at the month end, not obtained, so many days.
 */
export type WarningRuleKind = 'late' | 'gap' | 'share' | 'unreported' | 'procedure';
/** In this order a rule is named when several give the same colour (the procedure rule, newest, last). */
export const WARNING_RULE_KINDS: readonly WarningRuleKind[] = ['late', 'unreported', 'gap', 'share', 'procedure'];

export interface WarningThresholds {
  /** The rule forms in use; several may be on, the most severe colour wins. */
  rules: WarningRuleKind[];
  /** A new project not started this many months after its planned start month is red. */
  redMonthsLate: number;
  /** …and yellow from this many months (less than red). */
  yellowMonthsLate: number;
  /** Time progress minus completion rate above this (a fraction: 0.3 = 30 百分点) is red. */
  redGap: number;
  yellowGap: number;
  /** Completion rate below this share of time progress (0.6 = 60 % of 序时) is red… */
  redShare: number;
  /** …and below this share yellow (more than red). */
  yellowShare: number;
  /** No report for this many months running (month M counted, none yet this year: M) is red… */
  redMonthsUnreported: number;
  /** …and yellow from this many (less than red). */
  yellowMonthsUnreported: number;
  /** A procedure overdue this many days or more at the month end is red… */
  redDaysOverdue: number;
  /** …and yellow from this many (less than red; 1: any overdue procedure). */
  yellowDaysOverdue: number;
  /**
   * A dispatch import warns when a project's cumulative exceeds this many times its annual plan
   * (3 when never set; kept beside the warning thresholds because 设置 edits them together).
   */
  planMultiple?: number;
}

/** The rules of STATISTICS.md: late and gap on; the other forms' thresholds ready when turned on. */
export const DEFAULT_THRESHOLDS: WarningThresholds = {
  rules: ['late', 'gap', 'procedure'],
  redMonthsLate: 3,
  yellowMonthsLate: 1,
  redGap: 0.3,
  yellowGap: 0.1,
  redShare: 0.6,
  yellowShare: 0.8,
  redMonthsUnreported: 3,
  yellowMonthsUnreported: 2,
  redDaysOverdue: 30,
  yellowDaysOverdue: 1,
};

/** planMultiple when never set: a cumulative above 3 × the annual plan is worth a second look. */
export const DEFAULT_PLAN_MULTIPLE = 3;

/** Size buckets of total investment, lower bound inclusive, in 元; the first that fits wins. */
export interface SizeBucket {
  key: string;
  label: string;
  min: Money;
}

export const DEFAULT_SIZE_BUCKETS: readonly SizeBucket[] = [
  { key: '>=30亿', label: '30亿元（含）以上', min: money(3_000_000_000) },
  { key: '10-30亿', label: '10亿元（含）-30亿元', min: money(1_000_000_000) },
  { key: '1-10亿', label: '1亿元（含）-10亿元', min: money(100_000_000) },
  { key: '<1亿', label: '1亿元以下', min: money(0) },
];

/** Which projects of year Y's list a statistic covers. Empty lists mean "all". */
export interface StatsFilter {
  levels?: Level[];
  categories?: string[];
  districts?: string[];
  leadDepartments?: string[];
  contactLeaders?: string[];
  tags?: string[];
}

/** One project's figures for year Y as of month M. */
export interface ProjectFigures {
  projectId: number;
  code: string | null;
  name: string;
  /** 责任单位. */
  responsibleUnit: string | null;
  level: Level | null;
  category: string | null;
  district: string | null;
  leadDepartment: string | null;
  contactLeader: string | null;
  nature: Nature | null;
  tags: string[];
  totalInvestment: Money;
  annualPlan: Money;
  plannedStartMonth: number | null;
  /** Cumulative for year Y: month M's report, else the latest before it, else 0. */
  completedToDate: Money;
  /**
   * The same as of the month before M (0 for January); null when that month has no data — it is
   * before the year's first report in the library — so nobody reads the whole cumulative as this
   * month's work.
   */
  completedLastMonth: Money | null;
  /** The 纳统（统计入库）figure, carried forward like completedToDate; null when none was reported. */
  statisticsToDate: Money | null;
  /** The plan 1-M月 (its split, or the annual plan spread as 设置 says); null when there is none. */
  plannedToDate: Money | null;
  /** Whether the project reported for month M itself. */
  reported: boolean;
  startedNew: boolean;
  resumed: boolean;
  /** completedToDate ÷ annualPlan (0 when the plan is 0). */
  rate: number;
  warning: WarningLevel;
  /** Why the colour, in Chinese; null for green. */
  warningReason: string | null;
}

export interface Summary {
  projects: number;
  newProjects: number;
  continuedProjects: number;
  totalInvestment: Money;
  annualPlan: Money;
  completedToDate: Money;
  /** completedToDate ÷ annualPlan; null when the plan is 0. */
  completionRate: number | null;
  timeProgress: number;
  /** completionRate − timeProgress; null when completionRate is. */
  progressGap: number | null;
  startedNew: number;
  resumed: number;
  newStartRate: number | null;
  resumeRate: number | null;
  /** (startedNew + resumed) ÷ projects; null when there are none. */
  startRate: number | null;
  unreported: number;
  warnings: { red: number; yellow: number; green: number };
  /** Σ 纳统（统计入库）figures; null when no project of the group has one (missing is not zero). */
  statisticsToDate: Money | null;
  /** Projects with a 纳统 figure as of month M. */
  statisticsReported: number;
  /** completedToDate − statisticsToDate (调度数 − 纳统数); null when statisticsToDate is. */
  statisticsDifference: Money | null;
  /** statisticsToDate ÷ annualPlan; null when either is missing or the plan is 0. */
  statisticsRate: number | null;
  /** Σ plan 1-M月 of the projects that have one (a split, or the spread of 设置); null when none has. */
  plannedToDate: Money | null;
  /** Projects with a plan 1-M月. */
  plannedProjects: number;
  /** Σ completedToDate of those projects: the rate compares like with like. */
  plannedCompleted: Money;
  /** plannedCompleted ÷ plannedToDate: 完成1-M月计划的X%; null without a plan to date. */
  plannedRate: number | null;
  /** New projects due to start by the end of month M (planned start month ≤ M). */
  dueToStart: number;
  /** Of those, the ones started by then. */
  startedDue: number;
  /** startedDue ÷ dueToStart: 时序开工率; null when none was due. */
  timelyStartRate: number | null;
}

/** The Summary fields that are amounts (元 here; 万元 in `kpw stats --json`). */
export const SUMMARY_MONEY_FIELDS = [
  'totalInvestment', 'annualPlan', 'completedToDate', 'statisticsToDate', 'statisticsDifference', 'plannedToDate', 'plannedCompleted',
] as const satisfies readonly (keyof Summary)[];

/**
 * How a project's annual plan is split by month when its list gives no split (设置 > 口径):
 * not at all (no plan 1-M月), evenly (M/12 of it), or by a profile of 12 cumulative percentages
 * (the share of the year's plan due by the end of each month; the last is 100).
 */
export interface PlanSplitSetting {
  mode: 'none' | 'even' | 'profile';
  /** 12 cumulative percentages, non-decreasing, at most 2 decimals, ending at 100 (mode 'profile'). */
  profile: number[];
}

export const DEFAULT_PLAN_SPLIT: PlanSplitSetting = { mode: 'none', profile: [] };

export type KeyedSummary = Summary & { key: string };

/** Year over year: amounts and counts as growth (cur ÷ prev − 1), rates as a difference. */
export interface YearOverYear {
  projects: number | null;
  totalInvestment: number | null;
  annualPlan: number | null;
  completedToDate: number | null;
  /** Differences of fractions (0.05 = 5 百分点). */
  completionRate: number | null;
  startRate: number | null;
}

export interface Statistics {
  year: number;
  month: number;
  overall: Summary;
  byLevel: KeyedSummary[];
  byCategory: KeyedSummary[];
  byDistrict: KeyedSummary[];
  bySize: KeyedSummary[];
  byLeadDepartment: KeyedSummary[];
  byContactLeader: KeyedSummary[];
  byTag: KeyedSummary[];
  /** 省市 = province + city. */
  provinceCity: Summary;
  previous: Summary | null;
  yoy: YearOverYear | null;
}
