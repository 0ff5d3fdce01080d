/**
 * Backups with the SQLite backup API (a file copy of a WAL database can miss what is still in the
 * WAL), written under a temporary name, fsynced, checked with integrity_check, then renamed into
 * place: a backup that exists is a backup that opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './open-database';
import { checkPragma, errorCode, errorMessage, numberPragma } from './sqlite';

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

/** Back up an open library to `target`, verified; throws (and leaves nothing at `target`) if it cannot. */
export async function backupTo(db: Db, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await db.backup(temp);
    // The copy carries the library's WAL flag; as a rollback-journal file it is one file whoever
    // opens it (a read-only look at a WAL file leaves -wal and -shm files beside it).
    const copy = openDatabase(temp);
    try {
      copy.pragma('journal_mode = DELETE');
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
