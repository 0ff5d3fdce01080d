/**
 * 前期手续: the configurable kinds, each project's planned and actual dates and document numbers,
 * their status as of a day (done / due / overdue), the counts the offices write ("取得手续N个，其中
 * 立项、备案N个，施工许可证N个", 提前开工) as of a month end, and the overdue ones as warnings. Every
 * edit is one undoable step (the change log keeps the procedure's row before and after).
 */
import type { Stage } from '../../shared/domain';
import { cleanText, parseDateText } from '../../shared/fields';
import {
  daysBetween,
  monthEndDate,
  obtainedOn,
  overdueReason,
  procedureStatus,
  type OverdueProcedure,
  type ProcedureCounts,
  type ProcedureKind,
  type ProcedureRow,
} from '../../shared/lifecycle';
import { money, sumMoney } from '../../shared/money';
import { AppError } from '../../shared/result';
import type { StatsFilter } from '../../shared/statistics';
import { insertChangeSet } from '../db/changes';
import type { Db } from '../db/connection';
import {
  procedureKinds,
  procedureProjects,
  proceduresOfYear,
  readProcedure,
  writeProcedure,
  type ProcedureSnapshot,
} from '../db/lifecycle';
import { timestamp, type ServiceContext } from './context';
import { PROCEDURE_FIELD } from './history-fields';
import { requireDb } from './library';
import { recordOf } from './procedure-record';
import { projectFigures } from './statistics';
import { convertedToStart, stageRecords } from './statistics/lifecycle';
import { warningThresholds } from './statistics/warning-rules';

export const PROCEDURE_EDIT_FIELDS = { plannedDate: '计划办结日期', obtainedDate: '实际取得日期', obtained: '办理状态', documentNumber: '批复文号' } as const;
export type ProcedureEditField = keyof typeof PROCEDURE_EDIT_FIELDS;

/** The kinds in use, in order: a retired one is hidden everywhere but 设置 (its data kept). */
export const activeKinds = (db: Db): ProcedureKind[] => procedureKinds(db).filter((k) => !k.retired);

/** Year Y's projects (filtered) with their procedures and each one's status as of `asOf`. */
export function procedureRowsOf(db: Db, year: number, asOf: string, filter: StatsFilter = {}): ProcedureRow[] {
  const active = new Set(activeKinds(db).map((k) => k.id));
  const figures = new Map(projectFigures(db, year, 12, filter).map((f) => [f.projectId, f]));
  const stages = stageRecords(db, year);
  const byProject = new Map<number, ProcedureSnapshot[]>();
  for (const p of proceduresOfYear(db, year)) {
    const list = byProject.get(p.project_id);
    if (list) list.push(p);
    else byProject.set(p.project_id, [p]);
  }
  const rows: ProcedureRow[] = [];
  for (const p of procedureProjects(db, year)) {
    const f = figures.get(p.projectId);
    if (!f) continue;
    const procedures: ProcedureRow['procedures'] = {};
    for (const s of byProject.get(p.projectId) ?? []) {
      if (!active.has(s.kind_id)) continue;
      const r = recordOf(s);
      procedures[s.kind_id] = { ...r, status: procedureStatus(r, asOf) };
    }
    rows.push({
      projectId: p.projectId,
      code: p.code,
      name: p.name,
      district: f.district,
      category: f.category,
      stage: (stages.get(p.projectId)?.stage ?? null) as Stage | null,
      plannedStartMonth: f.plannedStartMonth,
      startDate: p.startDate,
      procedures,
    });
  }
  return rows;
}

/** Today as YYYY-MM-DD on the user's clock. */
const today = (ctx: ServiceContext) => timestamp(ctx).slice(0, 10);

export function listProcedures(ctx: ServiceContext, args: { year: number; month?: number; filter?: StatsFilter }): { kinds: ProcedureKind[]; rows: ProcedureRow[]; asOf: string } {
  const db = requireDb(ctx);
  const asOf = args.month ? monthEndDate(args.year, args.month) : today(ctx);
  return { kinds: activeKinds(db), rows: procedureRowsOf(db, args.year, asOf, args.filter), asOf };
}

function parseDate(text: string, label: string): string {
  const d = parseDateText(text);
  if (!d) throw new AppError('VALIDATION', `${label}“${text}”不是有效的日期，例如2025年3月21日`);
  return d;
}

/** What an edit makes of a procedure: 已办 records today as the day it was known; a date implies 已办. */
export function editedProcedure(old: ProcedureSnapshot, field: ProcedureEditField, value: string | null, todayIso: string): ProcedureSnapshot {
  const text = cleanText(value ?? '');
  const next = { ...old };
  switch (field) {
    case 'plannedDate':
      next.planned_date = text ? parseDate(text, PROCEDURE_EDIT_FIELDS.plannedDate) : null;
      break;
    case 'obtainedDate':
      next.obtained_date = text ? parseDate(text, PROCEDURE_EDIT_FIELDS.obtainedDate) : null;
      if (next.obtained_date) next.recorded_on ??= todayIso;
      break;
    case 'obtained': {
      if (!['已办', '未办', ''].includes(text)) throw new AppError('VALIDATION', `办理状态“${text}”无效，应为已办或未办`);
      next.recorded_on = text === '已办' ? (old.recorded_on ?? todayIso) : null;
      if (text !== '已办') next.obtained_date = null;
      break;
    }
    case 'documentNumber':
      if (text.length > 200) throw new AppError('VALIDATION', '批复文号过长，最多200字');
      next.document_number = text || null;
      break;
  }
  return next;
}

/** Change one field of one project's procedure (one undoable step); returns the project's row. */
export function updateProcedure(ctx: ServiceContext, args: { year: number; projectId: number; kindId: number; field: ProcedureEditField; value: string | null }): ProcedureRow {
  const db = requireDb(ctx, 'write');
  const kind = procedureKinds(db).find((k) => k.id === args.kindId);
  if (!kind) throw new AppError('NOT_FOUND', '该手续种类不存在');
  if (kind.retired) throw new AppError('CONFLICT', `“${kind.name}”已停用，不能修改；如需修改，请先在“设置 > 前期手续种类”中恢复`);
  const row = procedureRowsOf(db, args.year, today(ctx)).find((r) => r.projectId === args.projectId);
  if (!row) throw new AppError('NOT_FOUND', `该项目不在${args.year}年清单中`);
  const old = readProcedure(db, args.projectId, args.kindId);
  const blank: ProcedureSnapshot = { project_id: args.projectId, kind_id: args.kindId, planned_date: null, obtained_date: null, recorded_on: null, document_number: null };
  const next = editedProcedure(old ?? blank, args.field, args.value, today(ctx));
  db.transaction(() => {
    writeProcedure(db, next);
    insertChangeSet(db, `修改“${row.name}”的${kind.name}${PROCEDURE_EDIT_FIELDS[args.field]}`, timestamp(ctx), [
      { projectId: args.projectId, year: args.year, op: 'update', field: PROCEDURE_FIELD, oldValue: old, newValue: readProcedure(db, args.projectId, args.kindId) },
    ]);
  }).immediate();
  return procedureRowsOf(db, args.year, today(ctx)).find((r) => r.projectId === args.projectId)!;
}

/** The overdue procedures of year Y's projects as of a day, most overdue first: each a warning. */
export function overdueOf(db: Db, year: number, asOf: string, filter: StatsFilter = {}): OverdueProcedure[] {
  const kinds = new Map(activeKinds(db).map((k) => [k.id, k.name]));
  // Red as the warning rule has it (设置 > 预警规则), so the list and the project's colour agree.
  const red = warningThresholds(db).redDaysOverdue;
  const out: OverdueProcedure[] = [];
  for (const row of procedureRowsOf(db, year, asOf, filter)) {
    for (const p of Object.values(row.procedures)) {
      if (p.status !== 'overdue' || p.plannedDate === null) continue;
      const days = daysBetween(p.plannedDate, asOf);
      const kind = kinds.get(p.kindId) ?? '';
      out.push({ projectId: row.projectId, name: row.name, district: row.district, kind, plannedDate: p.plannedDate, daysOverdue: days, warning: days >= red ? 'red' : 'yellow', reason: overdueReason(kind, p.plannedDate, days) });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.projectId - b.projectId);
}

/** The counts of year Y as of the end of month M: obtained in the year by then (a later one does not count). */
export function procedureCountsOf(db: Db, year: number, month: number, filter: StatsFilter = {}): ProcedureCounts {
  const asOf = monthEndDate(year, month);
  const kinds = activeKinds(db);
  const role = new Map(kinds.map((k) => [k.id, k.role]));
  const byKind = new Map(kinds.map((k) => [k.id, { kindId: k.id, name: k.name, obtained: 0, overdue: 0 }]));
  const rows = procedureRowsOf(db, year, asOf, filter);
  const counts: ProcedureCounts = { year, month, asOf, projects: rows.length, obtained: 0, approval: 0, constructionPermit: 0, byKind: [], undated: 0, overdue: 0, overdueProjects: 0, earlyStarts: 0, earlyStartCompleted: money(0) };
  for (const row of rows) {
    let late = false;
    for (const p of Object.values(row.procedures)) {
      const k = byKind.get(p.kindId)!;
      if (p.status === 'overdue') {
        counts.overdue++;
        k.overdue++;
        late = true;
      }
      const on = obtainedOn(p);
      if (on === null || on > asOf || on < `${year}-01-01`) continue;
      counts.obtained++;
      k.obtained++;
      if (p.obtainedDate === null) counts.undated++;
      if (role.get(p.kindId) === 'approval') counts.approval++;
      if (role.get(p.kindId) === 'constructionPermit') counts.constructionPermit++;
    }
    if (late) counts.overdueProjects++;
  }
  counts.byKind = [...byKind.values()];
  const early = convertedToStart(db, year, month, filter);
  counts.earlyStarts = early.length;
  counts.earlyStartCompleted = sumMoney(early.map((f) => f.completedToDate));
  return counts;
}
