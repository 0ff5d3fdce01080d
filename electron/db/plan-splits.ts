/**
 * SQL of the split annual plans (migration 0007): a project's cumulative plan 1-M月 at the end of
 * each period its list gives, by year.
 */
import type { Db } from './connection';
import { stmt } from './statements';
import type { Money } from '../../shared/money';

/** [projectId, month, plannedToDate (元)] of every split of year Y, by project and month. */
export function planSplitsOfYear(db: Db, year: number): [projectId: number, month: number, plannedToDate: Money][] {
  return stmt(db, 'SELECT project_id, month, planned_to_date FROM plan_splits WHERE year = ? ORDER BY project_id, month').raw(true).all(year) as [number, number, Money][];
}

/** A project's split of year Y: month → cumulative plan (元). */
export function planSplitOf(db: Db, projectId: number, year: number): Map<number, Money> {
  const rows = stmt(db, 'SELECT month, planned_to_date FROM plan_splits WHERE year = ? AND project_id = ? ORDER BY month').raw(true).all(year, projectId) as [number, Money][];
  return new Map(rows);
}

/** Replace a project's split of year Y (an empty map removes it), in the caller's transaction. */
export function writePlanSplit(db: Db, projectId: number, year: number, points: ReadonlyMap<number, Money>): void {
  stmt(db, 'DELETE FROM plan_splits WHERE year = ? AND project_id = ?').run(year, projectId);
  for (const [month, planned] of points) stmt(db, 'INSERT INTO plan_splits (project_id, year, month, planned_to_date) VALUES (?, ?, ?, ?)').run(projectId, year, month, planned);
}
