/**
 * 关账 freezes the month. A leader signs a bulletin for 1-8月; after 8月 is closed, nothing done
 * later — July re-imported or edited (August carries July's reports forward), projects added or
 * changed on the year's list, problems solved, warning rules or other settings changed — may move
 * a figure of August until August is reopened.
 *
 * How: closing takes a copy of the library trimmed to what the month's figures are computed from
 * (db/month-snapshots.ts) and keeps it, compressed, inside the library. Every read of a closed
 * month's figures (statistics, rankings, trend, drill-downs, the dispatch grid, drafts, `kpw
 * stats`) runs the same engine on that copy, through `monthContext`; everything else reads the
 * library. So edits are never refused for the closed month's sake (the month itself still refuses
 * its own edits and imports), and reopening drops the copy: the figures are live again.
 */
import zlib from 'node:zlib';
import type { Db } from '../db/connection';
import { migrate } from '../db/connection';
import { deleteMonthSnapshot, monthSnapshotTakenAt, readMonthSnapshot, trimToMonth, writeMonthSnapshot } from '../db/month-snapshots';
import { openDatabaseFromBytes } from '../db/open-database';
import { isMonthClosed } from '../db/progress';
import { readSetting, writeSetting } from '../db/settings';
import { timestamp, type ServiceContext } from './context';
import { THRESHOLDS_SETTING, warningThresholds } from './statistics/warning-rules';

/** The schema version from which overdue procedures are a warning rule (migration 0010). */
const PROCEDURE_RULE_SINCE = 10;

/**
 * A copy taken before the procedure rule existed gave its projects their colours without it; the
 * rule is on by default now (and added to saved choices by migration 0010), so such a copy is
 * told to keep the rules it was closed with — in memory, like its migration.
 */
function keepRulesOfOldCopy(frozen: Db, schemaVersion: number): void {
  if (schemaVersion >= PROCEDURE_RULE_SINCE) return;
  const saved = readSetting<Record<string, unknown>>(frozen, THRESHOLDS_SETTING) ?? {};
  writeSetting(frozen, THRESHOLDS_SETTING, { ...saved, rules: warningThresholds(frozen).rules.filter((r) => r !== 'procedure') });
}

/** Opened copies, per library connection and month, with the time they were taken. */
const opened = new WeakMap<Db, Map<string, { takenAt: string; db: Db }>>();

const keyOf = (year: number, month: number) => `${year}-${month}`;

/** Take the month's copy; called inside the transaction that closes it. */
export function freezeMonth(db: Db, year: number, month: number, at: string): void {
  const copy = openDatabaseFromBytes(db.serialize());
  let data: Buffer;
  try {
    trimToMonth(copy, year, month);
    // Level 1: most of the size for a fraction of the time; a month closes once.
    data = zlib.deflateRawSync(copy.serialize(), { level: 1 });
  } finally {
    copy.close();
  }
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  writeMonthSnapshot(db, year, month, { takenAt: at, schemaVersion, data });
  forget(db, year, month);
}

/** Drop the month's copy; called inside the transaction that reopens it. */
export function thawMonth(db: Db, year: number, month: number): void {
  deleteMonthSnapshot(db, year, month);
  forget(db, year, month);
}

function forget(db: Db, year: number, month: number): void {
  const cache = opened.get(db);
  const entry = cache?.get(keyOf(year, month));
  if (entry) {
    entry.db.close();
    cache!.delete(keyOf(year, month));
  }
}

/**
 * The database Y年M月's figures are read from: the frozen copy when the month is closed, else the
 * library. A month closed before this version had no copy: its copy is taken now (from then on
 * it holds), or, in a library opened read-only, its figures stay live.
 */
export function monthDb(ctx: ServiceContext, db: Db, year: number, month: number): Db {
  if (!isMonthClosed(db, year, month)) return db;
  const takenAt = monthSnapshotTakenAt(db, year, month);
  if (takenAt === null) {
    if (ctx.library?.readOnly) return db;
    db.transaction(() => freezeMonth(db, year, month, timestamp(ctx))).immediate();
    return monthDb(ctx, db, year, month);
  }
  let cache = opened.get(db);
  if (!cache) opened.set(db, (cache = new Map()));
  const hit = cache.get(keyOf(year, month));
  // Another connection (kpw) may have reopened and closed the month since: the time tells.
  if (hit && hit.takenAt === takenAt) return hit.db;
  if (hit) forget(db, year, month);
  const row = readMonthSnapshot(db, year, month)!;
  const frozen = openDatabaseFromBytes(zlib.inflateRawSync(row.data));
  // A copy taken by an older version is brought to this version's schema, in memory only.
  migrate(frozen);
  keepRulesOfOldCopy(frozen, row.schemaVersion);
  cache.set(keyOf(year, month), { takenAt, db: frozen });
  return frozen;
}

/**
 * A context whose library is Y年M月's frozen copy when the month is closed (read-only: nothing can
 * be written to a copy), else `ctx` itself. For the contract's month-bound reads.
 */
export function monthContext(ctx: ServiceContext, year: number, month: number): ServiceContext {
  const library = ctx.library;
  if (!library) return ctx;
  const db = monthDb(ctx, library.db, year, month);
  if (db === library.db) return ctx;
  return { ...ctx, library: { ...library, db, readOnly: true, readOnlyReason: `${year}年${month}月已关账，数据不能修改。如确需修改，请先“重新开账”并说明原因。` } };
}
