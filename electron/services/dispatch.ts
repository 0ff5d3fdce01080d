/**
 * 月调度: a month's figures project by project, edits to the month's reports (each its own
 * transaction and undoable change), and closing a month (关账) so its figures cannot change by
 * accident; reopening asks for a reason, which is logged.
 */
import { raisedDateFor } from './problems';
import type { DispatchField, DispatchRow, MonthState } from '../../shared/dispatch';
import { DISPATCH_FIELDS, parseDispatchText } from '../../shared/dispatch';
import { cleanText } from '../../shared/fields';
import type { MoneyUnit } from '../../shared/money';
import { money, parseMoney } from '../../shared/money';
import { AppError } from '../../shared/result';
import type { StatsFilter } from '../../shared/statistics';
import { insertChangeSet, type ChangeRecord } from '../db/changes';
import type { Db } from '../db/connection';
import { isOnList, getProjectRow } from '../db/projects';
import {
  closeMonthRow,
  hasOpenProblem,
  insertProblem,
  isMonthClosed,
  monthClosingLog,
  monthReports,
  openProblemsByProject,
  readProblem,
  readReport,
  readReportBefore,
  reopenMonthRow,
  writeReport,
  type ReportSnapshot,
} from '../db/progress';
import { timestamp, type ServiceContext } from './context';
import { PROBLEM_FIELD, REPORT_FIELD } from './history-fields';
import { requireDb } from './library';
import { freezeMonth, thawMonth } from './month-freeze';
import { projectFigures } from './statistics';

export function dispatchRows(ctx: ServiceContext, args: { year: number; month: number; filter?: StatsFilter }): DispatchRow[] {
  const db = requireDb(ctx);
  const reports = monthReports(db, args.year, args.month);
  const problems = openProblemsByProject(db);
  return projectFigures(db, args.year, args.month, args.filter ?? {}).map((f) => {
    const r = reports.get(f.projectId);
    return {
      ...f,
      increment: f.completedLastMonth === null ? null : f.completedToDate - f.completedLastMonth,
      startDate: r?.start_date ?? null,
      inStatistics: r ? r.in_statistics === 1 : false,
      visualProgress: r?.visual_progress ?? null,
      openProblems: problems.get(f.projectId) ?? [],
    };
  });
}

export function monthState(ctx: ServiceContext, args: { year: number; month: number }): MonthState {
  const db = requireDb(ctx);
  return { closed: isMonthClosed(db, args.year, args.month), log: monthClosingLog(db, args.year, args.month) };
}

/** Refuse a change to a closed month, naming it. */
export function requireOpenMonth(db: Db, year: number, month: number): void {
  if (isMonthClosed(db, year, month)) {
    throw new AppError('CONFLICT', `${year}年${month}月已关账，数据不能修改。如确需修改，请先“重新开账”并说明原因。`);
  }
}

const YES = /^(是|已开工|已复工|开工|复工|true|1)$/;
const NO = /^(否|未开工|未复工|false|0)$/;

/**
 * Change one field of a project's report for month M (creating the report from last month's if
 * there is none). Validated before anything is written; one transaction; one undoable change.
 */
export function updateDispatch(
  ctx: ServiceContext,
  args: { projectId: number; year: number; month: number; field: DispatchField; value: string | number | boolean | null; unit: MoneyUnit },
): DispatchRow {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  const where = { projectId: args.projectId, field: args.field };
  db.transaction(() => {
    requireOpenMonth(db, args.year, args.month);
    if (!isOnList(db, args.projectId, args.year)) throw new AppError('NOT_FOUND', `该项目不在${args.year}年清单中`, where);
    const nature = getProjectRow(db, args.projectId, args.year)?.nature ?? null;
    const { old, next } = draftReport(db, args.projectId, args.year, args.month, at);
    const text = args.value === null ? '' : cleanText(String(args.value));
    const label = DISPATCH_FIELDS[args.field];
    const records: ChangeRecord[] = [];
    switch (args.field) {
      case 'completedToDate': {
        const r = parseDispatchText('completedToDate', text, args.unit);
        if (!r.ok) throw new AppError('VALIDATION', r.message, where);
        next.completed_to_date = money(r.value as number);
        break;
      }
      case 'statisticsToDate': {
        // Emptied: the month reports no 纳统 figure (missing, not zero).
        const r = text === '' || /^[—－-]$/.test(text) ? null : parseMoney(text, args.unit); // '—' is how the grid shows none
        if (r && !r.ok) throw new AppError('VALIDATION', `${label}：${r.message}`, where);
        next.statistics_to_date = r ? r.value : null;
        break;
      }
      case 'started':
      case 'inStatistics': {
        const yes = args.value === true || YES.test(text);
        if (!yes && !(args.value === false || NO.test(text) || text === '')) throw new AppError('VALIDATION', `${label}应为“是”或“否”`, where);
        if (args.field === 'inStatistics') next.in_statistics = yes ? 1 : 0;
        else if (nature === 'continued') next.resumed = yes ? 1 : 0;
        else next.started = yes ? 1 : 0;
        break;
      }
      case 'startDate': {
        const r = parseDispatchText('startDate', text, args.unit);
        if (!r.ok) throw new AppError('VALIDATION', r.message, where);
        const iso = r.value as string | null;
        next.start_date = iso;
        if (iso) {
          if (nature === 'continued') next.resumed = 1;
          else next.started = 1;
        }
        break;
      }
      case 'visualProgress':
        if (text.length > 2000) throw new AppError('VALIDATION', `${label}过长，最多2000字`, where);
        next.visual_progress = text || null;
        break;
      case 'problem': {
        if (!text) return;
        if (text.length > 2000) throw new AppError('VALIDATION', `${label}过长，最多2000字`, where);
        if (hasOpenProblem(db, args.projectId, text)) throw new AppError('CONFLICT', `该项目已有未解决的问题“${text}”`, where);
        const id = insertProblem(db, { project_id: args.projectId, year: args.year, type: 'other', description: text, owner_department: null, raised_date: raisedDateFor(at.slice(0, 10), args.year, args.month), status: 'open', solved_date: null, resolution: null });
        records.push({ projectId: args.projectId, year: args.year, op: 'update', field: PROBLEM_FIELD, oldValue: null, newValue: readProblem(db, id) });
        break;
      }
    }
    if (args.field !== 'problem') {
      writeReport(db, next);
      records.push({ projectId: args.projectId, year: args.year, op: 'update', field: REPORT_FIELD, oldValue: old, newValue: next });
    }
    const name = getProjectRow(db, args.projectId, args.year)?.name ?? '';
    insertChangeSet(db, `修改“${name}”${args.month}月的${label}`, at, records);
  }).immediate();
  const row = dispatchRows(ctx, { year: args.year, month: args.month }).find((r) => r.projectId === args.projectId);
  if (!row) throw new AppError('NOT_FOUND', '项目不存在', where);
  return row;
}

/**
 * A month's report about to be written: the month's own if there is one, else last month's figures
 * carried forward (cumulative amounts and start status do not go back to zero in a new month).
 */
export function draftReport(db: Db, projectId: number, year: number, month: number, at: string): { old: ReportSnapshot | null; previous: ReportSnapshot | null; next: ReportSnapshot } {
  const old = readReport(db, projectId, year, month) ?? null;
  const previous = readReportBefore(db, projectId, year, month) ?? null;
  const base = old ?? previous;
  const next: ReportSnapshot = {
    project_id: projectId,
    year,
    month,
    completed_to_date: base?.completed_to_date ?? money(0),
    // Cumulative like the dispatch figure, so carried forward the same way.
    statistics_to_date: base?.statistics_to_date ?? null,
    started: base?.started ?? 0,
    resumed: base?.resumed ?? 0,
    start_date: base?.start_date ?? null,
    in_statistics: base?.in_statistics ?? 0,
    completed: base?.completed ?? 0,
    in_production: base?.in_production ?? 0,
    visual_progress: old?.visual_progress ?? null,
    reported_at: at,
  };
  return { old, previous, next };
}

export function closeMonth(ctx: ServiceContext, args: { year: number; month: number }): MonthState {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  db.transaction(() => {
    if (isMonthClosed(db, args.year, args.month)) throw new AppError('CONFLICT', `${args.year}年${args.month}月已经关账`);
    closeMonthRow(db, args.year, args.month, at);
    freezeMonth(db, args.year, args.month, at);
  }).immediate();
  return monthState(ctx, args);
}

export function reopenMonth(ctx: ServiceContext, args: { year: number; month: number; reason: string }): MonthState {
  const db = requireDb(ctx, 'write');
  const reason = cleanText(args.reason);
  if (reason.length < 2) throw new AppError('VALIDATION', '请说明重新开账的原因');
  const at = timestamp(ctx);
  db.transaction(() => {
    if (!isMonthClosed(db, args.year, args.month)) throw new AppError('CONFLICT', `${args.year}年${args.month}月没有关账`);
    reopenMonthRow(db, args.year, args.month, reason.slice(0, 500), at);
    thawMonth(db, args.year, args.month);
  }).immediate();
  return monthState(ctx, args);
}
