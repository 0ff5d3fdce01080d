/**
 * Importing 前期手续 from a sheet (project code or name, one column per procedure with dates or
 * 已办/未办, or a band per procedure over 计划/取得/文号 columns): what the preview shows.
 */
import type { ImportIssue } from './import';

/** What a column of a procedure sheet gives: the procedure's obtained date or 已办/未办, its planned date, its document number. */
export type ProcedureColumnField = 'obtained' | 'plannedDate' | 'documentNumber';

export interface ProcedureImportColumn {
  index: number;
  header: string;
  /** The kind it belongs to (null: not a procedure column, ignored). */
  kindId: number | null;
  kind: string | null;
  field: ProcedureColumnField | null;
}

export interface ProcedureImportRow {
  row: number;
  name: string;
  projectId: number | null;
  /** Procedures the row changes. */
  changes: number;
  status: 'update' | 'unchanged' | 'error';
}

export interface ProcedureImportPreview {
  token: string;
  fileName: string;
  sheet: string;
  columns: ProcedureImportColumn[];
  rows: ProcedureImportRow[];
  counts: { update: number; unchanged: number; error: number; procedures: number };
  issues: ImportIssue[];
}
