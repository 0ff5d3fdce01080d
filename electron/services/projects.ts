/**
 * The project library (项目库): a year's list, edits, pastes, adding, removing and carrying
 * continuing projects over to next year. Every action is one transaction and one change set.
 */
import type { PasteOutcome } from '../../shared/api';
import type { ChangeEntry, ProjectDetail, ProjectRow, ProjectTable } from '../../shared/domain';
import { cleanText, FIELD_BY_KEY, isProjectField, type ProjectField } from '../../shared/fields';
import type { MoneyUnit } from '../../shared/money';
import { AppError } from '../../shared/result';
import { changesOfProject, insertChangeSet, type ChangeRecord } from '../db/changes';
import type { Db } from '../db/connection';
import {
  deleteProject,
  deleteYearPlan,
  getProjectRow,
  insertProject,
  insertYearPlan,
  isOnList,
  listProjectTable,
  nextSortOrder,
  projectIsReferencedBeyond,
  readProjectSnapshot,
  readYearPlanSnapshot,
  yearsOfProject,
  type ProjectSnapshot,
  type YearPlanSnapshot,
} from '../db/projects';
import { timestamp, type ServiceContext } from './context';
import { requireDb } from './library';
import { applyField, requireField, resolveInput, storageDisplayText } from './project-edits';
import { nameInitials } from './pinyin';
import { assertNewProjectName } from './project-names';

/** What the change log keeps to undo adding a project to a list, or taking it off. */
export interface ListMembership {
  /** Present when the project itself was created or deleted with the list entry. */
  project: ProjectSnapshot | null;
  yearPlan: YearPlanSnapshot;
}

export function listProjects(ctx: ServiceContext, year: number): ProjectTable {
  return listProjectTable(requireDb(ctx), year);
}

function requireRow(db: Db, projectId: number, year: number): ProjectRow {
  const row = getProjectRow(db, projectId, year);
  if (!row) throw new AppError('NOT_FOUND', `${year}年清单中没有编号为${projectId}的项目，可能已被删除`, { projectId });
  return row;
}

export function getProject(ctx: ServiceContext, projectId: number, year: number): ProjectDetail {
  const db = requireDb(ctx);
  const row = requireRow(db, projectId, year);
  const history: ChangeEntry[] = changesOfProject(db, projectId).map((c) => ({
    id: c.id,
    changeSetId: c.changeSetId,
    at: c.at,
    label: c.label,
    state: c.state,
    projectId: c.projectId,
    year: c.year,
    op: c.op,
    field: c.field,
    oldText: c.op === 'update' ? storageDisplayText(db, c.field ?? '', c.oldValue) : c.op === 'delete' ? `在${c.year}年清单中` : '',
    newText: c.op === 'update' ? storageDisplayText(db, c.field ?? '', c.newValue) : c.op === 'insert' ? `加入${c.year}年清单` : `移出${c.year}年清单`,
  }));
  return { row, years: yearsOfProject(db, projectId), history };
}

function fieldLabel(field: string): string {
  return isProjectField(field) ? FIELD_BY_KEY[field].label : field;
}

export function updateProject(
  ctx: ServiceContext,
  args: { projectId: number; year: number; field: string; value: string | number | null; unit: MoneyUnit },
): ProjectRow {
  const db = requireDb(ctx, 'write');
  const field = requireField(args.field);
  const at = timestamp(ctx);
  db.transaction(() => {
    const row = requireRow(db, args.projectId, args.year);
    const value = resolveInput(db, args.projectId, args.year, field, args.value, args.unit);
    const records = applyField(db, args.projectId, args.year, field, value, at);
    if (records.length > 0) insertChangeSet(db, `修改“${row.name}”的${fieldLabel(field)}`, at, records);
  }).immediate();
  return requireRow(db, args.projectId, args.year);
}

export function addProject(ctx: ServiceContext, args: { year: number; name: string }): ProjectRow {
  const db = requireDb(ctx, 'write');
  const name = cleanText(args.name);
  if (!name) throw new AppError('VALIDATION', '项目名称不能为空', { field: 'name' });
  const at = timestamp(ctx);
  const projectId = db
    .transaction(() => {
      assertNewProjectName(db, name, args.year);
      const id = insertProject(db, name, nameInitials(name), at);
      const yearPlan: YearPlanSnapshot = {
        project_id: id,
        year: args.year,
        level: null,
        category_id: null,
        lead_department: null,
        nature: null,
        annual_plan: null,
        planned_start_month: null,
        sort_order: nextSortOrder(db, args.year),
      };
      insertYearPlan(db, yearPlan);
      const membership: ListMembership = { project: readProjectSnapshot(db, id)!, yearPlan };
      insertChangeSet(db, `新增项目“${name}”`, at, [{ projectId: id, year: args.year, op: 'insert', field: null, oldValue: null, newValue: membership }]);
      return id;
    })
    .immediate();
  return requireRow(db, projectId, args.year);
}

export function removeProjects(ctx: ServiceContext, args: { year: number; projectIds: number[] }): { removed: number } {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  return db
    .transaction(() => {
      const records: ChangeRecord[] = [];
      for (const projectId of new Set(args.projectIds)) {
        const yearPlan = readYearPlanSnapshot(db, projectId, args.year);
        if (!yearPlan) continue;
        // A project on no other list and with no reports or problems goes with its only list entry,
        // so no orphan is left behind; undo puts both back.
        const alone = !projectIsReferencedBeyond(db, projectId, args.year);
        const project = alone ? readProjectSnapshot(db, projectId)! : null;
        deleteYearPlan(db, projectId, args.year);
        if (alone) deleteProject(db, projectId);
        const membership: ListMembership = { project, yearPlan };
        records.push({ projectId, year: args.year, op: 'delete', field: null, oldValue: membership, newValue: null });
      }
      if (records.length === 0) throw new AppError('NOT_FOUND', `所选项目不在${args.year}年清单中`);
      insertChangeSet(db, `删除${records.length}个项目`, at, records);
      return { removed: records.length };
    })
    .immediate();
}

export function copyToNextYear(
  ctx: ServiceContext,
  args: { year: number; projectIds: number[] },
): { copied: number; skippedFinished: number; skippedPresent: number } {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  const next = args.year + 1;
  return db
    .transaction(() => {
      const records: ChangeRecord[] = [];
      let skippedFinished = 0;
      let skippedPresent = 0;
      let order = nextSortOrder(db, next);
      for (const projectId of new Set(args.projectIds)) {
        const current = readYearPlanSnapshot(db, projectId, args.year);
        if (!current) continue;
        if (isOnList(db, projectId, next)) {
          skippedPresent++;
          continue;
        }
        const endYear = readProjectSnapshot(db, projectId)?.end_year ?? null;
        if (endYear !== null && endYear < next) {
          skippedFinished++;
          continue;
        }
        const yearPlan: YearPlanSnapshot = { ...current, year: next, nature: 'continued', annual_plan: null, planned_start_month: null, sort_order: order++ };
        insertYearPlan(db, yearPlan);
        const membership: ListMembership = { project: null, yearPlan };
        records.push({ projectId, year: next, op: 'insert', field: null, oldValue: null, newValue: membership });
      }
      if (records.length > 0) insertChangeSet(db, `复制${records.length}个续建项目到${next}年清单`, at, records);
      return { copied: records.length, skippedFinished, skippedPresent };
    })
    .immediate();
}

/** Thrown inside the paste transaction to roll it back when any cell is refused. */
class PasteRefused extends Error {}

export function pasteCells(
  ctx: ServiceContext,
  args: { year: number; projectIds: number[]; fields: string[]; cells: string[][]; unit: MoneyUnit },
): PasteOutcome {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  const fields = args.fields.map((f) => requireField(f));
  if (args.cells.length > args.projectIds.length) {
    throw new AppError('VALIDATION', `粘贴的内容有${args.cells.length}行，超出了表格下方的${args.projectIds.length}行`);
  }
  const errors: PasteOutcome['errors'] = [];
  let written = 0;
  try {
    db.transaction(() => {
      const records: ChangeRecord[] = [];
      args.cells.forEach((cells, r) => {
        const projectId = args.projectIds[r]!;
        if (!isOnList(db, projectId, args.year)) {
          errors.push({ row: r + 1, column: 1, field: fields[0]!, message: `第${r + 1}行的项目不在${args.year}年清单中` });
          return;
        }
        cells.forEach((input, c) => {
          const field: ProjectField | undefined = fields[c];
          if (!field) {
            errors.push({ row: r + 1, column: c + 1, field: '', message: `第${c + 1}列超出了表格的最后一列` });
            return;
          }
          try {
            const value = resolveInput(db, projectId, args.year, field, input, args.unit);
            const applied = applyField(db, projectId, args.year, field, value, at);
            records.push(...applied);
            written++;
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            errors.push({ row: r + 1, column: c + 1, field, message: err.message });
          }
        });
      });
      if (errors.length > 0) throw new PasteRefused();
      if (records.length > 0) insertChangeSet(db, `粘贴${written}个单元格`, at, records);
    }).immediate();
  } catch (err) {
    if (err instanceof PasteRefused) return { written: 0, errors };
    throw err;
  }
  return { written, errors };
}
