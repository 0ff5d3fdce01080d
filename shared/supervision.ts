/**
 * 督办 as a loop (REAL-DOCUMENTS.md, "Warning rules"): a 预警通知书 or a 督办单 at level 蓝 (reminder),
 * 黄 (warning) or 红 (deadline, with 约谈) goes to a project's responsible unit with a deadline; the
 * unit answers in writing; the office accepts the answer or returns it to be done again; the
 * office closes it. Statuses follow from the dates recorded, never stored beside them.
 */
export type SupervisionForm = 'notice' | 'supervision';
export type SupervisionLevel = 'blue' | 'yellow' | 'red';
export type SupervisionStatus = 'issued' | 'answered' | 'returned' | 'accepted' | 'closed';

export const SUPERVISION_FORMS: Record<SupervisionForm, string> = { notice: '预警通知书', supervision: '督办单' };
export const SUPERVISION_LEVELS: Record<SupervisionLevel, string> = { blue: '蓝色', yellow: '黄色', red: '红色' };
export const SUPERVISION_STATUS: Record<SupervisionStatus, string> = {
  issued: '待反馈',
  answered: '已反馈待审核',
  returned: '退回重办',
  accepted: '审核通过',
  closed: '已办结',
};

/** Days a unit has to answer when the office does not say: 15 for 蓝 and 黄, 7 for 红. */
export const DEFAULT_DEADLINE_DAYS: Record<SupervisionLevel, number> = { blue: 15, yellow: 15, red: 7 };

/** A recorded notice as the screens, kpw and the drafts see it. Dates are YYYY-MM-DD. */
export interface SupervisionRow {
  id: number;
  projectId: number;
  projectName: string;
  district: string | null;
  responsibleUnit: string | null;
  year: number;
  /** The dispatch month it was sent for (its figures are that month's). */
  month: number;
  /** 督办编号, e.g. "2024-003": the year's sequence. */
  number: string;
  form: SupervisionForm;
  level: SupervisionLevel;
  problemId: number | null;
  reason: string;
  issuedDate: string;
  deadline: string;
  feedback: string | null;
  feedbackDate: string | null;
  review: 'accepted' | 'returned' | null;
  reviewNote: string | null;
  reviewedDate: string | null;
  closedDate: string | null;
  status: SupervisionStatus;
  /** The deadline has passed with no answer (or the returned one not yet redone). */
  overdue: boolean;
}

type Dated = Pick<SupervisionRow, 'feedbackDate' | 'review' | 'reviewedDate' | 'closedDate' | 'deadline'>;

/** The status as of `day`: what had been recorded by then. (A redone answer clears the return: it waits for review again.) */
export function supervisionStatus(s: Dated, day = '9999-12-31'): SupervisionStatus {
  if (s.closedDate && s.closedDate <= day) return 'closed';
  const reviewed = s.review && s.reviewedDate && s.reviewedDate <= day;
  const answered = s.feedbackDate !== null && s.feedbackDate <= day;
  if (reviewed && s.review === 'accepted') return 'accepted';
  if (reviewed && s.review === 'returned') return 'returned';
  return answered ? 'answered' : 'issued';
}

/** Overdue as of `day`: past its deadline and still waiting for the unit (not answered, or returned). */
export function isOverdue(s: Dated, day: string): boolean {
  const status = supervisionStatus(s, day);
  return (status === 'issued' || status === 'returned') && s.deadline < day;
}

export interface SupervisionCounts {
  /** Sent for month M, by level. */
  issued: number;
  byLevel: Record<SupervisionLevel, number>;
  byForm: Record<SupervisionForm, number>;
  /** Of those, answered by the end of month M (answered, accepted or closed). */
  answered: number;
  /** All of the year's still waiting past their deadline at the end of month M. */
  overdue: number;
}

/** The bulletin's "本月下发督办单N份，已反馈N份": the notices sent for month M, as of its last day. */
export function countSupervisions(rows: readonly SupervisionRow[], month: number, monthEnd: string): SupervisionCounts {
  const sent = rows.filter((r) => r.month === month && r.issuedDate <= monthEnd);
  const byLevel: Record<SupervisionLevel, number> = { blue: 0, yellow: 0, red: 0 };
  const byForm: Record<SupervisionForm, number> = { supervision: 0, notice: 0 };
  for (const r of sent) {
    byLevel[r.level]++;
    byForm[r.form]++;
  }
  return {
    issued: sent.length,
    byLevel,
    byForm,
    answered: sent.filter((r) => supervisionStatus(r, monthEnd) !== 'issued' && supervisionStatus(r, monthEnd) !== 'returned').length,
    overdue: rows.filter((r) => r.issuedDate <= monthEnd && isOverdue(r, monthEnd)).length,
  };
}
