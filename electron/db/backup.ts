/**
 * Backups with the SQLite backup API (a file copy of a WAL database can miss what is still in the
 * WAL), written under a temporary name, fsynced, checked with integrity_check, then renamed into
 * place: a backup that exists is a backup that opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './open-database';
import { checkPragma, errorCode, errorMessage, numberPragma } from './sqlite';
import { stmt, valueQuery } from './statements';

/**
 * What a backup preceded ("导入 荣成市8月调度 之前", "迁移到第10版之前"), kept inside the backup
 * itself, in its settings: a backup is one file, and wherever it is copied its label goes with it.
 * A library put back from a backup has the key removed (dropBackupLabel).
 */
const LABEL_KEY = 'backup.label';

/** The folder of a library's backups: "项目库.kpw.备份" beside it. */
export function backupFolder(libraryPath: string): string {
  return `${libraryPath}.备份`;
}

/** "YYYYMMDD-HHMMSS" on the user's clock, as backups and kept damaged files are named. */
export function backupStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/**
 * A free name in the backup folder: "YYYYMMDD-HHMMSS-<kind>[-<detail>].kpw" on the user's clock
 * (the kind says why: 导入前, 定时, 手动, 恢复前, 迁移前; the detail, e.g. the imported file, makes
 * the file findable in a file manager), "-2" after the time when the second is taken.
 */
export function freeBackupPath(folder: string, at: Date, kind: string, detail = ''): string {
  const tail = `${kind}${detail ? `-${detail}` : ''}.kpw`;
  let name = `${backupStamp(at)}-${tail}`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `${backupStamp(at)}-${n}-${tail}`;
  return path.join(folder, name);
}

const SETTINGS_TABLE = valueQuery<[], number>("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'");
const LABEL = valueQuery<[key: string], string>('SELECT value FROM settings WHERE key = ?');

function hasSettings(db: Db): boolean {
  return SETTINGS_TABLE(db).get() !== undefined;
}

/** The label stored in a backup, or null (a backup made before labels, or one that cannot be read). */
export function readBackupLabel(file: string): string | null {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const value = hasSettings(db) ? LABEL(db).get(LABEL_KEY) : undefined;
    const label: unknown = value !== undefined ? JSON.parse(value) : null;
    return typeof label === 'string' && label ? label : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function setLabel(db: Db, label: string | null): void {
  if (!hasSettings(db)) return;
  // Stored as the settings table stores every value (db/settings.ts): JSON.
  if (label) stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(LABEL_KEY, JSON.stringify(label));
  else stmt(db, 'DELETE FROM settings WHERE key = ?').run(LABEL_KEY);
}

/** A backup about to become the library again: it is no backup any more, so its label goes. */
export function dropBackupLabel(file: string): void {
  const db = openDatabase(file, { fileMustExist: true });
  try {
    setLabel(db, null);
  } finally {
    db.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** integrity_check of a library file, opened read-only: "ok" or what is wrong. */
export function checkFile(file: string): { ok: boolean; message: string } {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const message = checkPragma(db, 'integrity_check');
    return { ok: message === 'ok', message };
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  } finally {
    db?.close();
  }
}

/**
 * Back up an open library to `target`, verified, with its label (what it preceded) or none; throws
 * (and leaves nothing at `target`) if it cannot.
 */
export async function backupTo(db: Db, target: string, label: string | null = null): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await db.backup(temp);
    // The copy carries the library's WAL flag; as a rollback-journal file it is one file whoever
    // opens it (a read-only look at a WAL file leaves -wal and -shm files beside it).
    const copy = openDatabase(temp);
    try {
      copy.pragma('journal_mode = DELETE');
      // Only this backup's own label: a library restored from a backup no longer carries one, and
      // a copy must never pass on another's.
      setLabel(copy, label);
    } finally {
      copy.close();
    }
    fsyncFile(temp);
    const check = checkFile(temp);
    if (!check.ok) throw new Error(`备份校验未通过：${check.message}`);
    fs.renameSync(temp, target);
    try {
      const dir = fs.openSync(path.dirname(target), 'r');
      fs.fsyncSync(dir);
      fs.closeSync(dir);
    } catch {
      // Some file systems cannot fsync a folder; the file itself is synced.
    }
  } finally {
    // Whatever SQLite made beside the temporary copy while writing or checking it goes too:
    // nothing but the backup is left.
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  }
}

/**
 * True when this connection is the only one open on its library, and then it keeps it so: leaving
 * WAL mode needs every other connection (another window, `kpw`, another program) closed, so the
 * switch is the test. Used before a restore replaces the file, which would pull it from under
 * another program. False (and nothing changed) when another connection holds it.
 */
export function takeSoleUse(db: Db): boolean {
  const timeout = numberPragma(db, 'busy_timeout');
  db.pragma('busy_timeout = 0');
  try {
    return String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() === 'delete';
  } catch (err) {
    if (errorCode(err).startsWith('SQLITE_BUSY') || errorCode(err).startsWith('SQLITE_LOCKED')) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Back to WAL after `takeSoleUse`, when the restore it guarded did not go ahead. */
export function releaseSoleUse(db: Db): void {
  db.pragma('journal_mode = WAL');
}
