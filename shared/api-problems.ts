/**
 * The contract's methods of 问题清单: the problems of a year's projects (from the dispatch sheets
 * or recorded by hand), their counts, and edits as undoable steps. Spread into `api`
 * (shared/api.ts); a problem's 督办单 is issued through api-supervisions.ts.
 */
import * as z from 'zod';
import type { ProblemRow, ProblemSummary } from './problems';
import { id, method, month, year } from './api-schemas';

export const problemsApi = {
  /** 问题清单: year Y's problems, oldest first, with age and overdue flag. */
  'problems.list': method(z.object({ year }).strict()).returns<ProblemRow[]>(),
  /** Counts overall and by type, district, responsible department and project. */
  'problems.summary': method(z.object({ year }).strict()).returns<ProblemSummary>(),
  /** Problems on year Y's projects as of the end of month M (a closed month's as closed); projects: with at least one. */
  'problems.atMonthEnd': method(z.object({ year, month }).strict()).returns<{ total: number; open: number; solved: number; projects: number }>(),
  /** Record a problem by hand (undoable). */
  'problems.add': method(
    z
      .object({
        projectId: id,
        year,
        type: z.string().max(20),
        description: z.string().max(2000, '问题描述过长，最多2000字'),
        ownerDepartment: z.string().max(200).nullable().optional(),
        raisedDate: z.string().max(40).nullable().optional(),
      })
      .strict(),
  ).returns<ProblemRow>(),
  /** Change one field of a problem (solving records the day; undoable). */
  'problems.update': method(
    z.object({ id, year, field: z.enum(['type', 'description', 'ownerDepartment', 'raisedDate', 'status', 'solvedDate', 'resolution']), value: z.string().max(2000).nullable() }).strict(),
  ).returns<ProblemRow>(),
  /** Delete a problem recorded by mistake (undoable). */
  'problems.remove': method(z.object({ id }).strict()).returns<{ removed: number }>(),
} as const;
