/**
 * 督办: sending a 预警通知书 or 督办单 for a lagging project, recording the responsible unit's written
 * feedback, reviewing it (accepted, or returned to be redone) and closing it. Every change is one
 * undoable step (the change log keeps the record's whole row before and after, as for problems).
 */
import { monthEndDate } from '../../shared/domain';
import { cleanText, parseDateText } from '../../shared/fields';
import { AppError } from '../../shared/result';
import {
  countSupervisions,
  DEFAULT_DEADLINE_DAYS,
  isOverdue,
  SUPERVISION_FORMS,
  SUPERVISION_LEVELS,
  supervisionStatus,
  type SupervisionCounts,
  type SupervisionForm,
  type SupervisionLevel,
  type SupervisionRow,
} from '../../shared/supervision';
import { insertChangeSet } from '../db/changes';
import type { Db } from '../db/connection';
import { readProblem } from '../db/progress';
import { getProjectRow } from '../db/projects';
import { deleteSupervision, insertSupervision, nextSupervisionSequence, readSupervision, supervisionDates, supervisionsOfYear, writeSupervision, type SupervisionSnapshot } from '../db/supervisions';
import { timestamp, type ServiceContext } from './context';
import { SUPERVISION_FIELD } from './history-fields';
import { requireDb } from './library';
import { projectFigures } from './statistics';

const today = (ctx: ServiceContext) => timestamp(ctx).slice(0, 10);

function addDays(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

function parseDate(text: string, label: string): string {
  const iso = parseDateText(cleanText(text));
  if (!iso) throw new AppError('VALIDATION', `${label}“${text}”不是有效的日期，例如2024年9月15日`);
  return iso;
}

function rowsOf(db: Db, year: number, day: string): SupervisionRow[] {
  return supervisionsOfYear(db, year).map((s) => {
    const dated = supervisionDates(s);
    return {
      id: s.id,
      projectId: s.project_id,
      projectName: s.project_name,
      district: s.district,
      responsibleUnit: s.responsible_unit,
      year: s.year,
      month: s.month,
      number: s.number,
      form: s.form as SupervisionForm,
      level: s.level as SupervisionLevel,
      problemId: s.problem_id,
      reason: s.reason,
      issuedDate: s.issued_date,
      deadline: s.deadline,
      feedback: s.feedback,
      feedbackDate: s.feedback_date,
      review: dated.review,
      reviewNote: s.review_note,
      reviewedDate: s.reviewed_date,
      closedDate: s.closed_date,
      status: supervisionStatus(dated, day),
      overdue: isOverdue(dated, day),
    };
  });
}

/** Year Y's notices, oldest first, each with its status and whether it is overdue today. */
export function listSupervisions(ctx: ServiceContext, args: { year: number }): SupervisionRow[] {
  return rowsOf(requireDb(ctx), args.year, today(ctx));
}

/** The notices sent for month M of year Y and their answers, as of the month's last day (the bulletin). */
export function supervisionCounts(db: Db, year: number, month: number): SupervisionCounts {
  const end = monthEndDate(year, month);
  return countSupervisions(rowsOf(db, year, end), month, end);
}

function rowOf(ctx: ServiceContext, year: number, id: number): SupervisionRow {
  const row = listSupervisions(ctx, { year }).find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND', '该督办记录不存在（可能已被删除）');
  return row;
}

function save(ctx: ServiceContext, label: string, old: SupervisionSnapshot | null, next: SupervisionSnapshot | null): void {
  const db = requireDb(ctx, 'write');
  const s = (next ?? old)!;
  db.transaction(() => {
    if (next && old) writeSupervision(db, next);
    else if (old) deleteSupervision(db, old.id);
    insertChangeSet(db, label, timestamp(ctx), [{ projectId: s.project_id, year: s.year, op: 'update', field: SUPERVISION_FIELD, oldValue: old, newValue: next }]);
  }).immediate();
}

/**
 * 下发: record a notice for a project of year Y's list, sent for month M. By default its level
 * follows the project's warning that month (红→红, 黄→黄, otherwise 蓝), its reason is the warning's
 * (or the problem's), it is sent today and due after DEFAULT_DEADLINE_DAYS.
 */
export function issueSupervision(
  ctx: ServiceContext,
  args: { projectId: number; year: number; month: number; form: SupervisionForm; level?: SupervisionLevel; problemId?: number | null; reason?: string; issuedDate?: string; deadline?: string },
): SupervisionRow {
  const db = requireDb(ctx, 'write');
  const project = getProjectRow(db, args.projectId, args.year);
  if (!project) throw new AppError('NOT_FOUND', `该项目不在${args.year}年清单中`);
  const problem = args.problemId ? readProblem(db, args.problemId) : undefined;
  if (args.problemId && (!problem || problem.project_id !== args.projectId)) throw new AppError('NOT_FOUND', '所选问题不属于该项目');
  const figures = projectFigures(db, args.year, args.month).find((f) => f.projectId === args.projectId);
  const level = args.level ?? (figures?.warning === 'red' ? 'red' : figures?.warning === 'yellow' ? 'yellow' : 'blue');
  const issued = args.issuedDate ? parseDate(args.issuedDate, '下发日期') : today(ctx);
  const deadline = args.deadline ? parseDate(args.deadline, '办理时限') : addDays(issued, DEFAULT_DEADLINE_DAYS[level]);
  if (deadline < issued) throw new AppError('VALIDATION', `办理时限不能早于下发日期（${issued}）`);
  const reason = cleanText(args.reason ?? '') || problem?.description || figures?.warningReason || `${args.month}月推进情况需说明`;
  if (reason.length > 500) throw new AppError('VALIDATION', '督办事由过长，最多500字');
  const id = db.transaction(() => {
    const snapshot: Omit<SupervisionSnapshot, 'id'> = {
      project_id: args.projectId,
      year: args.year,
      month: args.month,
      number: `${args.year}-${String(nextSupervisionSequence(db, args.year)).padStart(3, '0')}`,
      form: args.form,
      level,
      problem_id: problem?.id ?? null,
      reason,
      issued_date: issued,
      deadline,
      feedback: null,
      feedback_date: null,
      review: null,
      review_note: null,
      reviewed_date: null,
      closed_date: null,
    };
    const newId = insertSupervision(db, snapshot);
    const label = `向“${project.name}”下发${SUPERVISION_LEVELS[level]}${SUPERVISION_FORMS[args.form]}`;
    insertChangeSet(db, label, timestamp(ctx), [{ projectId: args.projectId, year: args.year, op: 'update', field: SUPERVISION_FIELD, oldValue: null, newValue: readSupervision(db, newId) }]);
    return newId;
  }).immediate();
  return rowOf(ctx, args.year, id);
}

function existing(ctx: ServiceContext, id: number): SupervisionSnapshot {
  const old = readSupervision(requireDb(ctx), id);
  if (!old) throw new AppError('NOT_FOUND', '该督办记录不存在（可能已被删除）');
  return old;
}

/** 登记反馈: the responsible unit's written answer (again after a return). */
export function recordFeedback(ctx: ServiceContext, args: { id: number; text: string; date?: string }): SupervisionRow {
  const old = existing(ctx, args.id);
  if (old.closed_date) throw new AppError('CONFLICT', `督办${old.number}已办结，不能再登记反馈`);
  const text = cleanText(args.text);
  if (!text) throw new AppError('VALIDATION', '反馈内容不能为空');
  if (text.length > 5000) throw new AppError('VALIDATION', '反馈内容过长，最多5000字');
  const date = args.date ? parseDate(args.date, '反馈日期') : today(ctx);
  if (date < old.issued_date) throw new AppError('VALIDATION', `反馈日期不能早于下发日期（${old.issued_date}）`);
  if (old.review === 'accepted') throw new AppError('CONFLICT', `督办${old.number}的反馈已审核通过`);
  if (old.review === 'returned' && old.reviewed_date && date < old.reviewed_date) throw new AppError('VALIDATION', `重新反馈的日期不能早于退回日期（${old.reviewed_date}）`);
  // A redone answer (after a return, the same day or later) waits for review again: the return is
  // cleared but its reason kept beside it (and the change log keeps the whole loop).
  const redo = old.review === 'returned' ? { review: null, reviewed_date: null } : {};
  save(ctx, `登记督办${old.number}的反馈`, old, { ...old, ...redo, feedback: text, feedback_date: date });
  return rowOf(ctx, old.year, old.id);
}

/** 审核: accept the unit's answer, or return it to be redone (a note says why). */
export function reviewFeedback(ctx: ServiceContext, args: { id: number; accepted: boolean; note?: string; date?: string }): SupervisionRow {
  const old = existing(ctx, args.id);
  const status = supervisionStatus(supervisionDates(old));
  if (status !== 'answered') throw new AppError('CONFLICT', `督办${old.number}目前${status === 'closed' ? '已办结' : status === 'accepted' ? '已审核通过' : '还没有待审核的反馈'}`);
  const note = cleanText(args.note ?? '');
  if (!args.accepted && !note) throw new AppError('VALIDATION', '退回重办时请写明原因');
  const date = args.date ? parseDate(args.date, '审核日期') : today(ctx);
  if (old.feedback_date && date < old.feedback_date) throw new AppError('VALIDATION', `审核日期不能早于反馈日期（${old.feedback_date}）`);
  save(ctx, `${args.accepted ? '审核通过' : '退回'}督办${old.number}的反馈`, old, { ...old, review: args.accepted ? 'accepted' : 'returned', review_note: note || null, reviewed_date: date });
  return rowOf(ctx, old.year, old.id);
}

/** 办结: close the notice (its answer accepted, or closed by the office's decision). */
export function closeSupervision(ctx: ServiceContext, args: { id: number; date?: string }): SupervisionRow {
  const old = existing(ctx, args.id);
  if (old.closed_date) throw new AppError('CONFLICT', `督办${old.number}已办结`);
  const date = args.date ? parseDate(args.date, '办结日期') : today(ctx);
  if (date < old.issued_date) throw new AppError('VALIDATION', `办结日期不能早于下发日期（${old.issued_date}）`);
  save(ctx, `办结督办${old.number}`, old, { ...old, closed_date: date });
  return rowOf(ctx, old.year, old.id);
}

/** Delete a notice recorded by mistake (undoable). */
export function removeSupervision(ctx: ServiceContext, args: { id: number }): { removed: number } {
  const old = readSupervision(requireDb(ctx), args.id);
  if (!old) return { removed: 0 };
  save(ctx, `删除督办${old.number}`, old, null);
  return { removed: 1 };
}
