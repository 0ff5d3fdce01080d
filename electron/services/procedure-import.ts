/**
 * 前期手续 in and out of files: a sheet read (through ctx.readWorkbook, as every import) into a
 * preview kept by token, committed in one transaction as one undoable step (all, or with validOnly
 * the rows without errors), a backup first; and the year's procedures exported to .xlsx, which
 * imports back the same.
 */
import { loadExcelJS } from './export/exceljs';
import { neutraliseFormula } from '../../shared/formula-guard';
import { describeIssue, type ImportResult } from '../../shared/import';
import { monthEndDate, PROCEDURE_STATUS_LABELS } from '../../shared/lifecycle';
import type { ProcedureImportPreview } from '../../shared/lifecycle-import';
import { AppError } from '../../shared/result';
import type { StatsFilter } from '../../shared/statistics';
import { insertChangeSet, type ChangeRecord } from '../db/changes';
import { procedureKinds, procedureProjects, proceduresOfYear, readProcedure, writeProcedure } from '../db/lifecycle';
import { backupBeforeImport } from './backups';
import { timestamp, type ServiceContext } from './context';
import { deliverFile } from './export/deliver';
import { safeFileName, writeFileAtomically } from './export/safe-file';
import { PROCEDURE_FIELD } from './history-fields';
import { readProcedureSheet, type ProcedureSheetReading } from './import/procedure-sheet';
import { commitPending, previewPending, type PreviewSource } from './import/pending';
import { requireDb } from './library';
import { procedureRowsOf } from './procedures';
import type { Workbook } from './spreadsheet/xlsx-reader';

function reading(ctx: ServiceContext, workbook: Workbook, fileName: string, year: number): ProcedureSheetReading {
  const db = requireDb(ctx);
  const stored = new Map(proceduresOfYear(db, year).map((p) => [`${p.project_id}:${p.kind_id}`, p]));
  const r = readProcedureSheet(workbook, { kinds: procedureKinds(db), projects: procedureProjects(db, year), stored, today: timestamp(ctx).slice(0, 10) });
  if (!r) throw new AppError('VALIDATION', `“${fileName}”中没有找到前期手续表：需要“项目名称”列和至少一列手续（如“立项（备案）”“用地预审”“施工许可证”）`);
  return r;
}

function previewOf(token: string, fileName: string, r: ProcedureSheetReading): ProcedureImportPreview {
  const count = (s: string) => r.rows.filter((x) => x.status === s).length;
  return {
    token,
    fileName,
    sheet: r.sheet,
    columns: r.columns,
    rows: r.rows.map(({ procedures: _p, ...row }) => row),
    counts: { update: count('update'), unchanged: count('unchanged'), error: count('error'), procedures: r.rows.reduce((s, x) => s + (x.status === 'error' ? 0 : x.changes), 0) },
    issues: r.issues,
  };
}

/** Read a procedure sheet (bytes, base64) for year Y's projects; nothing is written. */
export function previewProcedureFile(ctx: ServiceContext, args: { source: PreviewSource; year: number }): Promise<ProcedureImportPreview> {
  return previewPending(ctx, args.source, (file, token) => previewOf(token, file.fileName, reading(ctx, file.workbook, file.fileName, args.year)));
}

/** Write a previewed sheet: refused with every problem listed while it has errors (unless validOnly); one undoable step. */
export function commitProcedureFile(ctx: ServiceContext, args: { token: string; year: number; validOnly: boolean }): Promise<ImportResult> {
  return commitPending(ctx, args.token, async (entry) => {
    const r = reading(ctx, entry.workbook, entry.fileName, args.year);
    const errors = r.issues.filter((i) => i.severity === 'error');
    if (errors.length && !args.validOnly) {
      throw new AppError('VALIDATION', `“${entry.fileName}”有${errors.length}处错误，未导入任何内容：\n${errors.slice(0, 20).map(describeIssue).join('\n')}`);
    }
    await backupBeforeImport(ctx, [entry.fileName]);
    const db = requireDb(ctx, 'write');
    const records: ChangeRecord[] = [];
    const rows = r.rows.filter((x) => x.status === 'update');
    db.transaction(() => {
      for (const row of rows) {
        for (const p of row.procedures) {
          const old = readProcedure(db, p.project_id, p.kind_id);
          writeProcedure(db, p);
          records.push({ projectId: p.project_id, year: args.year, op: 'update', field: PROCEDURE_FIELD, oldValue: old, newValue: readProcedure(db, p.project_id, p.kind_id) });
        }
      }
      if (records.length) insertChangeSet(db, `导入前期手续“${entry.fileName}”`, timestamp(ctx), records);
    }).immediate();
    return { added: 0, updated: rows.length, unchanged: r.rows.filter((x) => x.status === 'unchanged').length, skipped: r.rows.filter((x) => x.status === 'error').length, warnings: r.issues.length - errors.length };
  });
}

/** Year Y's procedures as a sheet: per kind 计划时间 | 办结时间 | 批复文号 under a band, the status as of `asOf`. */
export async function writeProcedureWorkbook(ctx: ServiceContext, year: number, asOf: string, filter: StatsFilter, target: string): Promise<number> {
  const db = requireDb(ctx);
  const kinds = procedureKinds(db);
  const rows = procedureRowsOf(db, year, asOf, filter);
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = '重点项目工作台';
  const sheet = workbook.addWorksheet('前期手续', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + kinds.length * 4;
  sheet.addRow([`${year}年重点项目前期手续办理情况（截至${asOf}）`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow(['项目编号', '项目名称', ...kinds.flatMap((k) => [k.name, '', '', ''])]);
  sheet.addRow(['', '', ...kinds.flatMap(() => ['计划时间', '办结时间', '批复文号', '状态'])]);
  sheet.mergeCells(2, 1, 3, 1);
  sheet.mergeCells(2, 2, 3, 2);
  kinds.forEach((_, i) => sheet.mergeCells(2, 3 + i * 4, 2, 6 + i * 4));
  for (const n of [2, 3]) {
    const header = sheet.getRow(n);
    header.font = { bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  for (const row of rows) {
    sheet.addRow([
      neutraliseFormula(row.code ?? ''),
      neutraliseFormula(row.name),
      ...kinds.flatMap((k) => {
        const p = row.procedures[k.id];
        if (!p) return ['', '', '', ''];
        return [p.plannedDate ?? '', p.obtainedDate ?? (p.recordedOn ? '已办' : ''), neutraliseFormula(p.documentNumber ?? ''), PROCEDURE_STATUS_LABELS[p.status]];
      }),
    ]);
  }
  sheet.getColumn(2).width = 36;
  await writeFileAtomically(target, async (temp) => {
    await workbook.xlsx.writeFile(temp);
  });
  return rows.length;
}

export function exportProcedures(ctx: ServiceContext, args: { year: number; month?: number; filter?: StatsFilter }) {
  const asOf = args.month ? monthEndDate(args.year, args.month) : timestamp(ctx).slice(0, 10);
  return deliverFile(ctx, safeFileName(`${args.year}年前期手续办理情况.xlsx`), async (target) => ({ rows: await writeProcedureWorkbook(ctx, args.year, asOf, args.filter ?? {}, target) }));
}
