/**
 * The SQL of frozen months (migration 0005): storing, reading and dropping a closed month's copy,
 * and trimming a copy to what the month's figures are computed from.
 */
import type { Db } from './open-database';
import { query, stmt, valueQuery } from './statements';

export interface MonthSnapshotRow {
  takenAt: string;
  schemaVersion: number;
  data: Buffer;
}

const SNAPSHOT = query<[year: number, month: number], { taken_at: string; schema_version: number; data: Buffer }>(
  'SELECT taken_at, schema_version, data FROM month_snapshots WHERE year = ? AND month = ?',
);
const TAKEN_AT = valueQuery<[year: number, month: number], string>('SELECT taken_at FROM month_snapshots WHERE year = ? AND month = ?');

export function readMonthSnapshot(db: Db, year: number, month: number): MonthSnapshotRow | null {
  const row = SNAPSHOT(db).get(year, month);
  return row ? { takenAt: row.taken_at, schemaVersion: row.schema_version, data: row.data } : null;
}

/** When the month's copy was taken, without reading it. */
export function monthSnapshotTakenAt(db: Db, year: number, month: number): string | null {
  return TAKEN_AT(db).get(year, month) ?? null;
}

export function writeMonthSnapshot(db: Db, year: number, month: number, row: MonthSnapshotRow): void {
  stmt(db, 'INSERT OR REPLACE INTO month_snapshots (year, month, taken_at, schema_version, data) VALUES (?, ?, ?, ?, ?)').run(year, month, row.takenAt, row.schemaVersion, row.data);
}

export function deleteMonthSnapshot(db: Db, year: number, month: number): void {
  stmt(db, 'DELETE FROM month_snapshots WHERE year = ? AND month = ?').run(year, month);
}

/**
 * Trim a copy of the library (an in-memory database) to what Y年M月's figures need: year Y up to
 * month M, the whole previous year (同比 and its trend line), every project record, the lists,
 * problems and settings. The undo history, other years and the other frozen months go.
 */
export function trimToMonth(copy: Db, year: number, month: number): void {
  // Freed pages are zeroed instead of compacted (VACUUM would rewrite the whole copy): zeros cost
  // next to nothing once the copy is deflated.
  copy.pragma('secure_delete = ON');
  copy.exec('DELETE FROM month_snapshots; DELETE FROM changes; DELETE FROM change_sets;');
  copy.prepare('DELETE FROM progress_reports WHERE NOT ((year = ? AND month <= ?) OR year = ?)').run(year, month, year - 1);
  copy.prepare('DELETE FROM year_plans WHERE year NOT IN (?, ?)').run(year, year - 1);
  copy.prepare('DELETE FROM plan_splits WHERE year NOT IN (?, ?)').run(year, year - 1);
}
