/**
 * The monthly trend of 统计分析 and the 通报: year Y's cumulative completed investment through
 * month M beside all of Y−1 and Y's annual plan. Months before a year's first report are no data
 * (left out, never 0).
 */
import type { MonthlyTrend } from '../../../shared/charts';
import type { StatsFilter } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { firstReportMonth } from '../../db/statistics';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { monthlyCompletedReused, statistics } from './caches';
import { yearList } from './year-list';

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
