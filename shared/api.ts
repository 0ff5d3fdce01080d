/**
 * The one contract between the renderer and the main process: every call the renderer may make,
 * with a doc comment, a runtime schema for its argument and the type of its result.
 *
 * Three implementations satisfy it: the Electron preload (over IPC), the browser harness (over
 * loopback HTTP) and the tests (calling the handlers directly). Arguments are validated against
 * these schemas before any side effect; a bad argument comes back as an INVALID_ARGUMENT error with
 * a Chinese message. Results travel as ApiResult values (see result.ts), never as thrown errors.
 */
import { z } from 'zod';
import type { BackupInfo, HistoryState, LibraryInfo, Lists, ProjectDetail, ProjectRow, ProjectTable } from './domain';
import type { ApiResult } from './result';
import { REQUIRED_MONEY_TARGETS, type ImportResult, type ImportTarget, type ProjectImportPreview } from './import';
import { PROJECT_FIELDS } from './fields';
import { DISPATCH_TARGETS, type ProgressImportPreview } from './progress-import';
import type { PlanSplitSetting, ProjectFigures, Statistics, KeyedSummary, WarningThresholds } from './statistics';
import type { DispatchRow, MonthState } from './dispatch';
import type { MonthlyTrend } from './charts';
import { DRILL_DIMENSIONS } from './drill-down';
import { numberStyleChanges, type NumberStyle } from './number-style';
import type { ProblemRow, ProblemSummary } from './problems';
import type { SupervisionRow } from './supervision';
import { LEDGER_FIELDS, LEDGER_KIND_KEYS, type ActionPlan, type LedgerField, type LedgerImportPreview, type LedgerItem, type LedgerKind, type LedgerSummary } from './ledgers';
import { DRAFT_KINDS, FONT_KEYS, type Draft, type DraftFonts, type TemplateDef } from './drafts';
import { id, method, month, none, path, statsFilter, token, year } from './api-schemas';
import { lifecycleApi } from './api-lifecycle';

const cellInput = z.union([z.string().max(50_000, '内容过长'), z.number(), z.null()]);
const moneyUnit = z.enum(['万元', '亿元']);

/** A date as a person types it (2024年9月15日, 2024-09-15…); the service parses it. */
const dateText = z.string().max(40, '日期过长');
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
const listKind = z.enum(['districts', 'categories', 'tags']);
const ids = z.array(id).min(1, '请先选择项目').max(100_000);
const fontName = z.string().max(100, '字体名称过长').optional();
const ledgerPlan = z.string().min(1, '请填写行动计划的名称').max(200, '行动计划名称过长，最多200字');
const ledgerField = z.enum(Object.keys(LEDGER_FIELDS) as [LedgerField, ...LedgerField[]]);
/** Per sheet (by name): the ledger it is (null: not imported) and its column mapping (column index → field). */
const ledgerSheetChoices = z.record(
  z.string().max(64),
  z.object({ ledger: z.enum(LEDGER_KIND_KEYS as [LedgerKind, ...LedgerKind[]]).nullable().optional(), mapping: z.record(z.string().regex(/^\d{1,3}$/), ledgerField.nullable()).optional() }).strict(),
);
const draftArgs = z
  .object({ kind: z.enum(DRAFT_KINDS), year, month, params: z.record(z.string().max(100), z.string().max(5000)).optional() })
  .strict();

export const api = {
  /** What shell this is and what it can do (native dialogs exist only in Electron). */
  'app.info': method(none).returns<{ version: string; shell: 'electron' | 'browser'; nativeDialogs: boolean }>(),

  /** The open library, or null when none is open. */
  'library.current': method(none).returns<LibraryInfo | null>(),
  /** Recently opened library files, newest first. */
  'library.recent': method(none).returns<string[]>(),
  /** Open an existing library file (from the recent list, or a path typed in the browser harness). */
  'library.open': method(z.object({ path }).strict()).returns<LibraryInfo>(),
  /**
   * Create a new library file with the default lists and open it (with demo, filled with the demo
   * city of 打开示例项目库). Refuses an existing file.
   */
  'library.create': method(z.object({ path, demo: z.boolean().optional() }).strict()).returns<LibraryInfo>(),
  /** 打开示例项目库: a demo city whose figures are those of the 2024 press conference (seed 000). */
  'library.openDemo': method(none).returns<LibraryInfo>(),
  /** Show the native "打开项目库…" dialog and open the chosen file (Electron only). */
  'library.openWithDialog': method(none).returns<LibraryInfo>(),
  /** Show the native "新建项目库…" dialog and create the chosen file (Electron only). */
  'library.createWithDialog': method(none).returns<LibraryInfo>(),
  /**
   * 在本机副本上工作 (offered when the library is on a network share, LibraryInfo.networkShare):
   * copy the open library to the local folder the warning names and open the copy. The share's
   * file is left as it was; returns the copy's info and the file it was copied from.
   */
  'library.openLocalCopy': method(none).returns<LibraryInfo & { copiedFrom: string }>(),

  /** The editable lists (categories with lead departments, districts, tags, leaders) and the years. */
  'lists.get': method(none).returns<Lists>(),
  /** Add a district, category (with its lead department) or tag; returns the lists. */
  'lists.add': method(z.object({ kind: listKind, name: z.string().max(200), leadDepartment: z.string().max(200).optional() }).strict()).returns<Lists>(),
  /** Rename a list item; every project using it shows the new name. */
  'lists.rename': method(z.object({ kind: listKind, id, name: z.string().max(200) }).strict()).returns<Lists>(),
  /** Set a category's lead department (the default for projects put in that category). */
  'lists.setLeadDepartment': method(z.object({ id, leadDepartment: z.string().max(200) }).strict()).returns<Lists>(),
  /** Remove a list item that no project uses; refused (CONFLICT) while any does. */
  'lists.remove': method(z.object({ kind: listKind, id }).strict()).returns<Lists>(),

  /** Every project on year Y's list, one row each, as a compact table (see rowsFromTable). */
  'projects.list': method(z.object({ year }).strict()).returns<ProjectTable>(),
  /** One project on a year's list with all fields, the years it is listed in and its change history. */
  'projects.get': method(z.object({ projectId: id, year }).strict()).returns<ProjectDetail>(),
  /**
   * Change one field of one project on a year's list. `value` is what the user typed; money is read
   * in `unit`. Validated, committed in its own transaction, logged for undo; returns the saved row.
   */
  'projects.update': method(
    z.object({ projectId: id, year, field: z.string().max(64), value: cellInput, unit: moneyUnit }).strict(),
  ).returns<ProjectRow>(),
  /** Add a new project to year Y's list (name required); returns its row. */
  'projects.add': method(z.object({ year, name: z.string().max(200) }).strict()).returns<ProjectRow>(),
  /** Take projects off year Y's list (undoable). The project and its other years stay. */
  'projects.remove': method(z.object({ year, projectIds: ids }).strict()).returns<{ removed: number }>(),
  /**
   * Put continuing projects of year Y on year Y+1's list as 续建 (annual plan left empty). Projects
   * whose 竣工年份 is before Y+1, or that are already on Y+1's list, are skipped and counted.
   */
  'projects.copyToNextYear': method(z.object({ year, projectIds: ids }).strict()).returns<{
    copied: number;
    skippedFinished: number;
    skippedPresent: number;
  }>(),
  /**
   * Paste a block of cells (as copied from Excel or WPS) onto the grid: `projectIds` are the rows
   * and `fields` the columns it lands on. Every cell is validated first; if any is refused nothing is
   * written and the errors are returned. Otherwise all cells are written as one undoable change.
   */
  'projects.paste': method(
    z
      .object({
        year,
        projectIds: ids,
        fields: z.array(z.string().max(64)).min(1).max(100),
        cells: z.array(z.array(z.string().max(50_000))).max(100_000),
        unit: moneyUnit,
      })
      .strict(),
  ).returns<PasteOutcome>(),

  /**
   * Read a project-list workbook (the bytes of a file the user picked, base64) or re-analyse one
   * already read (by token, e.g. with another sheet or column mapping) for year Y. Nothing is
   * written: returns what each row would do and every problem with its cell.
   */
  'import.projects.preview': method(
    z
      .object({
        source: z.union([z.object({ fileName: z.string().min(1).max(255), data: z.string().max(150_000_000, '文件过大（超过100MB）') }).strict(), z.object({ token }).strict()]),
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
        files: z.array(z.object({ fileName: z.string().min(1).max(255), data: z.string().max(150_000_000, '文件过大（超过100MB）') }).strict()).min(1, '请选择文件').max(50).optional(),
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
  'export.projects': method(z.object({ year, unit: moneyUnit, projectIds: z.array(id).max(100_000).optional() }).strict()).returns<{
    fileName: string;
    savedTo: string | null;
    data: string | null;
    rows: number;
  }>(),

  /**
   * 填报模板: district D's fill-in workbook for month M of year Y (its projects, identity columns
   * locked). Electron asks where to save it (savedTo); the browser harness returns the bytes (data).
   */
  'export.districtTemplate': method(z.object({ year, month, district: z.string().min(1, '请选择区市').max(200) }).strict()).returns<{
    fileName: string;
    savedTo: string | null;
    data: string | null;
    rows: number;
  }>(),
  /** The statistics engine for year Y at month M (optionally filtered): summaries, breakdowns, previous year. */
  'stats.get': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<Statistics>(),
  /** 赛马: districts and lead departments ranked by completion rate, and the fastest and slowest projects. */
  'stats.ranking': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<Ranking>(),
  /**
   * 赛马 to .xlsx (the districts' and lead departments' tables, as the screen shows them): the save
   * dialog in Electron (savedTo), the bytes in the browser harness (data, base64).
   */
  'export.ranking': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<{ fileName: string; savedTo: string | null; data: string | null; rows: number }>(),
  /** Cumulative completed investment by month (year Y through M, and all of Y−1) for the trend chart. */
  'stats.trend': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<MonthlyTrend>(),
  /**
   * The projects behind a number: a chart's bar, slice or point (its filter, dimension and clicked
   * key), a draft's figure or a screen's card (its filter and conditions, all of which must hold).
   */
  'stats.projects': method(
    z
      .object({
        year,
        month,
        filter: statsFilter.optional(),
        dimension: z.enum(['all', 'district', 'category', 'level', 'size', 'warning', 'nature', 'started']).optional(),
        key: z.string().max(200).optional(),
        where: z
          .array(z.object({ dimension: z.enum(DRILL_DIMENSIONS), keys: z.array(z.string().max(200)).max(100) }).strict())
          .max(10)
          .optional(),
      })
      .strict(),
  ).returns<ProjectFigures[]>(),
  /** The warning rules in use and their thresholds (settings, with the defaults of STATISTICS.md). */
  'settings.thresholds': method(none).returns<WarningThresholds>(),
  /** 口径: the office's number style; of Y年M月 when given (a closed month keeps the one it was closed with). */
  'settings.style': method(z.object({ year: year.optional(), month: month.optional() }).strict()).returns<NumberStyle>(),
  /** Change some of the number style; returns the whole style. */
  'settings.setStyle': method(numberStyleChanges).returns<NumberStyle>(),
  /**
   * Change the warning rules: which forms are on and their thresholds (fractions: 0.1 = 10 百分点,
   * 0.8 = 80 % of 序时); a field not given keeps its saved value. Validated (yellow below red).
   */
  'settings.setThresholds': method(
    z
      .object({
        rules: z
          .array(z.enum(['late', 'gap', 'share', 'unreported']))
          .min(1, '请至少选择一种预警规则')
          .max(4)
          .optional(),
        redMonthsLate: z.number().int('逾期月数须为整数').min(1, '逾期月数不能小于1').max(12, '逾期月数不能大于12').optional(),
        yellowMonthsLate: z.number().int('逾期月数须为整数').min(1, '逾期月数不能小于1').max(12, '逾期月数不能大于12').optional(),
        redGap: z.number().min(0.01, '落后百分点不能小于1').max(1, '落后百分点不能大于100').optional(),
        yellowGap: z.number().min(0.01, '落后百分点不能小于1').max(1, '落后百分点不能大于100').optional(),
        redShare: z.number().min(0.01, '序时进度比例不能小于1%').max(1, '序时进度比例不能大于100%').optional(),
        yellowShare: z.number().min(0.01, '序时进度比例不能小于1%').max(1, '序时进度比例不能大于100%').optional(),
        redMonthsUnreported: z.number().int('未报送月数须为整数').min(1, '未报送月数不能小于1').max(12, '未报送月数不能大于12').optional(),
        yellowMonthsUnreported: z.number().int('未报送月数须为整数').min(1, '未报送月数不能小于1').max(12, '未报送月数不能大于12').optional(),
        /** The dispatch import's check: a cumulative above this many times the annual plan. */
        planMultiple: z.number().min(1, '倍数不能小于1').max(100, '倍数不能大于100').optional(),
      })
      .strict(),
  ).returns<WarningThresholds>(),
  /** How annual plans without a split of their own are split by month (设置 > 口径): none, evenly, or by a profile. */
  'settings.planSplit': method(none).returns<PlanSplitSetting>(),
  /** Change it; a profile is 12 cumulative percentages ending at 100 (validated). */
  'settings.setPlanSplit': method(z.object({ mode: z.enum(['none', 'even', 'profile']), profile: z.array(z.number().min(0).max(100)).max(12) }).strict()).returns<PlanSplitSetting>(),

  /** 月调度: every project of year Y's list with its month M figures, report fields, problems and colour. */
  'dispatch.list': method(z.object({ year, month, filter: statsFilter.optional() }).strict()).returns<DispatchRow[]>(),
  /** Change one field of a project's month M report (refused in a closed month); returns the row. */
  'dispatch.update': method(
    z
      .object({
        projectId: id,
        year,
        month,
        field: z.enum(['completedToDate', 'statisticsToDate', 'started', 'startDate', 'inStatistics', 'visualProgress', 'problem']),
        value: z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]),
        unit: moneyUnit,
      })
      .strict(),
  ).returns<DispatchRow>(),
  /** Whether month M is closed (关账), and the log of closings and reopenings. */
  'dispatch.state': method(z.object({ year, month }).strict()).returns<MonthState>(),
  /** Close month M: its figures can no longer change by accident. */
  'dispatch.close': method(z.object({ year, month }).strict()).returns<MonthState>(),
  /** Reopen month M, giving the reason (logged). */
  'dispatch.reopen': method(z.object({ year, month, reason: z.string().max(500) }).strict()).returns<MonthState>(),

  /** Undo the latest change (edit, paste, add, delete, copy), also one made before a restart. */
  'history.undo': method(none).returns<HistoryStep>(),
  /** Redo the latest undone change. */
  'history.redo': method(none).returns<HistoryStep>(),
  /** What 撤销 and 重做 would do now. */
  'history.state': method(none).returns<HistoryState>(),

  /** 问题清单: year Y's problems, oldest first, with age and overdue flag. */
  'problems.list': method(z.object({ year }).strict()).returns<ProblemRow[]>(),
  /** Counts overall and by type, district, responsible department and project. */
  'problems.summary': method(z.object({ year }).strict()).returns<ProblemSummary>(),
  /** Problems on year Y's projects as of the end of month M (a closed month's as closed); projects: with at least one. */
  'problems.atMonthEnd': method(z.object({ year, month }).strict()).returns<{ total: number; open: number; solved: number; projects: number }>(),
  /** Record a problem by hand (undoable). */
  'problems.add': method(
    z
      .object({
        projectId: id,
        year,
        type: z.string().max(20),
        description: z.string().max(2000, '问题描述过长，最多2000字'),
        ownerDepartment: z.string().max(200).nullable().optional(),
        raisedDate: z.string().max(40).nullable().optional(),
      })
      .strict(),
  ).returns<ProblemRow>(),
  /** Change one field of a problem (solving records the day; undoable). */
  'problems.update': method(
    z.object({ id, year, field: z.enum(['type', 'description', 'ownerDepartment', 'raisedDate', 'status', 'solvedDate', 'resolution']), value: z.string().max(2000).nullable() }).strict(),
  ).returns<ProblemRow>(),
  /** Delete a problem recorded by mistake (undoable). */
  'problems.remove': method(z.object({ id }).strict()).returns<{ removed: number }>(),

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

  /** 台账: the action plans. */
  'ledgers.plans': method(none).returns<ActionPlan[]>(),
  /** A plan's items (one ledger, or all), in order. */
  'ledgers.items': method(z.object({ planId: id, ledger: z.enum(LEDGER_KIND_KEYS as [LedgerKind, ...LedgerKind[]]).optional() }).strict()).returns<LedgerItem[]>(),
  /** For each ledger of a plan: counts by status and by department (indicators: on track or not). */
  'ledgers.summaries': method(z.object({ planId: id }).strict()).returns<LedgerSummary[]>(),
  /** Change one field of an item. */
  'ledgers.update': method(
    z.object({ id, field: z.enum(Object.keys(LEDGER_FIELDS) as [LedgerField, ...LedgerField[]]), value: z.string().max(2000, '内容过长，最多2000字').nullable() }).strict(),
  ).returns<LedgerItem>(),
  /**
   * Read a ledger workbook (the bytes of a file the user picked, base64) or re-analyse one already
   * read (by token, with another plan, ledger per sheet or column mapping) for a plan (created if
   * new). Nothing is written: returns each sheet's rows with what they will do and every problem.
   */
  'ledgers.import.preview': method(
    z
      .object({
        source: z.union([z.object({ fileName: z.string().min(1).max(255), data: z.string().max(200_000_000, '文件过大') }).strict(), z.object({ token }).strict()]),
        plan: ledgerPlan,
        sheets: ledgerSheetChoices.optional(),
      })
      .strict(),
  ).returns<LedgerImportPreview>(),
  /**
   * Write a previewed ledger workbook in one transaction: its ledgers replace the plan's of the same
   * kind. Refused, with every error listed, while it has an error; nothing is written then.
   */
  'ledgers.import.commit': method(z.object({ token, plan: ledgerPlan, sheets: ledgerSheetChoices.optional() }).strict()).returns<{
    planId: number;
    counts: Partial<Record<LedgerKind, number>>;
    warnings: number;
  }>(),
  /** Export a plan's ledgers (one sheet each): the save dialog in Electron, bytes in the browser. */
  'ledgers.export': method(z.object({ planId: id }).strict()).returns<{ fileName: string; savedTo: string | null; data: string | null; items: number }>(),

  /** The backups of a library file that cannot be opened (for the recovery choices). */
  'library.backups': method(z.object({ path }).strict()).returns<BackupInfo[]>(),
  /** Recover a library from one of its backups; the file there now is kept under a new name, never deleted. */
  'library.recover': method(z.object({ path, name: z.string().max(300) }).strict()).returns<LibraryInfo>(),
  /** 备份与恢复: the open library's backups, newest first. */
  'backups.list': method(none).returns<BackupInfo[]>(),
  /** Make a verified backup now (kept until deleted by hand). */
  'backups.create': method(none).returns<BackupInfo>(),
  /** 备份到…: a verified copy of the library where the user chooses (the save dialog; bytes in the browser). */
  'backups.saveAs': method(none).returns<{ fileName: string; savedTo: string | null; data: string | null }>(),
  /** Check a backup with integrity_check. */
  'backups.verify': method(z.object({ name: z.string().max(300) }).strict()).returns<{ ok: boolean; message: string }>(),
  /** Put a backup in place of the library (the current state is backed up first, so it can be undone). */
  'backups.restore': method(z.object({ name: z.string().max(300) }).strict()).returns<LibraryInfo>(),

  /** 材料生成: a draft's blocks and the figures they use, built now from the statistics engine (the preview). */
  'drafts.build': method(draftArgs).returns<Draft>(),
  /** Save a draft as .docx: through the save dialog in Electron (written atomically), as bytes in the browser. */
  'drafts.export': method(draftArgs).returns<DraftExport>(),
  /** The drafts' templates: the office's text, the default, and the fields each may use. */
  'drafts.templates': method(none).returns<TemplateState[]>(),
  /** Change a template; an unknown field or an unpaired brace is refused with a message. */
  'drafts.setTemplate': method(z.object({ key: z.string().max(100), text: z.string().max(5000, '模板过长（最多5000字）') }).strict()).returns<TemplateState[]>(),
  /** Back to the default wording: one template (key) or all. */
  'drafts.resetTemplates': method(z.object({ key: z.string().max(100).optional() }).strict()).returns<TemplateState[]>(),
  /** The fonts of the drafts (offices have 仿宋_GB2312 or 仿宋, and so on). */
  'drafts.fonts': method(none).returns<DraftFonts>(),
  'drafts.setFonts': method(
    z.object({ body: fontName, title: fontName, heading1: fontName, heading2: fontName, pageNumber: fontName, latin: fontName } satisfies Record<(typeof FONT_KEYS)[number], unknown>).strict(),
  ).returns<DraftFonts>(),

  /** 项目全周期: stages, 前期手续, 要素保障 (shared/api-lifecycle.ts). */
  ...lifecycleApi,
} as const;

/** A saved draft: where it went (or its bytes), and what a writer still has to do with it. */
export interface DraftExport {
  fileName: string;
  savedTo: string | null;
  data: string | null;
  /** Figures taken from the statistics, and 【请补充：…】 placeholders left to fill. */
  figures: number;
  placeholders: number;
  /** Templates that could not be used (Draft.problems). */
  problems: string[];
}

export interface TemplateState extends TemplateDef {
  defaultText: string;
  changed: boolean;
}

export interface Ranking {
  districts: KeyedSummary[];
  leadDepartments: KeyedSummary[];
  fastest: ProjectFigures[];
  slowest: ProjectFigures[];
}

export interface PasteOutcome {
  /** Cells written (0 when any cell was refused). */
  written: number;
  /** Every refused cell with its position in the pasted block (1-based) and the reason. */
  errors: { row: number; column: number; field: string; message: string }[];
}

export interface HistoryStep {
  /** What was undone or redone, e.g. "修改 项目名称"; null when there was nothing to do. */
  label: string | null;
  /** Years whose list changed, so the renderer knows what to reload. */
  years: number[];
  state: HistoryState;
}

export type Api = typeof api;
export type Method = keyof Api;
export const METHODS = Object.keys(api) as Method[];
export type ArgsOf<M extends Method> = z.input<Api[M]['args']>;
export type ParsedArgsOf<M extends Method> = z.output<Api[M]['args']>;
export type ResultOf<M extends Method> = Api[M]['result'];

/** How the renderer calls the main process, whatever carries the call. */
export type Invoke = <M extends Method>(method: M, args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Turn a schema failure into one Chinese sentence naming the argument. */
export function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '参数无效';
  const where = first.path.length ? `参数 ${first.path.join('.')}：` : '参数：';
  return where + first.message;
}

/**
 * Commands the main process sends to the renderer (from the application menu). In the browser
 * harness the renderer raises the same commands from its own keyboard shortcuts.
 */
export const COMMANDS = ['library.changed', 'history.undo', 'history.redo', 'import.projects', 'import.progress', 'export.projects'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(name: unknown): name is Command {
  return typeof name === 'string' && (COMMANDS as readonly string[]).includes(name);
}

/** What the Electron preload exposes as `window.kpw`, and nothing else. */
export interface Bridge {
  invoke: Invoke;
  /** Listen to menu commands; returns a function that stops listening. */
  onCommand(listener: (command: Command) => void): () => void;
}

/** IPC channel names, shared by main and preload so they cannot drift apart. */
export const IPC_INVOKE = 'kpw:invoke';
export const IPC_COMMAND = 'kpw:command';
