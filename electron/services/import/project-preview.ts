/**
 * The preview of a project list: the rows read (project-rows.ts) matched to the library — by code,
 * then by name as people mean it — with what each would do, every problem with its cell, and what a
 * person checks before importing: a column missing for 总投资 or 年度计划投资, each money column's
 * sum beside the sheet's own 合计, the first rows as they will be stored, the headings understood.
 */
import { randomUUID } from 'node:crypto';
import type { ProjectRow } from '../../../shared/domain';
import { FIELD_BY_KEY, PROJECT_FIELDS, fieldDisplayText, type ProjectField } from '../../../shared/fields';
import { REQUIRED_MONEY_TARGETS, type ImportIssue, type ImportMoneySum, type ImportRowChange, type ImportRowPreview, type ImportSampleRow, type ImportTarget, type ProjectImportPreview } from '../../../shared/import';
import type { Db } from '../../db/connection';
import { readLists } from '../../db/lists';
import { getProjectRow, isOnList, latestRowOfProject, projectIdentities } from '../../db/projects';
import { ListLookup } from '../project-edits';
import type { Sheet, Workbook } from '../spreadsheet/xlsx-reader';
import { chooseSheet, mapColumns, normaliseName } from './project-columns';
import { asWritten } from './list-sections';
import { readProjectRows, type ParsedRow } from './project-rows';
import { cellText, undecidedColumns } from './sheet-table';
import { readSplits, splitChange } from './project-plan-split';
import { sumMoney, type Money } from '../../../shared/money';
import { projectsByName } from '../project-names';

export interface ProjectImportOptions {
  year: number;
  sheet?: string;
  /** Column index → target, overriding the recognised mapping (null: do not import the column). */
  mapping?: Record<number, ImportTarget | null>;
}

export interface Analysis {
  preview: ProjectImportPreview;
  parsed: ParsedRow[];
  /** Row → the split of its annual plan (month → cumulative plan), for rows that give one. */
  splits: Map<number, Map<number, Money>>;
  /** For rows without errors: the project they match (null: a new project). */
  matches: Map<number, number | null>;
  newDistricts: string[];
  /** Headers whose data column is not decided (header-columns.ts): the import is refused while any is left. */
  undecided: ImportIssue[];
}

/** Rows shown field by field in the preview. */
const SAMPLE_ROWS = 5;
/** Headings listed in the preview (a list has a few dozen at most; a broken one may have thousands). */
const SHOWN_HEADINGS = 200;

export function analyse(db: Db, workbook: Workbook, fileName: string, options: ProjectImportOptions): Analysis {
  const { sheet, header } = chooseSheet(workbook, options.sheet, fileName);
  const lists = readLists(db);
  const mapped = mapColumns(sheet, header, options.mapping);
  const issues: ImportIssue[] = [];
  const issue = (severity: ImportIssue['severity'], cell: string, message: string) => issues.push({ severity, sheet: sheet.name, cell, message });
  const undecided = undecidedColumns(sheet.name, header, (index) => options.mapping !== undefined && Object.hasOwn(options.mapping, index));
  issues.push(...undecided);
  const planColumn = mapped.byTarget.get('annualPlan');
  const planYear = planColumn ? /(\d{4})年/.exec(planColumn.header)?.[1] : undefined;
  if (planYear && Number(planYear) !== options.year) issue('warning', `${planColumn!.letter}${header.row.row}`, `年度计划投资列是${planYear}年的，而导入的是${options.year}年清单`);

  const reading = readProjectRows(sheet, header, mapped, lists);
  const { parsed } = reading;
  issues.push(...reading.issues);
  const splits = readSplits(sheet, mapped.columns, parsed, issues);

  // Match to the library: by code, then by normalised name. The same project twice is an error.
  const identities = projectIdentities(db);
  const byCode = new Map(identities.filter((p) => p.code).map((p) => [p.code!, p.id]));
  const byName = projectsByName(identities);
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
    const changes: ImportRowChange[] = !onList ? [] : Object.entries(p.values).flatMap(([field, value]) => {
      const f = field as ProjectField;
      const old = current?.[f] ?? null;
      if (JSON.stringify(old) === JSON.stringify(value) || (Array.isArray(value) && Array.isArray(old) && [...value].sort().join() === [...old].sort().join())) return [];
      return [{ field: f, label: FIELD_BY_KEY[f].label, oldText: fieldDisplayText(f, old), newText: fieldDisplayText(f, value) }];
    });
    if (onList) changes.push(...splitChange(db, projectId!, options.year, splits.get(p.row)));
    rows.push({ row: p.row, status: !onList ? 'new' : changes.length ? 'update' : 'unchanged', name: p.name, code: p.code, projectId, changes });
  }
  for (const d of newDistricts) issue('warning', '', `将新增区市“${d}”（区市列表中尚无）`);

  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  if (rows.length === 0) issue('error', `第${header.row.row + 1}行`, '表头下方没有项目');

  const sums: ImportMoneySum[] = REQUIRED_MONEY_TARGETS.flatMap((target) => {
    const column = mapped.byTarget.get(target);
    if (!column) return [];
    const amounts = parsed.map((p) => p.values[target]).filter((v): v is Money => typeof v === 'number');
    const total = reading.sheetTotal[target];
    const sum = sumMoney(amounts);
    return [{ target, label: FIELD_BY_KEY[target].label, letter: column.letter, unit: column.unit ?? '万元', sum, rows: amounts.length, sheetTotal: total?.value ?? null, sheetTotalCell: total?.cell ?? null, sheetTotalAgrees: total ? total.value === asWritten(sum, total.step) : null }];
  });

  const preview: ProjectImportPreview = {
    token: randomUUID(),
    fileName,
    year: options.year,
    sheet: sheet.name,
    sheets: workbook.sheets.map((s: Sheet) => s.name),
    headerRow: header.firstRow,
    headerLastRow: header.row.row,
    columns: mapped.columns,
    rows,
    counts,
    issues,
    missingRequired: mapped.missingRequired,
    sums,
    sample: sampleRows(parsed, rows),
    headings: reading.headings.slice(0, SHOWN_HEADINGS),
    notes: [...header.notes, ...reading.notes],
    reportingUnit: header.reportingUnit,
    yearInFile: yearInFile(sheet, header.firstRow) ?? (planYear ? Number(planYear) : null),
  };
  return { preview, parsed, splits, matches, newDistricts: [...newDistricts], undecided };
}

/** The first rows as they will be stored: every field read, with its label and its value as shown. */
function sampleRows(parsed: ParsedRow[], rows: ImportRowPreview[]): ImportSampleRow[] {
  return parsed.slice(0, SAMPLE_ROWS).map((p, i) => ({
    row: p.row,
    status: rows[i]!.status,
    values: PROJECT_FIELDS.filter((f) => p.values[f.key] !== undefined || f.key === 'name').map((f) => ({
      field: f.key,
      label: f.label,
      text: f.key === 'name' ? p.name : `${fieldDisplayText(f.key, p.values[f.key])}${f.kind === 'money' ? '万元' : ''}`,
    })),
  }));
}

/** The year a title above the header names ("2025年××市重点建设项目计划表"), if any. */
function yearInFile(sheet: Sheet, headerRow: number): number | null {
  for (const row of sheet.rows) {
    if (row.row >= headerRow) break;
    for (const cell of row.cells) {
      const m = /(20\d{2}|19\d{2})\s*年/.exec(cellText(cell));
      if (m) return Number(m[1]);
    }
  }
  return null;
}
