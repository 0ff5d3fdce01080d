/**
 * Opening a library file. Every open sets the pragmas that keep committed data safe (WAL,
 * synchronous=FULL — better-sqlite3 leaves NORMAL on a reopened WAL file — foreign keys and a busy
 * timeout), runs quick_check, and brings the schema up to date after a backup. Nothing here ever
 * deletes, truncates or replaces a file it was asked to open.
 */
import { BUSY_TIMEOUT_MS } from './busy-timeout';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { backupFolder, backupTo, freeBackupPath } from './backup';
import { openDatabase, openDatabaseFromBytes, type Db } from './open-database';
import { checkPragma, errorCode, errorMessage, numberPragma } from './sqlite';
import { valueQuery } from './statements';

export type { Db };

export interface OpenedLibrary {
  db: Db;
  path: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  schemaVersion: number;
  /** The backup made before migrating, if one was made. */
  backupPath: string | null;
}

export { BUSY_TIMEOUT_MS };

function setPragmas(db: Db, readOnly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 64 MB of page cache: a 20,000-row import or list stays in memory instead of spilling.
  db.pragma('cache_size = -65536');
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
}

function quickCheck(db: Db, file: string): void {
  const result = checkPragma(db, 'quick_check');
  if (result !== 'ok') {
    throw new AppError('CORRUPT', `项目库文件“${file}”已损坏（${result.slice(0, 200)}）。文件保持原样，未作任何修改。`);
  }
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK); // WAL needs its -wal and -shm files beside it
    return true;
  } catch {
    return false;
  }
}

/** The file as it is now, in memory: for reading a library this process may not write to. */
function readOnlyCopy(file: string): Db {
  return openDatabaseFromBytes(fs.readFileSync(file));
}

/**
 * A library opened read-only. Reading a WAL file needs its -shm file, which SQLite cannot make in
 * a folder the user may not write (a read-only share): then the file is read into memory as it is
 * (what another program writes afterwards is not seen until it is opened again).
 */
function openReadOnly(file: string): Db {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('user_version', { simple: true });
    return db;
  } catch (err) {
    db.close();
    const code = errorCode(err);
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') return readOnlyCopy(file);
    throw err;
  }
}

/** Translate SQLite's failure to open or read a file into a Chinese message. */
function openError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = errorCode(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('CORRUPT', `“${file}”不是有效的项目库文件，或文件已损坏。文件保持原样，未作任何修改。`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('BUSY', `项目库“${file}”正被其他程序使用，请稍后重试。`);
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('NOT_FOUND', `无法打开项目库文件“${file}”。`);
  return new AppError('INTERNAL', `打开项目库“${file}”失败：${errorMessage(err)}`);
}


/** Apply the pending migrations in one transaction; on any failure the library stays at its version. */
export function migrate(db: Db, migrations = MIGRATIONS): number {
  const from = numberPragma(db, 'user_version');
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return pending[pending.length - 1]!.version;
}

const TABLE_COUNT = valueQuery<[], number>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'");
function hasTables(db: Db): boolean {
  return TABLE_COUNT(db).one() > 0;
}

/**
 * Open an existing library. A missing or zero-length file is refused (never silently replaced by a
 * new empty database); a damaged file is refused with the file left as it was; a library written by
 * a newer version opens read-only; an older one is backed up with the SQLite backup API and migrated.
 */
export async function openLibraryFile(file: string, options: { now?: () => Date; migrations?: typeof MIGRATIONS } = {}): Promise<OpenedLibrary> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : LATEST_VERSION;
  const absolute = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new AppError('NOT_FOUND', `找不到项目库文件“${absolute}”。`);
  }
  if (!stat.isFile()) throw new AppError('NOT_FOUND', `“${absolute}”不是文件。`);
  if (stat.size === 0) {
    throw new AppError('CORRUPT', `项目库文件“${absolute}”是空文件（0字节），可能已被其他程序清空。为避免覆盖，未作任何修改；请从备份恢复。`);
  }

  let readOnly = !isWritable(absolute);
  let readOnlyReason: string | null = readOnly ? '项目库文件或其所在文件夹没有写入权限，只能查看。' : null;
  let db: Db | undefined;
  try {
    db = readOnly ? openReadOnly(absolute) : openDatabase(absolute, { fileMustExist: true });
    setPragmas(db, readOnly);
    quickCheck(db, absolute);
    let version = numberPragma(db, 'user_version');
    if (readOnly && version < latest && version > 0) {
      // Nothing can be written to the file, so it cannot be upgraded: this version reads an
      // in-memory copy brought to its schema (only the copy changes), so every screen works.
      db.close();
      db = readOnlyCopy(absolute);
      migrate(db, migrations);
      readOnlyReason = `${readOnlyReason ?? ''}（项目库为旧版本格式，已在内存中按新格式打开，文件本身未作修改。）`;
      version = numberPragma(db, 'user_version');
    }
    if (version === 0 && hasTables(db)) {
      throw new AppError('CORRUPT', `“${absolute}”不是重点项目工作台的项目库。文件保持原样，未作任何修改。`);
    }
    if (version > latest) {
      if (!readOnly) {
        db.close();
        db = openReadOnly(absolute);
        setPragmas(db, true);
      }
      readOnly = true;
      readOnlyReason = `此项目库由较新版本的重点项目工作台创建（结构版本${version}，本程序支持到${latest}），只能查看，不能修改。请升级程序。`;
      return { db, path: absolute, readOnly, readOnlyReason, schemaVersion: version, backupPath: null };
    }
    let backupPath: string | null = null;
    if (version < latest && !readOnly) {
      if (version > 0) {
        // With the other backups (备份与恢复 lists it), labelled with what it preceded.
        backupPath = freeBackupPath(backupFolder(absolute), now(), '迁移前', `第${latest}版`);
        await backupTo(db, backupPath, `迁移到第${latest}版之前`);
      }
      try {
        migrate(db, migrations);
      } catch (err) {
        throw new AppError(
          'INTERNAL',
          `项目库升级失败，已保持原版本（${version}）${backupPath ? `，升级前的备份在“${backupPath}”` : ''}：${errorMessage(err)}`,
        );
      }
    }
    const schemaVersion = numberPragma(db, 'user_version');
    return { db, path: absolute, readOnly, readOnlyReason, schemaVersion, backupPath };
  } catch (err) {
    db?.close();
    throw openError(err, absolute);
  }
}

/**
 * Create a new library file and bring it to the latest schema. Refuses a path that exists, so a
 * library can never be overwritten by "新建".
 */
export function createLibraryFile(file: string, seed: (db: Db) => void): OpenedLibrary {
  const absolute = path.resolve(file);
  if (fs.existsSync(absolute)) {
    throw new AppError('CONFLICT', `文件“${absolute}”已存在。为避免覆盖，请另选文件名。`);
  }
  if (!fs.existsSync(path.dirname(absolute))) {
    throw new AppError('NOT_FOUND', `文件夹“${path.dirname(absolute)}”不存在。`);
  }
  let db: Db | undefined;
  try {
    db = openDatabase(absolute);
    setPragmas(db, false);
    const opened = db;
    opened.transaction(() => {
      for (const m of MIGRATIONS) {
        opened.exec(m.up);
        opened.pragma(`user_version = ${m.version}`);
      }
      seed(opened);
    }).immediate();
    return { db, path: absolute, readOnly: false, readOnlyReason: null, schemaVersion: LATEST_VERSION, backupPath: null };
  } catch (err) {
    db?.close();
    // The file is ours, just made: remove the half-made library so that "新建" can be retried.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(absolute + suffix, { force: true });
    throw openError(err, absolute);
  }
}
