/**
 * Importing a year's project list from a workbook as districts send it: title rows, a unit line,
 * category section rows ("一、工业项目（45个）"), totals rows, values typed every which way. The
 * preview says what each row would do and every problem's cell; the commit writes it all in one
 * transaction as one undoable change, or nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ProjectRow } from '../../../shared/domain';
import { FIELD_BY_KEY, fieldDisplayText, parseFieldInput, type FieldValue, type ProjectField } from '../../../shared/fields';
import { IMPORT_TARGET_LABELS, type ImportColumn, type ImportIssue, type ImportPreview, type ImportResult, type ImportRowPreview, type ImportTarget } from '../../../shared/import';
import { moneyFromSpreadsheetNumber, parseMoney, type MoneyUnit } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import { insertChangeSet, type ChangeRecord } from '../../db/changes';
import type { Db } from '../../db/connection';
import { addDistrict, categoryById, readLists } from '../../db/lists';
import {
  getProjectRow,
  insertYearPlan,
  isOnList,
  latestRowOfProject,
  nextSortOrder,
  projectIdentities,
  FIELD_COLUMNS,
  insertProjectRecords,
  type NewProjectRecord,
  type YearPlanSnapshot,
} from '../../db/projects';
import { timestamp, type ServiceContext } from '../context';
import { requireDb } from '../library';
import { applyField, ListLookup, toStorage } from '../project-edits';
import { nameInitials } from '../pinyin';
import type { ListMembership } from '../projects';
import { WorkbookError, type Sheet, type SheetRow, type Workbook } from '../spreadsheet/xlsx-reader';
import { readSpreadsheet } from '../spreadsheet/read-any';
import { changeStamp } from '../../db/statements';
import { cellRef, cellText, findHeader, isPlaceholder } from './sheet-table';

/** Column names offices use, tried in this order. */
export const PROJECT_COLUMN_SYNONYMS: readonly (readonly [ImportTarget, RegExp])[] = [
  ['seq', /^(序号|编号\(序号\))$/],
  ['code', /^(项目编号|项目代码|统一项目代码|项目编码|项目统一代码)$/],
  ['name', /^(项目名称|项目名|名称)$/],
  ['ownerUnit', /^(建设单位|项目单位|项目业主|业主单位|项目建设单位|责任单位)$/],
  ['responsibleUnit', /^(责任单位|填报单位)$/],
  ['nature', /^(建设性质|新建\/续建|新建或续建|新建续建|性质)$/],
  ['level', /^(项目级别|级别|项目层级|层级|项目等级)$/],
  ['category', /^(项目类别|类别|行业领域|所属领域|领域|项目类型|分类)$/],
  ['district', /^(所在区市|区市|县区|所在县区|所属区域|所在地|区县|所在区县|所属区市|所属县区)$/],
  ['scope', /^(建设内容及规模|主要建设内容|建设内容|建设规模及内容|建设规模和内容|建设内容和规模|建设规模)$/],
  ['years', /^(建设起止年限|起止年限|建设年限|建设期限|建设起止年份)$/],
  ['totalInvestment', /^(总投资|计划总投资|项目总投资|总投资额)$/],
  ['annualPlan', /^(年度计划投资|年计划投资|\d{4}年计划投资|\d{4}年度计划投资|本年计划投资|年度投资计划|年度计划)$/],
  ['leadDepartment', /^(牵头部门|责任部门|牵头单位)$/],
  ['contactLeader', /^(包联领导|联系领导|分包市领导|分包领导|包联市领导|联系市领导)$/],
  ['plannedStartMonth', /^(计划开工时间|开工时间\(计划\)|计划开工月份|开工时间|计划开工)$/],
  ['startDate', /^(实际开工时间|实际开工日期)$/],
  ['stage', /^(项目阶段|阶段|建设阶段)$/],
  ['responsiblePerson', /^(责任人|联系人)$/],
  ['phone', /^(联系电话|电话|手机|联系方式)$/],
  ['tags', /^(标签|行业标签|领域标签|行业\/领域标签)$/],
  ['startYear', /^(开工年份|开工年度)$/],
  ['endYear', /^(竣工年份|竣工年度|完工年份)$/],
];

export function importTargetLabel(target: ImportTarget): string {
  return target === 'years' || target === 'seq' ? IMPORT_TARGET_LABELS[target] : FIELD_BY_KEY[target].label;
}

/** Names compared the way people mean them: width, spaces and zero-width characters ignored. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff\u3000]/g, '').toLowerCase();
}

export interface ProjectImportOptions {
  year: number;
  sheet?: string;
  /** Column index → target, overriding the recognised mapping (null: do not import the column). */
  mapping?: Record<number, ImportTarget | null>;
}

/** One project row of the file, parsed. */
interface ParsedRow {
  row: number;
  values: Partial<Record<ProjectField, FieldValue>>;
  name: string;
  code: string | null;
  errors: ImportIssue[];
}

interface Analysis {
  preview: ImportPreview;
  parsed: ParsedRow[];
  /** For rows without errors: the project they match (null: a new project). */
  matches: Map<number, number | null>;
  newDistricts: string[];
}

const YEARS_RANGE = /^(\d{4})\s*年?\s*(?:[-—–~～至到]+\s*(\d{4})\s*年?)?$/;

function parseCell(target: ProjectField, row: SheetRow, index: number, unit: MoneyUnit): { value: FieldValue } | { error: string } {
  const cell = row.cells[index];
  const text = cellText(cell);
  const def = FIELD_BY_KEY[target];
  if (cell?.t === 'e') return { error: `单元格是错误值 ${cell.v}` };
  if (cell?.t === 'f') return { error: '公式没有计算结果，请在 Excel/WPS 中重新计算并保存后再导入' };
  if (text === '' || ((def.kind === 'money' || def.kind === 'date' || def.kind === 'month' || def.kind === 'year') && isPlaceholder(text))) {
    return { value: null };
  }
  if (def.kind === 'money') {
    const r = cell?.t === 'n' ? moneyFromSpreadsheetNumber(cell.v, unit) : parseMoney(text, unit);
    return r.ok ? { value: r.value } : { error: `${def.label}：${r.message}` };
  }
  if (def.kind === 'month' && cell?.t === 'd') return { value: Number(cell.v.slice(5, 7)) };
  const r = parseFieldInput(target, text, { unit });
  return r.ok ? { value: r.value } : { error: r.message };
}

/** Category section rows: "一、工业项目（45个）", "（二）城建类". */
function sectionCategory(row: SheetRow): string | null {
  // Most rows are projects with many cells: leave them at once, before reading any text.
  let filled = 0;
  for (const c of row.cells) if (c && ++filled > 3) return null;
  const texts = row.cells.map((c) => cellText(c)).filter((t) => t !== '');
  if (texts.length !== 1 && !(texts.length > 1 && texts.every((t) => t === texts[0]))) return null;
  const m = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[(（][一二三四五六七八九十百]+[)）]|\d+\s*[、．])\s*(.+)$/.exec(texts[0]!);
  if (!m) return null;
  return m[1]!.replace(/[(（]\s*(?:共)?\s*\d+\s*个?\s*(?:项目)?[)）]\s*$/, '').replace(/\s*\d+\s*个\s*$/, '').trim();
}

function isTotalsRow(row: SheetRow): boolean {
  return row.cells.slice(0, 4).some((c) => /^(合计|总计|小计|共计)/.test(cellText(c).replace(/\s/g, '')));
}

/** The category a section title or cell means: exact name, without 项目/类, or the one it starts. */
export function matchCategory(categories: { name: string }[], text: string): string | null {
  const t = text.replace(/\s/g, '');
  const stripped = t.replace(/(重点项目|项目|类|领域)$/, '');
  for (const candidate of [t, stripped]) {
    const exact = categories.find((c) => c.name === candidate);
    if (exact) return exact.name;
  }
  const partial = categories.filter((c) => c.name.startsWith(stripped) || stripped.startsWith(c.name));
  return partial.length === 1 ? partial[0]!.name : null;
}

function chooseSheet(workbook: Workbook, wanted: string | undefined, fileName: string) {
  if (wanted !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === wanted);
    if (!sheet) throw new AppError('VALIDATION', `“${fileName}”中没有名为“${wanted}”的工作表（有：${workbook.sheets.map((s) => s.name).join('、')}）`);
    const header = findHeader(sheet, PROJECT_COLUMN_SYNONYMS, 'name');
    if (!header) throw new AppError('VALIDATION', `${sheet.name}: 找不到表头行（应包含“项目名称”等列名）`);
    return { sheet, header };
  }
  for (const sheet of workbook.sheets) {
    const header = findHeader(sheet, PROJECT_COLUMN_SYNONYMS, 'name');
    if (header) return { sheet, header };
  }
  throw new AppError('VALIDATION', `“${fileName}”中找不到项目清单：没有一个工作表含有“项目名称”等列名的表头行`);
}

function analyse(db: Db, workbook: Workbook, fileName: string, options: ProjectImportOptions): Analysis {
  const { sheet, header } = chooseSheet(workbook, options.sheet, fileName);
  const lists = readLists(db);
  const issues: ImportIssue[] = [];
  const issue = (severity: ImportIssue['severity'], cell: string, message: string) => issues.push({ severity, sheet: sheet.name, cell, message });

  // 责任单位 is the owner when the sheet has no 建设单位 column, else the reporting unit.
  const hasOwner = header.columns.some((c) => c.target === 'ownerUnit' && !/^责任单位$/.test(c.header));
  const columns: ImportColumn[] = header.columns.map((c) => {
    let target = c.target;
    if (target === 'ownerUnit' && c.header === '责任单位' && hasOwner) target = 'responsibleUnit';
    if (options.mapping && Object.prototype.hasOwnProperty.call(options.mapping, c.index)) target = options.mapping[c.index] ?? null;
    const isMoney = target === 'totalInvestment' || target === 'annualPlan';
    return { index: c.index, letter: cellRef(c.index, 1).replace(/\d+$/, ''), header: c.header, target, unit: isMoney ? (c.unit ?? header.sheetUnit ?? '万元') : null };
  });
  const mapped = columns.filter((c): c is ImportColumn & { target: ProjectField | 'years' } => c.target !== null && c.target !== 'seq');
  if (!mapped.some((c) => c.target === 'name')) throw new AppError('VALIDATION', `${sheet.name}: 没有对应“项目名称”的列`);
  const seen = new Map<ImportTarget, ImportColumn>();
  for (const c of mapped) {
    const first = seen.get(c.target!);
    if (first) throw new AppError('VALIDATION', `${sheet.name}: 第${first.letter}列和第${c.letter}列都对应“${importTargetLabel(c.target!)}”，请在列对应关系中只保留一列`);
    seen.set(c.target!, c);
  }
  const planHeader = columns.find((c) => c.target === 'annualPlan')?.header ?? '';
  const planYear = /(\d{4})年/.exec(planHeader)?.[1];
  if (planYear && Number(planYear) !== options.year) issue('warning', `${columns.find((c) => c.target === 'annualPlan')!.letter}${header.row.row}`, `年度计划投资列是${planYear}年的，而导入的是${options.year}年清单`);

  const parsed: ParsedRow[] = [];
  let category: string | null = null;
  const sums = { totalInvestment: 0, annualPlan: 0 };
  const sectionSums = { totalInvestment: 0, annualPlan: 0 };
  for (const row of sheet.rows) {
    if (row.row <= header.row.row) continue;
    const section = sectionCategory(row);
    if (section !== null) {
      category = matchCategory(lists.categories, section);
      if (category === null) issue('warning', `第${row.row}行`, `分类行“${section}”不是已有的项目类别，其下各行的类别未设置`);
      sectionSums.totalInvestment = 0;
      sectionSums.annualPlan = 0;
      continue;
    }
    if (isTotalsRow(row)) {
      const label = row.cells.slice(0, 4).map((c) => cellText(c)).find((t) => t) ?? '合计';
      const expected = /^小计/.test(label.replace(/\s/g, '')) ? sectionSums : sums;
      for (const field of ['totalInvestment', 'annualPlan'] as const) {
        const column = seen.get(field);
        if (!column) continue;
        const r = parseCell(field, row, column.index, column.unit ?? '万元');
        if ('value' in r && typeof r.value === 'number' && r.value !== expected[field]) {
          issue('warning', cellRef(column.index, row.row), `“${label}”行的${FIELD_BY_KEY[field].label}为${fieldDisplayText(field, r.value)}万元，与各项目之和${fieldDisplayText(field, expected[field])}万元不符`);
        }
      }
      continue;
    }
    const values: ParsedRow['values'] = {};
    const errors: ImportIssue[] = [];
    let hasAny = false;
    for (const c of mapped) {
      const target = c.target!;
      const text = cellText(row.cells[c.index]);
      if (text !== '' || row.cells[c.index]?.t === 'f') hasAny = true;
      if (target === 'years') {
        if (text === '' || isPlaceholder(text)) continue;
        const m = YEARS_RANGE.exec(text.normalize('NFKC').replace(/\s/g, ''));
        const start = m ? Number(m[1]) : NaN;
        const end = m ? Number(m[2] ?? m[1]) : NaN;
        if (!m || start < 1949 || end > 2100 || start > end) errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(c.index, row.row), message: `建设起止年限“${text}”无法识别，应如“2024-2026”` });
        else Object.assign(values, { startYear: start, endYear: end });
        continue;
      }
      const r = parseCell(target, row, c.index, c.unit ?? '万元');
      if ('error' in r) errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(c.index, row.row), message: r.error });
      else if (r.value !== null && !(Array.isArray(r.value) && r.value.length === 0)) values[target] = r.value;
    }
    if (!hasAny) continue;
    if (values.category === undefined && category !== null) values.category = category;
    if (typeof values.category === 'string') {
      const matched = matchCategory(lists.categories, values.category);
      if (matched) values.category = matched;
      else errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(seen.get('category')!.index, row.row), message: `项目类别“${values.category}”不在类别列表中` });
    }
    if (typeof values.startYear === 'number' && typeof values.endYear === 'number' && values.startYear > values.endYear) {
      errors.push({ severity: 'error', sheet: sheet.name, cell: `第${row.row}行`, message: `开工年份（${values.startYear}）晚于竣工年份（${values.endYear}）` });
    }
    const name = typeof values.name === 'string' ? values.name : '';
    if (!name) errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(seen.get('name')!.index, row.row), message: '缺少项目名称' });
    for (const f of ['totalInvestment', 'annualPlan'] as const) {
      const v = values[f];
      if (typeof v === 'number') {
        sums[f] += v;
        sectionSums[f] += v;
      }
    }
    parsed.push({ row: row.row, values, name, code: typeof values.code === 'string' ? values.code : null, errors });
  }

  // Match to the library: by code, then by normalised name. The same project twice is an error.
  const identities = projectIdentities(db);
  const byCode = new Map(identities.filter((p) => p.code).map((p) => [p.code!, p.id]));
  const byName = new Map<string, number[]>();
  for (const p of identities) byName.set(normaliseName(p.name), [...(byName.get(normaliseName(p.name)) ?? []), p.id]);
  const inFile = new Map<string, number>();
  const lookup = new ListLookup(db);
  const matches = new Map<number, number | null>();
  const newDistricts = new Set<string>();
  const rows: ImportRowPreview[] = [];
  for (const p of parsed) {
    const key = p.code ? `code:${p.code}` : `name:${normaliseName(p.name)}`;
    const firstRow = inFile.get(key);
    if (firstRow !== undefined && p.name) p.errors.push({ severity: 'error', sheet: sheet.name, cell: `第${p.row}行`, message: `与第${firstRow}行是同一个项目（${p.code ? `项目编号${p.code}` : `名称“${p.name}”`}）` });
    else inFile.set(key, p.row);
    let projectId: number | null = null;
    if (p.code && byCode.has(p.code)) projectId = byCode.get(p.code)!;
    else if (p.name) {
      const candidates = byName.get(normaliseName(p.name)) ?? [];
      if (candidates.length > 1) p.errors.push({ severity: 'error', sheet: sheet.name, cell: `第${p.row}行`, message: `项目库中有${candidates.length}个名为“${p.name}”的项目，请填写项目编号以区分` });
      else if (candidates.length === 1) {
        projectId = candidates[0]!;
        const existingCode = identities.find((i) => i.id === projectId)?.code;
        if (p.code && existingCode && existingCode !== p.code) projectId = null; // a different project with the same name
      }
    }
    if (typeof p.values.district === 'string' && lookup.districtId(p.values.district) === undefined) newDistricts.add(p.values.district);
    issues.push(...p.errors);
    if (p.errors.length > 0) {
      rows.push({ row: p.row, status: 'error', name: p.name, code: p.code, projectId, changes: [] });
      continue;
    }
    matches.set(p.row, projectId);
    const current: ProjectRow | undefined = projectId === null ? undefined : (getProjectRow(db, projectId, options.year) ?? latestRowOfProject(db, projectId));
    // A name that differs only in width or spaces is the same name: keep the library's spelling.
    if (current && typeof p.values.name === 'string' && normaliseName(p.values.name) === normaliseName(current.name)) delete p.values.name;
    const onList = projectId !== null && isOnList(db, projectId, options.year);
    // Changes are shown for rows already on the list; a row new to the list is all new.
    const changes = !onList ? [] : Object.entries(p.values).flatMap(([field, value]) => {
      const f = field as ProjectField;
      const old = current?.[f] ?? null;
      if (JSON.stringify(old) === JSON.stringify(value) || (Array.isArray(value) && Array.isArray(old) && [...value].sort().join() === [...old].sort().join())) return [];
      return [{ field: f, label: FIELD_BY_KEY[f].label, oldText: fieldDisplayText(f, old), newText: fieldDisplayText(f, value) }];
    });
    rows.push({ row: p.row, status: !onList ? 'new' : changes.length ? 'update' : 'unchanged', name: p.name, code: p.code, projectId, changes });
  }
  for (const d of newDistricts) issue('warning', '', `将新增区市“${d}”（区市列表中尚无）`);

  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  if (rows.length === 0) issue('error', `第${header.row.row + 1}行`, '表头下方没有项目');
  const preview: ImportPreview = {
    token: randomUUID(),
    fileName,
    year: options.year,
    sheet: sheet.name,
    sheets: workbook.sheets.map((s: Sheet) => s.name),
    headerRow: header.row.row,
    columns,
    rows,
    counts,
    issues,
  };
  return { preview, parsed, matches, newDistricts: [...newDistricts] };
}

/**
 * The last analysis of each workbook, so that the commit following a preview need not redo it
 * (half the time of a large import). Used only while the library is unchanged since (same stamp).
 */
const analyses = new WeakMap<Workbook, { key: string; stamp: string; analysis: Analysis }>();

function analyseOnce(db: Db, workbook: Workbook, fileName: string, options: ProjectImportOptions): Analysis {
  const key = JSON.stringify([fileName, options.year, options.sheet ?? null, options.mapping ?? null]);
  const stamp = changeStamp(db);
  const cached = analyses.get(workbook);
  if (cached && cached.key === key && cached.stamp === stamp) return cached.analysis;
  const analysis = analyse(db, workbook, fileName, options);
  analyses.set(workbook, { key, stamp, analysis });
  return analysis;
}

/** Analyse a workbook (already read) against the library; nothing is written. */
export function previewProjectImport(ctx: ServiceContext, workbook: Workbook, fileName: string, options: ProjectImportOptions): ImportPreview {
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

/**
 * Write the import: all rows, or with `validOnly` the rows without errors. One transaction and one
 * change set ("导入…"), so 撤销 takes the whole import back.
 */
export function commitProjectImport(
  ctx: ServiceContext,
  workbook: Workbook,
  fileName: string,
  options: ProjectImportOptions & { validOnly?: boolean },
): ImportResult {
  const db = requireDb(ctx, 'write');
  const at = timestamp(ctx);
  return db
    .transaction(() => {
      const { preview, parsed, matches, newDistricts } = analyseOnce(db, workbook, fileName, options);
      const errors = preview.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0 && (!options.validOnly || preview.counts.error === 0)) {
        throw new AppError('VALIDATION', `“${fileName}”有${errors.length}处错误，未导入任何内容：\n${errors.slice(0, 50).map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join('\n')}`);
      }
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
        if (records.length > before && records[before]!.op === 'update') updated++;
      }
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
