/**
 * 赛马: groups ranked by completion rate and the fastest and slowest projects, in the phrase
 * library's exact order (two rates that print alike are still told apart), for the screen, its
 * export (export/ranking.ts) and the drafts.
 */
import type { Ranking } from '../../../shared/api';
import { byCompletionRate } from '../../../shared/phrases';
import type { KeyedSummary, ProjectFigures, StatsFilter } from '../../../shared/statistics';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { statistics } from './caches';
import { projectFigures } from './engine';

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
