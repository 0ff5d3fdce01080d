/**
 * The contract's methods of 表格导入导出 for the project list and the dispatch sheets: a preview
 * that writes nothing (every problem with its cell), then a commit in one transaction (one
 * undoable step, a backup first), and the list or a district's fill-in template (填报模板) exported
 * to .xlsx. The one import pipeline behind them is electron/services/import/. Spread into `api`
 * (shared/api.ts); the life cycle's and the ledgers' imports are in api-lifecycle.ts and api-ledgers.ts.
 */
import * as z from 'zod';
import { REQUIRED_MONEY_TARGETS, type ImportResult, type ImportTarget, type ProjectImportPreview } from './import';
import { PROJECT_FIELDS } from './fields';
import { EXPORT_COLUMNS, isFigureColumn } from './export-columns';
import { DISPATCH_TARGETS, type ProgressImportPreview } from './progress-import';
import { id, method, month, moneyUnit, pickedFile, token, year, type SavedFile } from './api-schemas';

const importTarget = z.enum(['years', 'planSplit', 'seq', ...PROJECT_FIELDS.map((f) => f.key)] as [ImportTarget, ...ImportTarget[]]);
const importMapping = z.record(z.string().regex(/^\d{1,3}$/), importTarget.nullable());

/**
 * A dispatch sheet's choices, the same for its preview and its commit: columns mapped by their
 * header (for every file of the import), and confirmMonth when a cumulative column naming another
 * month is to be read as this month's.
 */
const dispatchChoices = {
  mapping: z
    .record(z.string().max(300), z.enum(DISPATCH_TARGETS).nullable())
    .refine((m) => Object.keys(m).length <= 200, '列对应过多')
    .optional(),
  confirmMonth: z.boolean().optional(),
  /** The sheet to read when a file has several (kpw --sheet); by default the one that looks like a dispatch sheet. */
  sheet: z.string().max(64).optional(),
};

export const importApi = {
  /**
   * Read a project-list workbook (the bytes of a file the user picked, base64) or re-analyse one
   * already read (by token, e.g. with another sheet or column mapping) for year Y. Nothing is
   * written: returns what each row would do and every problem with its cell.
   */
  'import.projects.preview': method(
    z
      .object({
        source: z.union([pickedFile, z.object({ token }).strict()]),
        year,
        sheet: z.string().max(64).optional(),
        mapping: importMapping.optional(),
      })
      .strict(),
  ).returns<ProjectImportPreview>(),
  /**
   * Write a previewed import in one transaction (one undoable change): everything, or with
   * validOnly only the rows without errors. Refused with every problem listed if it has errors, and
   * refused while 总投资 or 年度计划投资 has no column unless allowMissing names it (the user
   * confirmed the list has none).
   */
  'import.projects.commit': method(
    z
      .object({
        token,
        year,
        sheet: z.string().max(64).optional(),
        mapping: importMapping.optional(),
        validOnly: z.boolean(),
        allowMissing: z.array(z.enum(REQUIRED_MONEY_TARGETS)).max(REQUIRED_MONEY_TARGETS.length).optional(),
      })
      .strict(),
  ).returns<ImportResult>(),
  /**
   * Read one or several dispatch sheets (the bytes of files the user picked, base64) for month M
   * of year Y; nothing is written. One preview per file; a project in two files is an error.
   */
  'import.progress.preview': method(
    z
      .object({
        files: z.array(pickedFile).min(1, '请选择文件').max(50).optional(),
        /** The files of an earlier preview, analysed again with other choices (mapping, confirmMonth). */
        token: token.optional(),
        year,
        month,
        ...dispatchChoices,
      })
      .strict()
      .refine((a) => (a.files === undefined) !== (a.token === undefined), '请选择文件'),
  ).returns<{ token: string; previews: ProgressImportPreview[] }>(),
  /**
   * Write previewed dispatch sheets in one transaction (one undoable change), or nothing if any has
   * errors; refused while a sheet gives no completed investment unless allowNoCompleted (the user
   * confirmed it reports only start status and the like).
   */
  'import.progress.commit': method(z.object({ token, year, month, ...dispatchChoices, allowNoCompleted: z.boolean().optional() }).strict()).returns<ImportResult>(),
  /**
   * Export year Y's list (or the given projects, in the given order) to .xlsx. Electron asks where
   * to save and writes it (savedTo); the browser harness returns the file's bytes (data, base64).
   */
  'export.projects': method(
    z
      .object({
        year,
        unit: moneyUnit,
        projectIds: z.array(id).max(100_000).optional(),
        /** The columns shown, in their order (all the fields when absent); 完成投资, 完成率, 预警 need the month. */
        columns: z.array(z.enum(EXPORT_COLUMNS)).min(1, '请至少选择一列').max(100).optional(),
        month: month.optional(),
      })
      .strict()
      .refine((a) => a.month !== undefined || !a.columns?.some(isFigureColumn), { message: '导出完成投资、完成率或预警时须指定月份', path: ['month'] }),
  ).returns<SavedFile & { rows: number }>(),

  /**
   * 填报模板: district D's fill-in workbook for month M of year Y (its projects, identity columns
   * locked). Electron asks where to save it (savedTo); the browser harness returns the bytes (data).
   */
  'export.districtTemplate': method(z.object({ year, month, district: z.string().min(1, '请选择区市').max(200) }).strict()).returns<SavedFile & { rows: number }>(),
} as const;
