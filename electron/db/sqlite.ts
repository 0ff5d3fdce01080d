/**
 * What better-sqlite3 hands back without a type — pragma results and the errors it throws — read
 * with a check instead of an assertion, so a surprise is an error naming the pragma, not a wrong
 * number travelling on.
 */
import type { Db } from './open-database';

/** A pragma that reads one number (user_version, data_version, busy_timeout). */
export function numberPragma(db: Db, name: string): number {
  const value = db.pragma(name, { simple: true });
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} 返回了 ${String(value)}`);
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What quick_check or integrity_check finds: 'ok', or each problem it names, joined by '；'. */
export function checkPragma(db: Db, name: 'quick_check' | 'integrity_check'): string {
  const rows = db.pragma(name);
  if (!Array.isArray(rows)) throw new Error(`PRAGMA ${name} 返回了 ${String(rows)}`);
  return rows.map((row: unknown) => String(isRecord(row) ? row[name] : row)).join('；');
}

/** The SQLite result code of an error better-sqlite3 (or Node) threw, e.g. 'SQLITE_BUSY'; '' when it has none. */
export function errorCode(err: unknown): string {
  return isRecord(err) && typeof err.code === 'string' ? err.code : '';
}

/** An error's message, whatever was thrown (a non-error thrown reads as its string). */
export function errorMessage(err: unknown): string {
  return isRecord(err) && 'message' in err ? String(err.message) : String(err);
}
