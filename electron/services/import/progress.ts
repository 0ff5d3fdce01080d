/**
 * Importing a month's dispatch sheet (月调度表) for year Y and month M: per project (by code, else
 * name) the cumulative completed investment 1-M月, in whichever shape the sheet gives it
 * (progress-columns.ts), started/resumed, start date, 纳统, 形象进度 and 存在问题. A project the
 * library does not know is an error, never a new project. What a statistics office would query is
 * a warning (progress-checks.ts). A non-empty 存在问题 records an open problem, once per text, typed
 * from its words. One transaction, one undoable change.
 */
import { raisedDateFor } from '../problems';
import { randomUUID } from 'node:crypto';
import { parseDateText } from '../../../shared/fields';
import { type ImportIssue, type ImportResult, type ImportRowPreview, type ProgressTarget } from '../../../shared/import';
import { problemTypeOf } from '../../../shared/problems';
import { missingCompletedRefusal, type DispatchChoices, type DispatchTarget, type ProgressImportPreview } from '../../../shared/progress-import';
import { formatMoneyCell } from '../../../shared/format';
import { AppError } from '../../../shared/result';
import { insertChangeSet, type ChangeRecord } from '../../db/changes';
import type { Db } from '../../db/connection';
import { listProjectRows } from '../../db/projects';
import { hasOpenProblem, insertProblem, isMonthClosed, readProblem, readReport, writeReport, type ReportSnapshot } from '../../db/progress';
import { timestamp, type ServiceContext } from '../context';
import { requireDb } from '../library';
import { warningThresholds } from '../statistics/warning-rules';
import type { Workbook } from '../spreadsheet/xlsx-reader';
import { cellRef, cellText, findHeader, isPlaceholder, undecidedColumns } from './sheet-table';
import { normaliseName } from './project-list';
import { PROBLEM_FIELD, REPORT_FIELD } from '../history-fields';
import { draftReport, requireOpenMonth } from '../dispatch';
import { applyMapping, chooseCompletedSource, COMPLETED_SYNONYMS, roleOf, statisticsColumnIssue, statisticsMonthOf, STATISTICS_FIGURE, visualMonthOf, type CompletedChoice, type SheetColumn } from './progress-columns';
import { moneyLabel, readFigure, readMoneyCell, readStatisticsFigure } from './progress-figures';
import { checkRow, type Finding } from './progress-checks';
import { DEFAULT_PLAN_MULTIPLE } from '../../../shared/statistics';
import type { Money } from '../../../shared/money';

export const PROGRESS_COLUMN_SYNONYMS: readonly (readonly [DispatchTarget, RegExp])[] = [
  ['seq', /^序号$/],
  ['code', /^(项目编号|项目代码|统一项目代码|项目编码)$/],
  ['name', /^(项目名称|项目名|名称)$/],
  ...COMPLETED_SYNONYMS,
  ['startStatus', /^(是否开工|开工情况|开复工情况|是否开复工|开工状态|是否开工\(复工\)|是否开工（复工）|已开工|开复工|开工\/复工|是否复工)$/],
  ['startDate', /^(实际开工时间|开工时间|开工日期|实际开工日期)$/],
  ['inStatistics', /^(是否纳统|纳统|纳统情况|是否入库|入库|入统)$/],
  ['statisticsToDate', STATISTICS_FIGURE],
  ['visualProgress', /^(形象进度|工程形象进度|进展情况|项目进展|工程进度|建设进展)$/],
  ['problems', /^(存在问题|存在的问题|问题|困难问题|需协调解决的问题|存在困难和问题)$/],
];

const MONEY_TARGETS = new Set<DispatchTarget>(['completedToDate', 'monthly', 'monthCompleted', 'previousToDate', 'sinceStart']);

const YES = /^(是|已开工|开工|已复工|复工|已开复工|已纳统|已入库|纳统|入库|√|✓|Y|YES)$/i;
const NO = /^(否|未开工|未复工|未开复工|未纳统|未入库|不|×|✗|N|NO)$/i;

function yesNo(text: string): boolean | null | 'invalid' {
  if (text === '' || isPlaceholder(text)) return null;
  if (YES.test(text)) return true;
  if (NO.test(text)) return false;
  return 'invalid';
}

export interface ProgressImportOptions extends DispatchChoices {
  year: number;
  month: number;
  sheet?: string;
}

interface ParsedReport {
  row: number;
  projectId: number;
  report: ReportSnapshot;
  previous: ReportSnapshot | null;
  problem: string | null;
}

/** Projects already reported by an earlier file of the same import: projectId → where. */
type Seen = Map<number, string>;

function findSheet(workbook: Workbook, fileName: string, options: ProgressImportOptions) {
  const candidates = options.sheet === undefined ? workbook.sheets : workbook.sheets.filter((s) => s.name === options.sheet);
  if (candidates.length === 0) throw new AppError('VALIDATION', `“${fileName}”中没有名为“${options.sheet}”的工作表`);
  for (const sheet of candidates) {
    const header = findHeader(sheet, PROGRESS_COLUMN_SYNONYMS, 'name') ?? findHeader(sheet, PROGRESS_COLUMN_SYNONYMS, 'code');
    // A sheet whose money column the rows leave undecided is still the sheet: its analysis says why it is refused.
    if (header && (header.ambiguities.length > 0 || header.columns.some((c) => c.target === 'startStatus' || (c.target !== null && MONEY_TARGETS.has(c.target))))) return { sheet, header };
  }
  throw new AppError('VALIDATION', `“${fileName}”中找不到月调度表：没有一个工作表含有“项目名称”和“完成投资”等列名的表头行`);
}

function analyse(db: Db, workbook: Workbook, fileName: string, options: ProgressImportOptions, at: string, seenInFiles: Seen = new Map()) {
  const { sheet, header } = findSheet(workbook, fileName, options);
  const { year, month } = options;
  const issues: ImportIssue[] = [];
  const issue = (severity: ImportIssue['severity'], cell: string, message: string) => issues.push({ severity, sheet: sheet.name, cell, message });
  const headerCell = (c: SheetColumn | null) => (c ? `${c.letter}${header.row.row}` : `第${header.row.row}行`);
  const columns = applyMapping(
    header.columns.map((c) => ({ index: c.index, letter: cellRef(c.index, 1).replace(/\d+$/, ''), header: c.header, target: c.target, unit: c.unit ?? header.sheetUnit ?? '万元' })),
    options.mapping,
  );
  // A header whose data column the rows leave undecided: an error until the user maps a candidate.
  for (const u of undecidedColumns(sheet.name, header, (index) => columns.some((c) => c.index === index && Object.hasOwn(options.mapping ?? {}, c.header)))) issues.push(u);
  const choice = chooseCompletedSource(columns, year, month, options.confirmMonth === true);
  for (const i of choice.issues) issue(i.severity, headerCell(i.column), i.message);
  const notes = [...header.notes, ...choice.notes];
  const source = choice.source;
  const col = (t: ProgressTarget) => columns.find((c) => c.target === t && c.money === null);
  // A sheet with "N月形象进度" beside each month: month M's is this month's 形象进度.
  const visualColumn = col('visualProgress') ?? columns.find((c) => c.money === null && c.target === null && visualMonthOf(c.header) === month);
  if (visualColumn && visualColumn.target === null) notes.push(`${visualColumn.letter}列“${visualColumn.header}”作为${month}月的形象进度`);
  const statisticsColumn = col('statisticsToDate');
  const statisticsIssue = statisticsColumnIssue(statisticsColumn, month, options.confirmMonth === true);
  if (statisticsIssue) issue(statisticsIssue.severity, headerCell(statisticsIssue.column), statisticsIssue.message);
  if (statisticsIssue?.severity === 'error') choice.otherMonth ??= { header: statisticsColumn!.header, month: statisticsMonthOf(statisticsColumn!.header)! };
  const planMultiple = warningThresholds(db).planMultiple ?? DEFAULT_PLAN_MULTIPLE;

  // The year's list, matched by code, then by normalised name.
  const listed = listProjectRows(db, year);
  const byCode = new Map(listed.filter((r) => r.code).map((r) => [r.code!, r]));
  const byName = new Map<string, typeof listed>();
  for (const r of listed) byName.set(normaliseName(r.name), [...(byName.get(normaliseName(r.name)) ?? []), r]);

  const parsed: ParsedReport[] = [];
  const rows: ImportRowPreview[] = [];
  const seen = new Map<number, number>();
  let withoutFigure = 0;
  for (const row of sheet.rows) {
    if (row.row <= header.row.row) continue;
    const text = (t: ProgressTarget) => {
      const c = t === 'visualProgress' ? visualColumn : col(t);
      return c ? cellText(row.cells[c.index]) : '';
    };
    const code = text('code');
    const name = text('name');
    if (!code && !name) continue; // blank, section or notes row
    if (/^(合计|总计|小计|共计)/.test(name.replace(/\s/g, '')) || /^(合计|总计|小计)/.test(cellText(row.cells[0]).replace(/\s/g, ''))) continue;
    const hasFigure = (source?.columns ?? []).some((c) => cellText(row.cells[c.index]) !== '');
    if (/^(?:[一二三四五六七八九十]+\s*[、.．])/.test(name) && !hasFigure) continue;
    const errors: ImportIssue[] = [];
    const cellOf = (c: SheetColumn | undefined) => (c ? cellRef(c.index, row.row) : `第${row.row}行`);
    const err = (c: SheetColumn | undefined | null, message: string) => errors.push({ severity: 'error', sheet: sheet.name, cell: cellOf(c ?? undefined), message });
    const warn = (c: SheetColumn | undefined | null, message: string) => issue('warning', cellOf(c ?? undefined), message);
    const project = (code && byCode.get(code)) || (() => {
      const matches = byName.get(normaliseName(name)) ?? [];
      return matches.length === 1 ? matches[0] : undefined;
    })();
    if (!project) {
      err(code ? col('code') : col('name'), `${year}年清单中没有${code ? `编号为“${code}”` : `名为“${name}”`}的项目`);
      issues.push(...errors);
      rows.push({ row: row.row, status: 'error', name, code: code || null, projectId: null, changes: [] });
      continue;
    }
    const earlier = seen.get(project.projectId);
    const elsewhere = seenInFiles.get(project.projectId);
    if (earlier !== undefined) err(null, `与第${earlier}行是同一个项目`);
    else if (elsewhere !== undefined) err(null, `“${project.name}”已在${elsewhere}中填报`);
    seen.set(project.projectId, row.row);

    const { old: existing, previous, next: report } = draftReport(db, project.projectId, year, month, at);
    // The completed investment, and the figures beside it that are only checked.
    const facts = { completedGiven: false, sheetMonths: null as Money[] | null, previousInSheet: null as Money | null, sinceStartInSheet: null as Money | null, cumulativeInSheet: null as Money | null };
    if (source) {
      const figure = readFigure(row, source);
      for (const e of figure.errors) err(e.column, e.message);
      if (figure.value !== null) {
        report.completed_to_date = figure.value;
        Object.assign(facts, { completedGiven: true, sheetMonths: figure.months, previousInSheet: figure.previous });
      } else if (figure.errors.length === 0) withoutFigure++;
    }
    if (statisticsColumn) {
      const s = readStatisticsFigure(row, statisticsColumn, report);
      if (s.error) err(statisticsColumn, s.error);
      if (s.warning) warn(statisticsColumn, s.warning);
    }
    const checked = (c: SheetColumn | null) => {
      if (!c) return null;
      const r = readMoneyCell(row.cells[c.index], c, moneyLabel(c));
      if (!r.ok) warn(c, `${r.message}（此列只用于核对）`);
      return r.ok ? r.value : null;
    };
    if (source?.how !== 'month-plus-previous') facts.previousInSheet = checked(choice.previous);
    facts.sinceStartInSheet = checked(choice.sinceStart);
    if (choice.monthsBeside && facts.completedGiven) {
      const months = readFigure(row, { how: 'monthly-sum', columns: choice.monthsBeside });
      if (months.months) Object.assign(facts, { sheetMonths: months.months, cumulativeInSheet: report.completed_to_date });
    }
    const status = yesNo(text('startStatus'));
    if (status === 'invalid') err(col('startStatus'), `开工情况“${text('startStatus')}”无法识别，应为是/否、已开工/未开工或已复工`);
    else if (status !== null) {
      // 新建 projects start; 续建 projects resume.
      if (project.nature === 'continued') report.resumed = status ? 1 : 0;
      else report.started = status ? 1 : 0;
    }
    const dateText = text('startDate');
    if (dateText && !isPlaceholder(dateText)) {
      const iso = parseDateText(dateText) ?? (/^\d{4}[.年/-]\d{1,2}月?$/.test(dateText) ? parseDateText(`${dateText.replace(/月$/, '')}.1`) : null);
      if (!iso) err(col('startDate'), `开工时间“${dateText}”不是有效的日期`);
      else {
        report.start_date = iso;
        if (project.nature === 'continued') report.resumed = 1;
        else report.started = 1;
      }
    }
    const statistics = yesNo(text('inStatistics'));
    if (statistics === 'invalid') err(col('inStatistics'), `纳统“${text('inStatistics')}”无法识别，应为是或否`);
    else if (statistics !== null) report.in_statistics = statistics ? 1 : 0;
    const visual = text('visualProgress');
    if (visual) report.visual_progress = visual.slice(0, 2000);
    const problemText = text('problems');
    const problem = problemText && !/^(无|暂无|没有|\/|—|-)$/.test(problemText) ? problemText.slice(0, 2000) : null;

    issues.push(...errors);
    if (errors.length) {
      rows.push({ row: row.row, status: 'error', name: project.name, code: project.code, projectId: project.projectId, changes: [] });
      continue;
    }
    const findings = checkRow(db, year, month, planMultiple, { project, report, previous, cumulativeIsSinceStart: source?.how === 'since-start', ...facts });
    for (const f of findings) warn(findingColumn(f, source?.columns ?? [], choice), f.message);
    const changes = describeChanges(existing, report);
    const newProblem = problem !== null && !hasOpenProblem(db, project.projectId, problem);
    if (newProblem) changes.push({ field: 'problems', label: '存在问题', oldText: '', newText: problem! });
    parsed.push({ row: row.row, projectId: project.projectId, report, previous, problem: newProblem ? problem : null });
    rows.push({ row: row.row, status: existing === null ? 'new' : changes.length ? 'update' : 'unchanged', name: project.name, code: project.code, projectId: project.projectId, changes });
  }
  if (source && withoutFigure > 0) notes.push(`${withoutFigure}个项目没有填写完成投资，累计完成投资保留原有的数`);
  for (const [projectId, row] of seen) if (!seenInFiles.has(projectId)) seenInFiles.set(projectId, `“${fileName}”第${row}行`);
  const unreported = listed.length - seenInFiles.size;
  if (unreported > 0) issue('warning', '', `${year}年清单中有${unreported}个项目不在${seenInFiles.size > seen.size ? '这些表' : '本表'}中（本月未报送）`);
  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  const preview: ProgressImportPreview = {
    token: randomUUID(),
    fileName,
    year,
    month,
    sheet: sheet.name,
    sheets: workbook.sheets.map((s) => s.name),
    headerRow: header.row.row,
    columns: columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, target: c === visualColumn ? 'visualProgress' : roleOf(c, choice), unit: c.money ? c.unit : null })),
    rows,
    counts,
    issues,
    completedFrom: source ? { how: source.how, columns: source.columns.map((c) => c.header), letters: source.columns.map((c) => c.letter) } : null,
    missingCompleted: choice.missing,
    otherMonth: choice.otherMonth,
    notes,
  };
  return { preview, parsed };
}

/** The cell a finding is about: the cumulative's column (month M's when months are added), 上月累计's, or the since-start column. */
function findingColumn(f: Finding, used: SheetColumn[], choice: CompletedChoice): SheetColumn | null {
  if (f.at === 'previous') return choice.previous;
  if (f.at === 'sinceStart') return choice.sinceStart;
  return choice.source?.how === 'monthly-sum' ? used[used.length - 1]! : (used[0] ?? null);
}

const REPORT_LABELS: [keyof ReportSnapshot, string][] = [
  ['completed_to_date', '累计完成投资'],
  ['statistics_to_date', '纳统完成投资'],
  ['started', '已开工'],
  ['resumed', '已复工'],
  ['start_date', '实际开工时间'],
  ['in_statistics', '纳统'],
  ['visual_progress', '形象进度'],
];

function reportText(key: keyof ReportSnapshot, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (key === 'completed_to_date' || key === 'statistics_to_date') return formatMoneyCell(value as number, '万元');
  if (key === 'started' || key === 'resumed' || key === 'in_statistics') return value ? '是' : '否';
  return String(value);
}

function describeChanges(existing: ReportSnapshot | null, next: ReportSnapshot): ImportRowPreview['changes'] {
  return REPORT_LABELS.flatMap(([key, label]) => {
    const old = existing ? existing[key] : null;
    if (existing && old === next[key]) return [];
    if (!existing && (next[key] === null || next[key] === 0) && key !== 'completed_to_date') return [];
    return [{ field: key, label, oldText: reportText(key, old), newText: reportText(key, next[key]) }];
  });
}

/** A file to import: its name and its workbook, already read. */
export interface ImportSource {
  fileName: string;
  workbook: Workbook;
}

/** Analyse one or several dispatch sheets (e.g. the districts' returned templates); nothing is written. */
export function previewProgressImport(ctx: ServiceContext, sources: ImportSource[], options: ProgressImportOptions): ProgressImportPreview[] {
  const db = requireDb(ctx);
  const at = timestamp(ctx);
  const seen: Seen = new Map();
  const previews = sources.map((s) => analyse(db, s.workbook, s.fileName, options, at, seen).preview);
  if (isMonthClosed(db, options.year, options.month)) {
    for (const p of previews) p.issues.unshift({ severity: 'error', sheet: p.sheet, cell: '', message: `${options.year}年${options.month}月已关账，不能导入。如确需修改，请先重新开账。` });
  }
  return previews;
}

/**
 * Write one or several dispatch sheets in one transaction and one undoable change, or nothing if
 * any of them has an error, or gives no completed investment and the user has not confirmed that.
 */
export function commitProgressImport(ctx: ServiceContext, sources: ImportSource[], options: ProgressImportOptions): ImportResult {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  return db
    .transaction(() => {
      requireOpenMonth(db, options.year, options.month);
      const seen: Seen = new Map();
      const analyses = sources.map((s) => ({ source: s, ...analyse(db, s.workbook, s.fileName, options, at, seen) }));
      const errors = analyses.flatMap((a) => a.preview.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: a.source.fileName })));
      if (errors.length > 0) {
        throw new AppError('VALIDATION', `有${errors.length}处错误，未导入任何内容：\n${errors.slice(0, 50).map((i) => `“${i.file}” ${i.sheet}!${i.cell}: ${i.message}`).join('\n')}`);
      }
      const refusal = missingCompletedRefusal(analyses.map((a) => a.preview), options);
      if (refusal) throw new AppError('VALIDATION', refusal);
      const records: ChangeRecord[] = [];
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0, warnings: 0 };
      for (const { preview, parsed } of analyses) {
        for (const p of parsed) {
          const old = readReport(db, p.projectId, options.year, options.month) ?? null;
          writeReport(db, p.report);
          records.push({ projectId: p.projectId, year: options.year, op: 'update', field: REPORT_FIELD, oldValue: old, newValue: p.report });
          if (p.problem) {
            const id = insertProblem(db, { project_id: p.projectId, year: options.year, type: problemTypeOf(p.problem), description: p.problem, owner_department: null, raised_date: raisedDateFor(at.slice(0, 10), options.year, options.month), status: 'open', solved_date: null, resolution: null });
            records.push({ projectId: p.projectId, year: options.year, op: 'update', field: PROBLEM_FIELD, oldValue: null, newValue: readProblem(db, id) });
          }
        }
        result.added += preview.counts.new;
        result.updated += preview.counts.update;
        result.unchanged += preview.counts.unchanged;
        result.warnings += preview.issues.filter((i) => i.severity === 'warning').length;
      }
      const names = sources.length === 1 ? `“${sources[0]!.fileName}”` : `${sources.length}个文件`;
      if (records.length > 0) insertChangeSet(db, `导入${options.year}年${options.month}月调度${names}`, at, records);
      return result;
    })
    .immediate();
}
