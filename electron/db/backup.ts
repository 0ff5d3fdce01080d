/**
 * Backups with the SQLite backup API (a file copy of a WAL database can miss what is still in the
 * WAL), written under a temporary name, fsynced, checked with integrity_check, then renamed into
 * place: a backup that exists is a backup that opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './open-database';

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
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const message = rows.map((r) => r.integrity_check).join('；');
    return { ok: message === 'ok', message };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
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
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
}
