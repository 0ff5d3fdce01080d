/**
 * 问题清单: problems raised by the dispatch (import or grid) or by hand, each to a responsible
 * department and closed in a loop. Every change is one undoable step (the change log keeps the
 * problem's whole row before and after).
 */
import { monthEndDate } from '../../shared/domain';
import { cleanText, parseDateText } from '../../shared/fields';
import {
  DEFAULT_OVERDUE_DAYS,
  PROBLEM_FIELDS,
  PROBLEM_STATUS,
  PROBLEM_TYPES,
  type ProblemCounts,
  type ProblemField,
  type ProblemRow,
  type ProblemStatus,
  type ProblemSummary,
  type ProblemType,
} from '../../shared/problems';
import { AppError } from '../../shared/result';
import { insertChangeSet } from '../db/changes';
import type { Db } from '../db/connection';
import { deleteProblem, insertProblem, problemCounts, problemsOfYear, readProblem, writeProblem, type ProblemSnapshot } from '../db/progress';
import { getProjectRow } from '../db/projects';
import { readSetting } from '../db/settings';
import { timestamp, type ServiceContext } from './context';
import { PROBLEM_FIELD } from './history-fields';
import { requireDb } from './library';

export const OVERDUE_SETTING = 'problems.overdueDays';

function overdueDays(db: Db): number {
  return readSetting<number>(db, OVERDUE_SETTING) ?? DEFAULT_OVERDUE_DAYS;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** Today as YYYY-MM-DD on the user's clock. */
function today(ctx: ServiceContext): string {
  return timestamp(ctx).slice(0, 10);
}

/**
 * When a problem reported for month M was raised: today, or the end of month M when the sheet
 * comes in later (August's sheet arrives in early September, and its problems belong to August's
 * counts — "截至8月底").
 */
export function raisedDateFor(todayIso: string, year: number, month: number): string {
  const end = monthEndDate(year, month);
  return todayIso < end ? todayIso : end;
}

/** Year Y's problems, oldest first, with their age and whether an open one is overdue. */
export function listProblems(ctx: ServiceContext, args: { year: number }): ProblemRow[] {
  const db = requireDb(ctx);
  const limit = overdueDays(db);
  const now = dayNumber(today(ctx));
  return problemsOfYear(db, args.year).map((p) => {
    const end = p.status === 'solved' && p.solved_date ? dayNumber(p.solved_date) : now;
    const daysOpen = Math.max(0, Math.round(end - dayNumber(p.raised_date)));
    return {
      id: p.id,
      projectId: p.project_id,
      projectName: p.project_name,
      district: p.district,
      category: p.category,
      contactLeader: p.contact_leader,
      year: p.year,
      type: (p.type in PROBLEM_TYPES ? p.type : 'other') as ProblemType,
      description: p.description,
      ownerDepartment: p.owner_department,
      raisedDate: p.raised_date,
      status: p.status === 'solved' ? 'solved' : 'open',
      solvedDate: p.solved_date,
      resolution: p.resolution,
      daysOpen,
      overdue: p.status !== 'solved' && daysOpen > limit,
    };
  });
}

function counts(rows: readonly ProblemRow[]): ProblemCounts {
  const solved = rows.filter((r) => r.status === 'solved').length;
  return { total: rows.length, open: rows.length - solved, solved, projects: new Set(rows.map((r) => r.projectId)).size, overdue: rows.filter((r) => r.overdue).length };
}

function groupBy<K extends string>(rows: readonly ProblemRow[], key: (r: ProblemRow) => K, order: readonly K[] = []): ({ key: K } & ProblemCounts)[] {
  const groups = new Map<K, ProblemRow[]>(order.map((k) => [k, []]));
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].map(([k, list]) => ({ key: k, ...counts(list) }));
}

/** The problems of year Y's projects as they stood at the end of month M (kpw stats, the drafts). */
export function problemsAtMonthEnd(ctx: ServiceContext, year: number, month: number): { total: number; open: number; solved: number; projects: number } {
  const { total, open, solved, projects } = problemCounts(requireDb(ctx), year, month);
  return { total, open, solved, projects };
}

/** Counts overall and by type, district, department and project (the ledger's summary). */
export function problemSummary(ctx: ServiceContext, args: { year: number }): ProblemSummary {
  const rows = listProblems(ctx, args);
  return {
    ...counts(rows),
    byType: groupBy(rows, (r) => PROBLEM_TYPES[r.type], Object.values(PROBLEM_TYPES)),
    byDistrict: groupBy(rows, (r) => r.district ?? '（未填区市）'),
    byDepartment: groupBy(rows, (r) => r.ownerDepartment ?? '（未指定责任部门）'),
    byProject: groupBy(rows, (r) => String(r.projectId)).map((g) => ({ ...g, projectId: Number(g.key), key: rows.find((r) => r.projectId === Number(g.key))!.projectName })),
  };
}

function rowOf(ctx: ServiceContext, year: number, id: number): ProblemRow {
  const row = listProblems(ctx, { year }).find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND', '该问题不在本年度的项目清单中');
  return row;
}

function parseType(text: string): ProblemType {
  const t = cleanText(text);
  const found = (Object.entries(PROBLEM_TYPES) as [ProblemType, string][]).find(([k, label]) => t === k || t === label);
  if (!found) throw new AppError('VALIDATION', `问题类型“${t}”无效，应为${Object.values(PROBLEM_TYPES).join('、')}之一`);
  return found[0];
}

function parseDate(text: string, label: string): string {
  const iso = parseDateText(cleanText(text));
  if (!iso) throw new AppError('VALIDATION', `${label}“${text}”不是有效的日期，例如2024年3月21日`);
  return iso;
}

function description(text: string): string {
  const t = cleanText(text);
  if (!t) throw new AppError('VALIDATION', '问题描述不能为空');
  if (t.length > 2000) throw new AppError('VALIDATION', '问题描述过长，最多2000字');
  return t;
}

/** Record a problem by hand for a project of year Y's list. */
export function addProblem(
  ctx: ServiceContext,
  args: { projectId: number; year: number; type: string; description: string; ownerDepartment?: string | null; raisedDate?: string | null },
): ProblemRow {
  const db = requireDb(ctx, 'write');
  const project = getProjectRow(db, args.projectId, args.year);
  if (!project) throw new AppError('NOT_FOUND', `该项目不在${args.year}年清单中`);
  const at = timestamp(ctx);
  const snapshot: Omit<ProblemSnapshot, 'id'> = {
    project_id: args.projectId,
    year: args.year,
    type: parseType(args.type),
    description: description(args.description),
    owner_department: cleanText(args.ownerDepartment ?? '') || null,
    raised_date: args.raisedDate ? parseDate(args.raisedDate, '提出日期') : at.slice(0, 10),
    status: 'open',
    solved_date: null,
    resolution: null,
  };
  const id = db.transaction(() => {
    const newId = insertProblem(db, snapshot);
    insertChangeSet(db, `为“${project.name}”记录问题`, at, [{ projectId: args.projectId, year: args.year, op: 'update', field: PROBLEM_FIELD, oldValue: null, newValue: readProblem(db, newId) }]);
    return newId;
  }).immediate();
  return rowOf(ctx, args.year, id);
}

/** Change one field of a problem: solving one records the day (today unless given), reopening clears it. */
export function updateProblem(ctx: ServiceContext, args: { id: number; year: number; field: ProblemField; value: string | null }): ProblemRow {
  const db = requireDb(ctx, 'write');
  const old = readProblem(db, args.id);
  if (!old) throw new AppError('NOT_FOUND', '问题不存在（可能已被删除）');
  const text = cleanText(args.value ?? '');
  const next: ProblemSnapshot = { ...old };
  switch (args.field) {
    case 'type':
      next.type = parseType(text);
      break;
    case 'description':
      next.description = description(text);
      break;
    case 'ownerDepartment':
      if (text.length > 200) throw new AppError('VALIDATION', '责任部门过长，最多200字');
      next.owner_department = text || null;
      break;
    case 'raisedDate':
      next.raised_date = parseDate(text, '提出日期');
      break;
    case 'status': {
      const status = (Object.entries(PROBLEM_STATUS) as [ProblemStatus, string][]).find(([k, label]) => text === k || text === label)?.[0];
      if (!status) throw new AppError('VALIDATION', `办理状态“${text}”无效，应为未解决或已解决`);
      next.status = status;
      next.solved_date = status === 'solved' ? (old.solved_date ?? today(ctx)) : null;
      break;
    }
    case 'solvedDate':
      next.solved_date = text ? parseDate(text, '解决日期') : null;
      next.status = next.solved_date ? 'solved' : 'open';
      break;
    case 'resolution':
      if (text.length > 2000) throw new AppError('VALIDATION', '解决情况过长，最多2000字');
      next.resolution = text || null;
      break;
  }
  if (next.solved_date && next.solved_date < next.raised_date) throw new AppError('VALIDATION', `解决日期不能早于提出日期（${next.raised_date}）`);
  const at = timestamp(ctx);
  db.transaction(() => {
    writeProblem(db, next);
    insertChangeSet(db, `修改问题的${PROBLEM_FIELDS[args.field]}`, at, [{ projectId: old.project_id, year: old.year, op: 'update', field: PROBLEM_FIELD, oldValue: old, newValue: next }]);
  }).immediate();
  return rowOf(ctx, args.year, args.id);
}

/** Delete a problem recorded by mistake (undoable). */
export function removeProblem(ctx: ServiceContext, args: { id: number }): { removed: number } {
  const db = requireDb(ctx, 'write');
  const old = readProblem(db, args.id);
  if (!old) return { removed: 0 };
  db.transaction(() => {
    deleteProblem(db, args.id);
    insertChangeSet(db, '删除问题', timestamp(ctx), [{ projectId: old.project_id, year: old.year, op: 'update', field: PROBLEM_FIELD, oldValue: old, newValue: null }]);
  }).immediate();
  return { removed: 1 };
}
