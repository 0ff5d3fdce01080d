/**
 * Results reused while the library is unchanged: statistics are a pure function of the library's
 * contents, so a result stays valid while the change stamp is the same (a dashboard redrawn, a
 * draft regenerated, the same month asked for by several screens, the trend's twelve months when
 * only the month changes). Any write changes the stamp. Each cache holds the latest few per library.
 */
import type { Statistics, StatsFilter } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { changeStamp } from '../../db/statements';
import { monthlyCompleted } from '../../db/statistics';
import { computeStatistics } from './engine';
import { selectedIndexes, yearList } from './year-list';

const RECENT_MAX = 16;

/** The value kept under `key` while the change stamp is unchanged, else `compute()` kept in its place. */
function reused<T>(caches: WeakMap<Db, Map<string, { stamp: string; value: T }>>, db: Db, key: string, compute: () => T): T {
  const stamp = changeStamp(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value;
  const value = compute();
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > RECENT_MAX) cache.delete(cache.keys().next().value!);
  return value;
}

const recent = new WeakMap<Db, Map<string, { stamp: string; value: Statistics }>>();

/** Everything a dashboard or a draft needs for year Y at month M, and the overall figures of Y−1. */
export function statistics(db: Db, year: number, month: number, filter: StatsFilter = {}): Statistics {
  return reused(recent, db, JSON.stringify([year, month, filter]), () => computeStatistics(db, year, month, filter));
}

/** A year's twelve cumulative figures, reused while the library is unchanged (switching the month reuses them). */
const recentMonthly = new WeakMap<Db, Map<string, { stamp: string; value: number[] }>>();

export function monthlyCompletedReused(db: Db, year: number, filter: StatsFilter): number[] {
  return reused(recentMonthly, db, JSON.stringify([year, filter]), () => {
    const list = yearList(db, year);
    const filtered = Object.values(filter).some((v) => Array.isArray(v) && v.length > 0);
    return monthlyCompleted(db, year, filtered ? selectedIndexes(list, filter).map((i) => list.projects[i]!.id) : null);
  });
}
