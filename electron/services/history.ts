/**
 * Undo and redo by whole actions, read from the change log, so they work across a restart.
 */
import type { HistoryStep } from '../../shared/api';
import type { HistoryState } from '../../shared/domain';
import { isProjectField } from '../../shared/fields';
import { AppError } from '../../shared/result';
import { changesOfSet, earliestUndoneSet, latestDoneSet, setChangeSetState, yearsOfSet, type StoredChange } from '../db/changes';
import type { Db } from '../db/connection';
import { deleteProject, deleteYearPlan, insertProjectSnapshot, insertYearPlan, type StorageValue } from '../db/projects';
import { timestamp, type ServiceContext } from './context';
import { requireDb } from './library';
import { writeStorage } from './project-edits';
import { LIST_ENTRY_FIELD, PLAN_SPLIT_FIELD, PROBLEM_FIELD, PROCEDURE_FIELD, REPORT_FIELD, SUPERVISION_FIELD } from './history-fields';
import { removeListEntryIfUnused, restoreListEntry, type ListEntrySnapshot } from '../db/lists';
import { restoreSplit, type PlanSplitSnapshot } from './import/project-plan-split';
import { deleteSupervision, insertSupervision, type SupervisionSnapshot } from '../db/supervisions';
import { deleteProcedure, writeProcedure, type ProcedureSnapshot } from '../db/lifecycle';
import { requireOpenMonth } from './dispatch';
import { deleteProblem, deleteReport, insertProblem, writeReport, type ProblemSnapshot, type ReportSnapshot } from '../db/progress';
import type { ListMembership } from './projects';

export function historyState(ctx: ServiceContext): HistoryState {
  const db = requireDb(ctx);
  return { undoLabel: latestDoneSet(db)?.label ?? null, redoLabel: earliestUndoneSet(db)?.label ?? null };
}

function addToList(db: Db, m: ListMembership): void {
  if (m.project) insertProjectSnapshot(db, m.project);
  insertYearPlan(db, m.yearPlan);
}

function removeFromList(db: Db, m: ListMembership): void {
  deleteYearPlan(db, m.yearPlan.project_id, m.yearPlan.year);
  if (m.project) deleteProject(db, m.project.id);
}

const ENTRY_LABELS = { districts: '区市', categories: '项目类别', tags: '标签', contact_leaders: '包联领导' } as const;

/**
 * An entry an import added to a list: undo removes it unless something else uses it by now (a
 * project moved to it, renamed in 设置); redo puts it back under its id, which the redone rows name.
 */
function applyListEntry(db: Db, entry: ListEntrySnapshot, direction: 'undo' | 'redo'): void {
  if (direction === 'undo') {
    removeListEntryIfUnused(db, entry);
    return;
  }
  const taken = restoreListEntry(db, entry);
  if (taken !== null) {
    const what = ENTRY_LABELS[entry.table];
    throw new AppError('CONFLICT', `无法重做：撤销后${what}列表已有“${taken}”，与要恢复的${what}“${entry.row.name}”冲突。请在“设置”中删除或重命名“${taken}”后再重做。`);
  }
}

/** Apply one change forwards (redo) or backwards (undo). */
function applyChange(db: Db, change: StoredChange, direction: 'undo' | 'redo', at: string): void {
  switch (change.op) {
    case 'update': {
      if (change.field === REPORT_FIELD) {
        const report = (direction === 'undo' ? change.oldValue : change.newValue) as ReportSnapshot | null;
        const other = (direction === 'undo' ? change.newValue : change.oldValue) as ReportSnapshot | null;
        if (report) writeReport(db, report);
        else if (other) deleteReport(db, other.project_id, other.year, other.month);
        return;
      }
      if (change.field === PROBLEM_FIELD) {
        const problem = (direction === 'undo' ? change.oldValue : change.newValue) as ProblemSnapshot | null;
        const other = (direction === 'undo' ? change.newValue : change.oldValue) as ProblemSnapshot | null;
        if (other) deleteProblem(db, other.id);
        if (problem) insertProblem(db, problem);
        return;
      }
      if (change.field === PLAN_SPLIT_FIELD) {
        const [value, other] = direction === 'undo' ? [change.oldValue, change.newValue] : [change.newValue, change.oldValue];
        return restoreSplit(db, value as PlanSplitSnapshot | null, other as PlanSplitSnapshot | null);
      }
      if (change.field === SUPERVISION_FIELD) {
        const record = (direction === 'undo' ? change.oldValue : change.newValue) as SupervisionSnapshot | null;
        const other = (direction === 'undo' ? change.newValue : change.oldValue) as SupervisionSnapshot | null;
        if (other) deleteSupervision(db, other.id);
        if (record) insertSupervision(db, record);
        return;
      }
      if (change.field === PROCEDURE_FIELD) {
        const procedure = (direction === 'undo' ? change.oldValue : change.newValue) as ProcedureSnapshot | null;
        const other = (direction === 'undo' ? change.newValue : change.oldValue) as ProcedureSnapshot | null;
        if (procedure) writeProcedure(db, procedure);
        else if (other) deleteProcedure(db, other.project_id, other.kind_id);
        return;
      }
      if (change.field === LIST_ENTRY_FIELD) return applyListEntry(db, (change.newValue ?? change.oldValue) as ListEntrySnapshot, direction);
      if (!change.field || !isProjectField(change.field) || change.year === null) throw new AppError('INTERNAL', '变更记录无效，无法撤销');
      const value = (direction === 'undo' ? change.oldValue : change.newValue) as StorageValue;
      writeStorage(db, change.projectId, change.year, change.field, value, at);
      return;
    }
    case 'insert':
      if (direction === 'undo') removeFromList(db, change.newValue as ListMembership);
      else addToList(db, change.newValue as ListMembership);
      return;
    case 'delete':
      if (direction === 'undo') addToList(db, change.oldValue as ListMembership);
      else removeFromList(db, change.oldValue as ListMembership);
      return;
  }
}

function step(ctx: ServiceContext, direction: 'undo' | 'redo'): HistoryStep {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  const set = direction === 'undo' ? latestDoneSet(db) : earliestUndoneSet(db);
  if (!set) return { label: null, years: [], state: historyState(ctx) };
  db.transaction(() => {
    const changes = changesOfSet(db, set.id);
    // A closed month's figures change only after reopening it, by undo too.
    for (const c of changes) {
      if (c.field === REPORT_FIELD) {
        const r = (c.newValue ?? c.oldValue) as ReportSnapshot;
        requireOpenMonth(db, r.year, r.month);
      }
    }
    const ordered = direction === 'undo' ? [...changes].reverse() : changes;
    for (const change of ordered) applyChange(db, change, direction, at);
    setChangeSetState(db, set.id, direction === 'undo' ? 'undone' : 'done');
  }).immediate();
  return { label: set.label, years: yearsOfSet(db, set.id), state: historyState(ctx) };
}

export const undo = (ctx: ServiceContext): HistoryStep => step(ctx, 'undo');
export const redo = (ctx: ServiceContext): HistoryStep => step(ctx, 'redo');
