/**
 * The one statistics engine (../shared/domain/STATISTICS.md): the door every service and test
 * goes through. Its rooms are in statistics/:
 *
 *   engine.ts        every project's figures as of month M (carry-forward, warnings) and a year's
 *                    statistics overall and by every breakdown in one pass (SQL in db/statistics.ts)
 *   totals.ts        a group's exact totals (integers of 元), its measures, breakdowns, 同比
 *   year-list.ts     each year's list kept in memory until its version moves; the filter
 *   caches.ts        results reused while the library's change stamp is the same
 *   ranking.ts       赛马;  trend.ts: the monthly trend;  drill-down.ts: a figure's projects
 *   warning-rules.ts, two-figures.ts (纳统), plan-split.ts (the plan 1-M月), lifecycle.ts (stages)
 *
 * Rates are fractions, rounded only when a number is written (shared/format.ts).
 */
export { projectFigures } from './statistics/engine';
export { compareYears, summarise, summaryOf, type GroupTotals } from './statistics/totals';
export { sizeKey } from './statistics/year-list';
export { statistics } from './statistics/caches';
export { fastestAndSlowest, rank, ranking } from './statistics/ranking';
export { monthlyTrend, monthlyTrendOf } from './statistics/trend';
