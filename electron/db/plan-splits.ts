/**
 * SQL of the split annual plans (migration 0007): a project's cumulative plan 1-M月 at the end of
 * each period its list gives, by year.
 */
import type { Db } from './connection';
import { stmt, tupleQuery } from './statements';
import type { Money } from '../../shared/money';

type Split = [projectId: number, month: number, plannedToDate: Money];
const SPLITS_OF_YEAR = tupleQuery<[year: number], Split>('SELECT project_id, month, planned_to_date FROM plan_splits WHERE year = ? ORDER BY project_id, month');
const SPLIT_OF = tupleQuery<[year: number, projectId: number], [month: number, plannedToDate: Money]>(
  'SELECT month, planned_to_date FROM plan_splits WHERE year = ? AND project_id = ? ORDER BY month',
);

/** [projectId, month, plannedToDate (元)] of every split of year Y, by project and month. */
export function planSplitsOfYear(db: Db, year: number): Split[] {
  return SPLITS_OF_YEAR(db).all(year);
}

/** A project's split of year Y: month → cumulative plan (元). */
export function planSplitOf(db: Db, projectId: number, year: number): Map<number, Money> {
  return new Map(SPLIT_OF(db).all(year, projectId));
}

/** Replace a project's split of year Y (an empty map removes it), in the caller's transaction. */
export function writePlanSplit(db: Db, projectId: number, year: number, points: ReadonlyMap<number, Money>): void {
  stmt(db, 'DELETE FROM plan_splits WHERE year = ? AND project_id = ?').run(year, projectId);
  for (const [month, planned] of points) stmt(db, 'INSERT INTO plan_splits (project_id, year, month, planned_to_date) VALUES (?, ?, ?, ?)').run(projectId, year, month, planned);
}
