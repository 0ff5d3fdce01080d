/**
 * The contract's methods of 月调度: each project's month as the dispatch grid shows and edits it
 * (last month, this month, start, 纳统, 形象进度, problems, its colour), and closing a month (关账:
 * its figures frozen in a copy) or reopening it with a reason. Spread into `api` (shared/api.ts);
 * dispatch sheets are imported through api-import.ts.
 */
import * as z from 'zod';
import type { DispatchRow, MonthState } from './dispatch';
import { id, method, month, moneyUnit, statsFilter, year } from './api-schemas';

export const dispatchApi = {
  /** 月调度: every project of year Y's list with its month M figures, report fields, problems and colour. */
  'dispatch.list': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<DispatchRow[]>(),
  /** Change one field of a project's month M report (refused in a closed month); returns the row. */
  'dispatch.update': method(
    z
      .object({
        projectId: id,
        year,
        month,
        field: z.enum(['completedToDate', 'statisticsToDate', 'started', 'startDate', 'inStatistics', 'visualProgress', 'problem']),
        value: z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]),
        unit: moneyUnit,
      })
      .strict(),
  ).returns<DispatchRow>(),
  /** Whether month M is closed (关账), and the log of closings and reopenings. */
  'dispatch.state': method(z.object({ year, month }).strict()).returns<MonthState>(),
  /** Close month M: its figures can no longer change by accident. */
  'dispatch.close': method(z.object({ year, month }).strict()).returns<MonthState>(),
  /** Reopen month M, giving the reason (logged). */
  'dispatch.reopen': method(z.object({ year, month, reason: z.string().max(500) }).strict()).returns<MonthState>(),
} as const;
