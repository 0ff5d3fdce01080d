/**
 * Reading a 前期手续 sheet as offices keep them: a project code or name, then one column per
 * procedure ("立项（备案）", "用地预审", "施工许可证") holding the day it was obtained, "已办/未办",
 * or "计划2025年6月30日"; or a band per procedure over its own columns ("用地预审／计划时间 |
 * 办结时间 | 批复文号"). The header is found by the import pipeline's header finder (title rows,
 * merged bands), projects are matched by code, then by name as people mean it (normaliseName).
 * Pure over a read workbook: what each row would change, and every problem with its cell.
 */
import { parseDateText } from '../../../shared/fields';
import type { ImportIssue } from '../../../shared/import';
import type { ProcedureKind } from '../../../shared/lifecycle';
import type { ProcedureColumnField, ProcedureImportColumn, ProcedureImportRow } from '../../../shared/lifecycle-import';
import type { ProcedureSnapshot } from '../../db/lifecycle';
import type { Sheet, Workbook } from '../spreadsheet/xlsx-reader';
import { normaliseName } from './project-columns';
import { cellRef, cellText, findHeader, isPlaceholder, undecidedColumns } from './sheet-table';

type Target = 'code' | 'name' | `k${number}`;

/** A kind's name as a header pattern: "立项/备案" matches 立项（备案）, 立项、备案, 立项备案; 施工许可 matches 施工许可证. */
function kindPattern(name: string): RegExp {
  const parts = name.split(/[/、（）()]/).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(${parts.join('[/、，,（）()]*')})(证|书|手续|批复|审批|文件|情况|办理情况)?`);
}

function synonyms(kinds: readonly ProcedureKind[]): [Target, RegExp][] {
  return [
    ['code', /^(项目编号|项目代码|编号|代码|统一项目代码)$/],
    ['name', /^(项目名称|名称|项目)$/],
    ...kinds.map((k): [Target, RegExp] => [`k${k.id}`, kindPattern(k.name)]),
  ];
}

/** Which field a procedure column gives, from its own cell under a band (or its own words). */
function fieldOf(ownText: string): ProcedureColumnField | null {
  // Our own export's 状态 (已办/待办/逾期) is computed, not data.
  if (/^(状态|办理状态|进度)$/.test(ownText)) return null;
  if (/文号|批文|证号|编号/.test(ownText)) return 'documentNumber';
  if (/计划|预计|拟/.test(ownText)) return 'plannedDate';
  return 'obtained';
}

/** A row's changes to one project's procedures. */
export interface ProcedureSheetRow extends ProcedureImportRow {
  procedures: ProcedureSnapshot[];
}

export interface ProcedureSheetReading {
  sheet: string;
  columns: ProcedureImportColumn[];
  rows: ProcedureSheetRow[];
  issues: ImportIssue[];
}

/** The library a reading is matched against. */
export interface ProcedureLibrary {
  kinds: readonly ProcedureKind[];
  /** Year Y's projects. */
  projects: readonly { projectId: number; code: string | null; name: string }[];
  /** The procedures stored now, by `${projectId}:${kindId}`. */
  stored: ReadonlyMap<string, ProcedureSnapshot>;
  today: string;
}

function pickSheet(workbook: Workbook, kinds: readonly ProcedureKind[]): { sheet: Sheet; header: NonNullable<ReturnType<typeof findHeader<Target>>> } | null {
  let best: { sheet: Sheet; header: NonNullable<ReturnType<typeof findHeader<Target>>>; score: number } | null = null;
  for (const sheet of workbook.sheets) {
    const header = findHeader(sheet, synonyms(kinds), 'name');
    if (!header) continue;
    const score = header.columns.filter((c) => c.target?.startsWith('k')).length;
    if (score > 0 && (!best || score > best.score)) best = { sheet, header, score };
  }
  return best;
}

/** Read a workbook's procedure sheet against the library; null when no sheet has a name column and a procedure column. */
export function readProcedureSheet(workbook: Workbook, lib: ProcedureLibrary): ProcedureSheetReading | null {
  const found = pickSheet(workbook, lib.kinds);
  if (!found) return null;
  const { sheet, header } = found;
  const kindById = new Map(lib.kinds.map((k) => [k.id, k]));
  // The header finder gives a kind its first column; the others under the same band are its too.
  const bandKind = (band: string | null) => (band === null ? undefined : lib.kinds.find((k) => kindPattern(k.name).test(band.replace(/[\s（(][^）)]*[）)]$/, '')))?.id);
  const columns: ProcedureImportColumn[] = header.columns.map((c) => {
    const kindId = c.target?.startsWith('k') ? Number(c.target.slice(1)) : (bandKind(c.band) ?? null);
    const own = c.band ? c.header.slice(c.header.lastIndexOf('／') + 1) : '';
    return { index: c.index, header: c.header, kindId, kind: kindId === null ? null : kindById.get(kindId)!.name, field: kindId === null ? null : fieldOf(own) };
  });
  const codeColumn = header.columns.find((c) => c.target === 'code');
  const nameColumn = header.columns.find((c) => c.target === 'name');
  // A column the rows leave undecided (header-columns.ts) is refused, never guessed.
  const undecided = undecidedColumns(sheet.name, header, () => false);
  if (undecided.length > 0 || !nameColumn) return { sheet: sheet.name, columns, rows: [], issues: undecided };
  const byCode = new Map(lib.projects.filter((p) => p.code).map((p) => [p.code!, p.projectId]));
  const byName = new Map(lib.projects.map((p) => [normaliseName(p.name), p.projectId]));
  const issues: ImportIssue[] = [];
  const rows: ProcedureSheetRow[] = [];
  for (const r of sheet.rows.filter((x) => x.row > header.row.row)) {
    const name = cellText(r.cells[nameColumn.index]);
    const code = codeColumn ? cellText(r.cells[codeColumn.index]) : '';
    if (!name && !code) continue;
    if (/^(合计|总计|小计)/.test(name)) continue;
    const projectId = (code ? byCode.get(code) : undefined) ?? byName.get(normaliseName(name)) ?? null;
    const errors: ImportIssue[] = [];
    if (projectId === null) {
      errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(codeColumn && code ? codeColumn.index : nameColumn.index, r.row), message: `“${name || code}”不在本年度项目清单中` });
    }
    const changed = new Map<number, ProcedureSnapshot>();
    for (const col of columns) {
      if (col.kindId === null || col.field === null || projectId === null) continue;
      const cell = r.cells[col.index];
      const text = cellText(cell);
      if (!text || isPlaceholder(text)) continue;
      const key = `${projectId}:${col.kindId}`;
      const base = changed.get(col.kindId) ?? lib.stored.get(key) ?? { project_id: projectId, kind_id: col.kindId, planned_date: null, obtained_date: null, recorded_on: null, document_number: null };
      const next = { ...base };
      const where = cellRef(col.index, r.row);
      const fail = (message: string) => errors.push({ severity: 'error', sheet: sheet.name, cell: where, message });
      if (col.field === 'documentNumber') next.document_number = text.slice(0, 200);
      else if (col.field === 'plannedDate') {
        const d = parseDateText(text.replace(/^(计划|预计)/, ''));
        if (d) next.planned_date = d;
        else fail(`${col.kind}计划时间“${text}”不是有效的日期`);
      } else if (/^(已办|已办理|已取得|已完成|已批复|已办结|是|√|✓)$/.test(text)) {
        next.recorded_on ??= lib.today;
      } else if (/^(未办|未办理|未取得|未完成|否|×)$/.test(text)) {
        next.recorded_on = null;
        next.obtained_date = null;
      } else {
        const planned = /^(计划|预计)/.test(text) ? parseDateText(text.replace(/^(计划|预计)/, '')) : null;
        const d = cell?.t === 'd' ? cell.v : parseDateText(text);
        if (planned) next.planned_date = planned;
        else if (d) {
          next.obtained_date = d;
          next.recorded_on ??= lib.today;
        } else fail(`${col.kind}“${text}”无法识别：应为办结日期、“已办”或“未办”`);
      }
      changed.set(col.kindId, next);
    }
    const blank = (p: ProcedureSnapshot) => ({ ...p, planned_date: null, obtained_date: null, recorded_on: null, document_number: null });
    const procedures = [...changed.values()].filter((p) => JSON.stringify(p) !== JSON.stringify(lib.stored.get(`${p.project_id}:${p.kind_id}`) ?? blank(p)));
    issues.push(...errors);
    rows.push({ row: r.row, name: name || code, projectId, changes: procedures.length, status: errors.length ? 'error' : procedures.length ? 'update' : 'unchanged', procedures });
  }
  return { sheet: sheet.name, columns, rows, issues };
}
