/**
 * A project list's split plans through the import (plan-split-columns.ts reads them): each row's
 * periods become its cumulative plan 1-M月 (migration 0007), shown in the preview as a change and
 * written with the list in the same transaction and undoable step (a PLAN_SPLIT_FIELD record).
 */
import type { ImportColumn, ImportIssue, ImportRowChange } from '../../../shared/import';
import { formatMoneyCell } from '../../../shared/format';
import type { Money } from '../../../shared/money';
import type { ChangeRecord } from '../../db/changes';
import type { Db } from '../../db/connection';
import { planSplitOf, writePlanSplit } from '../../db/plan-splits';
import { PLAN_SPLIT_FIELD } from '../history-fields';
import type { Sheet } from '../spreadsheet/xlsx-reader';
import { readRowSplit, splitColumns, splitText } from './plan-split-columns';
import type { ParsedRow } from './project-rows';
import { cellRef } from './sheet-table';

/** A split as the change log keeps it: [month, cumulative plan (元)] pairs, by month. */
export interface PlanSplitSnapshot {
  project_id: number;
  year: number;
  points: [number, Money][];
}

/**
 * Each parsed row's split (row number → month → cumulative plan); errors go to their row, so the
 * row is not imported; warnings and unreadable column names to `issues`.
 */
export function readSplits(sheet: Sheet, columns: readonly ImportColumn[], parsed: ParsedRow[], issues: ImportIssue[]): Map<number, Map<number, Money>> {
  const out = new Map<number, Map<number, Money>>();
  const { split, unreadable } = splitColumns(columns);
  for (const c of unreadable) issues.push({ severity: 'error', sheet: sheet.name, cell: `${c.letter}列`, message: `“${c.header}”看不出是哪一期的计划投资（例如“1季度计划”“上半年”“1-6月计划”）` });
  if (split.length === 0) return out;
  const rows = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const p of parsed) {
    const row = rows.get(p.row);
    if (!row) continue;
    const plan = typeof p.values.annualPlan === 'number' ? p.values.annualPlan : null;
    const r = readRowSplit(row, split, plan);
    for (const e of r.errors) p.errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(e.column.index, p.row), message: e.message });
    for (const w of r.warnings) issues.push({ severity: 'warning', sheet: sheet.name, cell: cellRef(w.column.index, p.row), message: w.message });
    if (r.points) out.set(p.row, r.points);
  }
  return out;
}

const text = (points: ReadonlyMap<number, number> | null) => splitText(points, (v) => `${formatMoneyCell(v, '万元')}万元`);
const same = (a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>) => a.size === b.size && [...a].every(([m, v]) => b.get(m) === v);

/** The preview's change for a row already on the list (none when its split is as stored, or the row gives none). */
export function splitChange(db: Db, projectId: number, year: number, points: ReadonlyMap<number, Money> | undefined): ImportRowChange[] {
  if (!points) return [];
  const old = planSplitOf(db, projectId, year);
  return same(old, points) ? [] : [{ field: 'planSplit', label: '分期计划投资', oldText: text(old), newText: text(points) }];
}

/** Write a project's split (when the row gives one and it differs), logged for undo. */
export function writeSplit(db: Db, projectId: number, year: number, points: ReadonlyMap<number, Money> | undefined): ChangeRecord[] {
  if (!points) return [];
  const old = planSplitOf(db, projectId, year);
  if (same(old, points)) return [];
  writePlanSplit(db, projectId, year, points);
  const snapshot = (p: ReadonlyMap<number, Money>): PlanSplitSnapshot | null => (p.size ? { project_id: projectId, year, points: [...p].sort(([a], [b]) => a - b) } : null);
  return [{ projectId, year, op: 'update', field: PLAN_SPLIT_FIELD, oldValue: snapshot(old), newValue: snapshot(points) }];
}

/** Undo or redo of a logged split: `value` is the split to restore (null: none), `other` the one it replaces. */
export function restoreSplit(db: Db, value: PlanSplitSnapshot | null, other: PlanSplitSnapshot | null): void {
  const where = value ?? other;
  if (where) writePlanSplit(db, where.project_id, where.year, new Map(value?.points ?? []));
}

export const splitDisplayText = (value: PlanSplitSnapshot) => `分期计划投资：${text(new Map(value.points))}`;
