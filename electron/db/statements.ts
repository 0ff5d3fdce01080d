/**
 * Prepared statements, cached per connection (preparing costs more than running for small
 * queries), and typed queries: every read of electron/db is declared once with its SQL, the
 * parameters it binds and the row it returns, so no call site asserts a row's type.
 *
 * The row type is a declaration, not a check: SQLite gives back whatever the columns hold, and the
 * declaration beside the SQL is the one place that says what that is (the schema's CHECKs and the
 * tests that read every query keep the two in step).
 */
import type Database from 'better-sqlite3';
import type { Db } from './open-database';
import { numberPragma } from './sqlite';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** A statement for SQL that is built at run time or only written (run); reads use `query`. */
export function stmt(db: Db, sql: string): Database.Statement {
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

/** Rows a bulk INSERT writes in one statement: each statement run has a cost, and 100 rows stay well under SQLite's variable limit. */
const ROWS_PER_INSERT = 100;

/**
 * INSERT `count` rows into `table`, up to a hundred rows a statement (bulk loads: an import's
 * projects and change log, a province's reports). `fill(out, row)` pushes row `row`'s values in
 * the order of `columns`; values are gathered one statement at a time, never for all rows at once.
 */
export function insertRows(db: Db, table: string, columns: readonly string[], count: number, fill: (out: unknown[], row: number) => void): void {
  const sql = (n: number) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(n).fill(`(${columns.map(() => '?').join(', ')})`).join(', ')}`;
  let i = 0;
  if (count >= ROWS_PER_INSERT) {
    const batch = stmt(db, sql(ROWS_PER_INSERT));
    for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) {
      const values: unknown[] = [];
      for (let k = i; k < i + ROWS_PER_INSERT; k++) fill(values, k);
      batch.run(values);
    }
  }
  for (; i < count; i++) {
    const values: unknown[] = [];
    fill(values, i);
    stmt(db, sql(1)).run(values);
  }
}

/** A query bound to one connection: better-sqlite3's reads, typed by the parameters P and the row R. */
export interface Rows<P extends unknown[], R> {
  /** The first row, or undefined when there is none. */
  get(...params: P): R | undefined;
  /** The one row an aggregate without GROUP BY always gives (count, max, coalesce(max…)). */
  one(...params: P): R;
  all(...params: P): R[];
}

/**
 * A query declared once: `query<[year: number], ReportSnapshot>(sql)(db).all(year)`. Named
 * parameters are one object: `query<[{ year: number; asOf: string }], Row>(sql)`.
 */
export interface Query<P extends unknown[], R> {
  (db: Db): Rows<P, R>;
  readonly sql: string;
}

/** How better-sqlite3 hands a row over: an object named by column, an array in column order, or the first column alone. */
type Shape = 'object' | 'array' | 'value';

function declare<P extends unknown[], R>(sql: string, shape: Shape): Query<P, R> {
  const bound = new WeakMap<Db, Rows<P, R>>();
  const on = (db: Db): Rows<P, R> => {
    let rows = bound.get(db);
    if (!rows) {
      // The one place a row type meets SQL: better-sqlite3's own generics say the statement
      // returns R, which is what this query declares (see the comment at the top).
      const s: Database.Statement<P, R> = db.prepare<P, R>(sql);
      if (shape === 'array') s.raw(true);
      if (shape === 'value') s.pluck(true);
      rows = {
        get: (...params) => s.get(...params),
        one: (...params) => {
          const row = s.get(...params);
          if (row === undefined) throw new Error(`查询未返回结果：${sql}`);
          return row;
        },
        all: (...params) => s.all(...params),
      };
      bound.set(db, rows);
    }
    return rows;
  };
  return Object.assign(on, { sql });
}

/** Rows as objects named by their columns (`SELECT id, name AS label` gives `{ id, label }`). */
export const query = <P extends unknown[], R extends object>(sql: string): Query<P, R> => declare<P, R>(sql, 'object');

/** Rows as arrays in column order (faster across to JavaScript for the engine's large reads). */
export const tupleQuery = <P extends unknown[], R extends readonly unknown[]>(sql: string): Query<P, R> => declare<P, R>(sql, 'array');

/** The first column of each row alone (`SELECT count(*) …` gives a number). */
export const valueQuery = <P extends unknown[], V>(sql: string): Query<P, V> => declare<P, V>(sql, 'value');

/**
 * Queries whose SQL names a table or column from a closed set (a list's table, a field's column):
 * one declared query per name, made on first use.
 */
export function queryFamily<K extends string, P extends unknown[], R>(declareFor: (key: K) => Query<P, R>): (key: K) => Query<P, R> {
  const made = new Map<K, Query<P, R>>();
  return (key) => {
    let q = made.get(key);
    if (!q) {
      q = declareFor(key);
      made.set(key, q);
    }
    return q;
  };
}

const TOTAL_CHANGES = valueQuery<[], number>('SELECT total_changes() AS n');

/**
 * Changes whenever anything is written to the library, by this connection (total_changes) or by
 * another one (data_version): an analysis made under one stamp is still true under the same stamp.
 */
export function changeStamp(db: Db): string {
  return `${TOTAL_CHANGES(db).one()}:${numberPragma(db, 'data_version')}`;
}
