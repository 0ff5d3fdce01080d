/**
 * The contract's methods of the statistics (统计分析, 赛马): the one engine's figures for year Y at
 * month M under a filter (../shared/domain/STATISTICS.md), the ranking of districts and lead
 * departments, the monthly trend, and the projects behind any figure (a figure is its filter plus
 * conditions, shared/drill-down.ts). A closed month's figures come from its frozen copy. The
 * engine is electron/services/statistics.ts. Spread into `api` (shared/api.ts).
 */
import * as z from 'zod';
import type { KeyedSummary, ProjectFigures, Statistics } from './statistics';
import type { MonthlyTrend } from './charts';
import { DRILL_DIMENSIONS } from './drill-down';
import { method, month, statsFilter, year, type SavedFile } from './api-schemas';

const period = z.object({ year, month, filter: statsFilter.optional() }).strict();

export const statsApi = {
  /** The statistics engine for year Y at month M (optionally filtered): summaries, breakdowns, previous year. */
  'stats.get': method(period).returns<Statistics>(),
  /** 赛马: districts and lead departments ranked by completion rate, and the fastest and slowest projects. */
  'stats.ranking': method(period).returns<Ranking>(),
  /**
   * 赛马 to .xlsx (the districts' and lead departments' tables, as the screen shows them): the save
   * dialog in Electron (savedTo), the bytes in the browser harness (data, base64).
   */
  'export.ranking': method(period).returns<SavedFile & { rows: number }>(),
  /** Cumulative completed investment by month (year Y through M, and all of Y−1) for the trend chart. */
  'stats.trend': method(period).returns<MonthlyTrend>(),
  /**
   * The projects behind a number: a chart's bar, slice or point (its filter, dimension and clicked
   * key), a draft's figure or a screen's card (its filter and conditions, all of which must hold).
   */
  'stats.projects': method(
    z
      .object({
        year,
        month,
        filter: statsFilter.optional(),
        dimension: z.enum(['all', 'district', 'category', 'level', 'size', 'warning', 'nature', 'started']).optional(),
        key: z.string().max(200).optional(),
        where: z
          .array(z.object({ dimension: z.enum(DRILL_DIMENSIONS), keys: z.array(z.string().max(200)).max(100) }).strict())
          .max(10)
          .optional(),
      })
      .strict(),
  ).returns<ProjectFigures[]>(),
} as const;

export interface Ranking {
  districts: KeyedSummary[];
  leadDepartments: KeyedSummary[];
  fastest: ProjectFigures[];
  slowest: ProjectFigures[];
}
