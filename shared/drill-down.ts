/**
 * Drill-down: which projects a number counts. Every figure — a draft's, a screen's card, a chart's
 * bar — names its projects as the filter of its scope plus conditions, each "the project's value of
 * this dimension is one of these keys", all of which must hold. So a composite figure opens exactly
 * its projects: 总投资1亿元以上 is three size buckets, 未开工新建 is new and not started, 红色预警 is
 * the colour, "其中" parts add their condition to the whole's.
 */
import type { StatsFilter } from './statistics';

/** What a condition looks at: the chart dimensions, whether the project reported for month M, its problems, which project. */
/** What a chart's items are by (a bar per district, a slice per size bucket…). */
export type ChartDimension = 'district' | 'category' | 'level' | 'size' | 'warning' | 'nature' | 'started';
export type DrillDimension = ChartDimension | 'reported' | 'problems' | 'project';
export const DRILL_DIMENSIONS = ['district', 'category', 'level', 'size', 'warning', 'nature', 'started', 'reported', 'problems', 'project'] as const satisfies readonly DrillDimension[];

/**
 * One condition. Keys by dimension: a district, category or level (province…) as stored; a size
 * bucket's key (">=30亿"); red / yellow / green; new / continued (and started / notStarted, as the
 * nature chart's second ring); started / notStarted; reported / unreported; problems: any (raised
 * by the end of month M), open or solved (as of then); project: project ids (one project's figures).
 */
export interface DrillCondition {
  dimension: DrillDimension;
  keys: string[];
}

/**
 * What a figure says of its projects, so its drill-down can be checked against it: their number,
 * the sum of one of their amounts, or something else (a rate, a growth, a count of problems).
 */
export type FigureMeasure = 'count' | 'totalInvestment' | 'annualPlan' | 'completedToDate' | null;

/** The projects behind a figure: year, month, the scope's filter and the conditions. */
export interface DrillSource {
  year: number;
  month: number;
  filter: StatsFilter;
  where: DrillCondition[];
}
