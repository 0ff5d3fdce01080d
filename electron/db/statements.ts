/** Prepared statements cached per connection: preparing costs more than running for small queries. */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Changes whenever anything is written to the library, by this connection (total_changes) or by
 * another one (data_version): an analysis made under one stamp is still true under the same stamp.
 */
export function changeStamp(db: Database.Database): string {
  const ours = (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const theirs = db.pragma('data_version', { simple: true }) as number;
  return `${ours}:${theirs}`;
}
