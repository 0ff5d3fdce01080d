/**
 * Importing a year's project list from a workbook as districts send it: title rows, "报送单位" and
 * "单位：万元" lines, headers of one to three rows, section and group rows at every level, totals
 * rows, values typed every which way. The preview (project-preview.ts) says what each row would do
 * and every problem's cell; the commit writes it all in one transaction as one undoable change, or
 * nothing — and never while 总投资 or 年度计划投资 has no column, unless the user says the list has none.
 */
import type { FieldValue, ProjectField } from '../../../shared/fields';
import type { ImportResult, ProjectImportPreview, RequiredMoneyTarget } from '../../../shared/import';
import { AppError } from '../../../shared/result';
import { insertChangeSet, type ChangeRecord } from '../../db/changes';
import type { Db } from '../../db/connection';
import { addDistrict, categoryById, listEntriesAddedSince, listEntryIds } from '../../db/lists';
import { LIST_ENTRY_FIELD } from '../history-fields';
import { insertYearPlan, isOnList, nextSortOrder, FIELD_COLUMNS, insertProjectRecords, type NewProjectRecord, type YearPlanSnapshot } from '../../db/projects';
import { timestamp, type ServiceContext } from '../context';
import { requireDb } from '../library';
import { applyField, ListLookup, toStorage } from '../project-edits';
import { nameInitials } from '../pinyin';
import type { ListMembership } from '../projects';
import { WorkbookError, type Workbook } from '../spreadsheet/xlsx-reader';
import { readSpreadsheet } from '../spreadsheet/read-any';
import { changeStamp } from '../../db/statements';
import { analyse, type Analysis, type ProjectImportOptions } from './project-preview';
import type { ParsedRow } from './project-rows';
import { writeSplit } from './project-plan-split';

export { PROJECT_COLUMN_SYNONYMS, importTargetLabel, matchCategory, normaliseName } from './project-columns';
export type { ProjectImportOptions } from './project-preview';

/**
 * The last analysis of each workbook, so that the commit following a preview need not redo it
 * (half the time of a large import). Used only while the library is unchanged since (same stamp).
 */
const analyses = new WeakMap<Workbook, { key: string; stamp: string; analysis: Analysis }>();

function analyseOnce(db: Db, workbook: Workbook, fileName: string, options: ProjectImportOptions): Analysis {
  // The options that change the analysis (a commit's own options such as validOnly do not).
  const key = JSON.stringify([fileName, options.year, options.sheet ?? null, options.mapping ?? null]);
  const stamp = changeStamp(db);
  const cached = analyses.get(workbook);
  if (cached && cached.key === key && cached.stamp === stamp) return cached.analysis;
  const analysis = analyse(db, workbook, fileName, options);
  analyses.set(workbook, { key, stamp, analysis });
  return analysis;
}

/** Analyse a workbook (already read) against the library; nothing is written. */
export function previewProjectImport(ctx: ServiceContext, workbook: Workbook, fileName: string, options: ProjectImportOptions): ProjectImportPreview {
  return analyseOnce(requireDb(ctx), workbook, fileName, options).preview;
}

/** Read a workbook (.xlsx, .xls, .csv or a .docx's tables) from bytes, turning the reader's refusal into a message naming the file. */
export function readWorkbook(bytes: Buffer, fileName: string): Workbook {
  try {
    return readSpreadsheet(bytes);
  } catch (err) {
    throw refusal(err, fileName);
  }
}

/** The same, with the context's reader (a worker thread in the app). */
export async function readWorkbookWith(ctx: ServiceContext, bytes: Buffer, fileName: string): Promise<Workbook> {
  try {
    return await ctx.readWorkbook(bytes);
  } catch (err) {
    throw refusal(err, fileName);
  }
}

function refusal(err: unknown, fileName: string): unknown {
  if (!(err instanceof WorkbookError)) return err;
  const where = err.sheet ? `${err.sheet}${err.cellRef ? `!${err.cellRef}` : ''}: ` : '';
  return new AppError('VALIDATION', `“${fileName}”无法导入：${where}${err.message}`);
}

export interface CommitOptions extends ProjectImportOptions {
  validOnly?: boolean;
  /** 总投资 / 年度计划投资 the user confirmed the list has no column for (else such a list is refused). */
  allowMissing?: readonly RequiredMoneyTarget[];
}

/**
 * Write the import: all rows, or with `validOnly` the rows without errors. One transaction and one
 * change set ("导入…"), so 撤销 takes the whole import back.
 */
export function commitProjectImport(ctx: ServiceContext, workbook: Workbook, fileName: string, options: CommitOptions): ImportResult {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  return db
    .transaction(() => {
      const { preview, parsed, splits, matches, newDistricts, undecided } = analyseOnce(db, workbook, fileName, options);
      // A column the rows leave undecided refuses the whole import, valid rows too: never a guess.
      if (undecided.length > 0) throw new AppError('VALIDATION', `“${fileName}”有${undecided.length}列无法确定对应的数据列，未导入任何内容：\n${undecided.map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join('\n')}`);
      refuseMissingColumns(preview, fileName, options.allowMissing ?? []);
      const errors = preview.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0 && (!options.validOnly || preview.counts.error === 0)) {
        throw new AppError('VALIDATION', `“${fileName}”有${errors.length}处错误，未导入任何内容：\n${errors.slice(0, 50).map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join('\n')}`);
      }
      const listsBefore = listEntryIds(db);
      for (const d of newDistricts) addDistrict(db, d);
      const lookup = new ListLookup(db);
      const records: ChangeRecord[] = [];
      let added = 0;
      let updated = 0;
      // New projects are inserted whole, in bulk; the snapshot of each is what undo needs.
      const fresh = parsed.filter((p) => matches.has(p.row) && matches.get(p.row) === null);
      const newRecords = fresh.map((p) => newProjectRecord(db, p, options.year, at, lookup));
      insertProjectRecords(db, newRecords).forEach(({ id, sortOrder }, i) => {
        const { project, yearPlan } = newRecords[i]!;
        const membership: ListMembership = {
          project: { ...project, id, tags: project.tags ?? [] },
          yearPlan: { ...yearPlan, project_id: id, sort_order: sortOrder },
        };
        records.push({ projectId: id, year: options.year, op: 'insert', field: null, oldValue: null, newValue: membership });
        records.push(...writeSplit(db, id, options.year, splits.get(fresh[i]!.row)));
        added++;
      });
      let order = nextSortOrder(db, options.year);
      for (const p of parsed) {
        if (!matches.has(p.row) || matches.get(p.row) === null) continue; // an error row (validOnly) or a new project
        const projectId = matches.get(p.row)!;
        const fields = Object.entries(p.values) as [ProjectField, FieldValue][];
        const before = records.length;
        if (!isOnList(db, projectId, options.year)) {
          // Onto this year's list first (empty), then each field as a logged change: undo runs it backwards.
          const yearPlan = emptyYearPlan(projectId, options.year, order++);
          insertYearPlan(db, yearPlan);
          records.push({ projectId, year: options.year, op: 'insert', field: null, oldValue: null, newValue: { project: null, yearPlan } satisfies ListMembership });
          added++;
        }
        for (const [field, value] of fields) records.push(...applyField(db, projectId, options.year, field, toStorage(db, projectId, options.year, field, value, lookup), at));
        records.push(...writeSplit(db, projectId, options.year, splits.get(p.row)));
        if (records.length > before && records[before]!.op === 'update') updated++;
      }
      // The 区市, 包联领导 and 标签 this import added, logged first: undo removes them last, once no row uses them.
      const entries = listEntriesAddedSince(db, listsBefore).map(
        (entry): ChangeRecord => ({ projectId: 0, year: options.year, op: 'update', field: LIST_ENTRY_FIELD, oldValue: null, newValue: entry }),
      );
      records.unshift(...entries);
      if (records.length > 0) insertChangeSet(db, `导入“${fileName}”：新增${added}个，更新${updated}个`, at, records);
      return {
        added,
        updated,
        unchanged: preview.counts.unchanged,
        skipped: preview.counts.error,
        warnings: preview.issues.filter((i) => i.severity === 'warning').length,
      };
    })
    .immediate();
}

/** Never a silent zero: a list without a 总投资 or 年度计划投资 column is imported only when the user says so. */
function refuseMissingColumns(preview: ProjectImportPreview, fileName: string, allowed: readonly RequiredMoneyTarget[]): void {
  const missing = preview.missingRequired.filter((m) => !allowed.includes(m.target));
  if (missing.length === 0) return;
  const labels = missing.map((m) => `“${m.label}”`).join('和');
  throw new AppError('VALIDATION', `“${fileName}”的工作表“${preview.sheet}”没有${labels}列，未导入任何内容：请在列对应关系中指定${labels}所在的列，或确认这份清单没有${labels}后再导入`);
}

/** A new project's row and year plan in storage values, its lead department following its category. */
function newProjectRecord(db: Db, p: ParsedRow, year: number, at: string, lookup: ListLookup): NewProjectRecord {
  const project: NewProjectRecord['project'] & Record<string, unknown> = {
    code: null, name: p.name, name_initials: nameInitials(p.name), district_id: null, owner_unit: null, scope: null,
    start_year: null, end_year: null, start_date: null, stage: null, total_investment: null, contact_leader_id: null,
    responsible_unit: null, responsible_person: null, phone: null, created_at: at, updated_at: at, tags: [],
  };
  const yearPlan: NewProjectRecord['yearPlan'] & Record<string, unknown> = {
    year, level: null, category_id: null, lead_department: null, nature: null, annual_plan: null, planned_start_month: null,
  };
  for (const [field, value] of Object.entries(p.values) as [ProjectField, FieldValue][]) {
    if (field === 'name') continue;
    const stored = toStorage(db, 0, year, field, value, lookup);
    if (field === 'tags') project.tags = stored as number[];
    else {
      const { table, column } = FIELD_COLUMNS[field];
      (table === 'projects' ? project : yearPlan)[column] = stored;
    }
  }
  if (yearPlan.category_id !== null && yearPlan.lead_department === null) {
    yearPlan.lead_department = lookup.category(String(p.values.category))?.leadDepartment ?? categoryById(db, yearPlan.category_id)?.leadDepartment ?? null;
  }
  return { project, yearPlan };
}

function emptyYearPlan(projectId: number, year: number, sortOrder: number): YearPlanSnapshot {
  return { project_id: projectId, year, level: null, category_id: null, lead_department: null, nature: null, annual_plan: null, planned_start_month: null, sort_order: sortOrder };
}
