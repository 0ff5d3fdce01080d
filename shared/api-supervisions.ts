/**
 * The contract's methods of 督办: 预警通知书 and 督办单 as a loop — issued for a lagging project
 * (level, reason and deadline from its warning), the responsible unit's feedback, the office's
 * review (accepted or returned), closing; every step undoable. Spread into `api` (shared/api.ts);
 * a notice's Word document is a draft (api-drafts.ts).
 */
import * as z from 'zod';
import type { SupervisionRow } from './supervision';
import { dateText, id, method, month, year } from './api-schemas';

export const supervisionsApi = {
  /** 督办: year Y's 预警通知书 and 督办单, oldest first, each with its status and whether it is overdue today. */
  'supervisions.list': method(z.object({ year }).strict()).returns<SupervisionRow[]>(),
  /**
   * 下发: record a notice sent for month M to a project of year Y's list. Level, reason and deadline
   * default from the project's warning that month (红→红, 黄→黄, else 蓝; 15 days, 7 for 红). Undoable.
   */
  'supervisions.issue': method(
    z
      .object({
        projectId: id,
        year,
        month,
        form: z.enum(['notice', 'supervision']),
        level: z.enum(['blue', 'yellow', 'red']).optional(),
        problemId: id.nullable().optional(),
        reason: z.string().max(500, '督办事由过长，最多500字').optional(),
        issuedDate: dateText.optional(),
        deadline: dateText.optional(),
      })
      .strict(),
  ).returns<SupervisionRow>(),
  /** 登记反馈: the responsible unit's written answer (again after a return). Undoable. */
  'supervisions.feedback': method(z.object({ id, text: z.string().max(5000, '反馈内容过长，最多5000字'), date: dateText.optional() }).strict()).returns<SupervisionRow>(),
  /** 审核: accept the answer, or return it to be redone (with the reason). Undoable. */
  'supervisions.review': method(z.object({ id, accepted: z.boolean(), note: z.string().max(1000, '审核意见过长，最多1000字').optional(), date: dateText.optional() }).strict()).returns<SupervisionRow>(),
  /** 办结: close a notice. Undoable. */
  'supervisions.close': method(z.object({ id, date: dateText.optional() }).strict()).returns<SupervisionRow>(),
  /** Delete a notice recorded by mistake. Undoable. */
  'supervisions.remove': method(z.object({ id }).strict()).returns<{ removed: number }>(),
} as const;
