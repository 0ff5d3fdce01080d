/** SQL for the library's settings: small JSON values by key (e.g. remembered import mappings). */
import type { Db } from './connection';
import { stmt, valueQuery } from './statements';

const SETTING = valueQuery<[key: string], string>('SELECT value FROM settings WHERE key = ?');

/**
 * The value stored under `key`, as the service that owns the key wrote it with writeSetting
 * (undefined when there is none or it is not JSON).
 */
export function readSetting<T>(db: Db, key: string): T | undefined {
  const value = SETTING(db).get(key);
  if (value === undefined) return undefined;
  try {
    // Unchecked: a setting is JSON this program wrote under its own key, and each key has one
    // owner that knows its shape (number-style.ts normalises what it reads; the others merge
    // what they read over their defaults).
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
