/**
 * 备份与恢复: verified backups of the open library in a folder beside it ("项目库.kpw.备份"), made
 * before every import, once a day while the library is in use, and on request; the automatic ones
 * rotated (the newest 20 kept), the ones made on request kept. Restoring keeps the current file in
 * the same folder first, so a restore can itself be undone; nothing is ever deleted but old
 * automatic backups.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, LibraryInfo } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { backupTo, checkFile, releaseSoleUse, takeSoleUse } from '../db/backup';
import { timestamp, type ServiceContext } from './context';
import { deliverFile, type Delivered } from './export/deliver';
import { safeFileName } from './export/safe-file';
import { closeLibrary, openLibrary, requireDb } from './library';

const KEEP_AUTOMATIC = 20;
const DAY_MS = 86_400_000;
/** Why a backup was made; the automatic ones rotate. */
const AUTOMATIC = ['导入前', '定时'];

export function backupFolder(libraryPath: string): string {
  return `${libraryPath}.备份`;
}

function stampOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function parseName(name: string): { at: string; reason: string } | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-(.+)\.kpw$/.exec(name);
  return m ? { at: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`, reason: m[7]! } : null;
}

function openPath(ctx: ServiceContext): string {
  if (!ctx.library) throw new AppError('NO_LIBRARY', '尚未打开项目库');
  return ctx.library.path;
}

/** The backups of the open library, newest first. */
export function listBackups(ctx: ServiceContext): BackupInfo[] {
  return backupsOf(openPath(ctx));
}

/** The backups of a library file, open or not (one that cannot be opened can still be recovered). */
export function backupsOf(libraryPath: string): BackupInfo[] {
  const folder = backupFolder(path.resolve(libraryPath));
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const parsed = parseName(name);
      if (!parsed) return [];
      const size = fs.statSync(path.join(folder, name)).size;
      return [{ name, path: path.join(folder, name), at: parsed.at, reason: parsed.reason, size, automatic: AUTOMATIC.includes(parsed.reason) }];
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Make a verified backup now. */
export async function makeBackup(ctx: ServiceContext, reason: string): Promise<BackupInfo> {
  const db = requireDb(ctx);
  const folder = backupFolder(openPath(ctx));
  const cleanReason = reason.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 20) || '手动';
  let name = `${stampOf(ctx.now())}-${cleanReason}.kpw`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `${stampOf(ctx.now())}-${n}-${cleanReason}.kpw`;
  try {
    await backupTo(db, path.join(folder, name));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new AppError('DISK_FULL', `磁盘空间不足，无法备份到“${folder}”。请清理磁盘后重试。`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('READ_ONLY', `没有写入“${folder}”的权限，无法备份。`);
    throw err;
  }
  rotate(ctx);
  return listBackups(ctx).find((b) => b.name === name)!;
}

/** Keep the newest automatic backups; those made on request stay. */
function rotate(ctx: ServiceContext): void {
  const automatic = listBackups(ctx).filter((b) => b.automatic);
  for (const old of automatic.slice(KEEP_AUTOMATIC)) fs.rmSync(old.path, { force: true });
}

/** The daily backup, when the newest backup is a day old (or there is none). */
export async function backupIfDue(ctx: ServiceContext): Promise<BackupInfo | null> {
  if (!ctx.library || ctx.library.readOnly) return null;
  const newest = listBackups(ctx)[0];
  if (newest && ctx.now().getTime() - new Date(newest.at.replace(' ', 'T')).getTime() < DAY_MS) return null;
  return makeBackup(ctx, '定时');
}

/** A verified backup of the open library at a path the user chose (kpw backup). */
/**
 * 备份到…: a verified copy where the user chooses (a USB stick, a shared folder), suggested as
 * "<library>-备份-YYYYMMDD-HHMM.kpw"; the browser harness hands the copy back as bytes.
 */
export async function saveBackupAs(ctx: ServiceContext): Promise<Delivered> {
  const db = requireDb(ctx);
  const stamp = timestamp(ctx).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const name = safeFileName(`${path.basename(ctx.library!.path, path.extname(ctx.library!.path))}-备份-${stamp}.kpw`);
  return deliverFile(ctx, name, async (target) => {
    await backupTo(db, target);
    return {};
  });
}

/** Before an import: a backup, so that the state before it can always be got back. */
export async function backupBeforeImport(ctx: ServiceContext): Promise<void> {
  if (ctx.library && !ctx.library.readOnly) await makeBackup(ctx, '导入前');
}

function backupNamed(ctx: ServiceContext, name: string): BackupInfo {
  const found = listBackups(ctx).find((b) => b.name === name);
  if (!found) throw new AppError('NOT_FOUND', `找不到备份“${name}”`);
  return found;
}

export function verifyBackup(ctx: ServiceContext, name: string): { ok: boolean; message: string } {
  const check = checkFile(backupNamed(ctx, name).path);
  return { ok: check.ok, message: check.ok ? '备份完好' : `备份已损坏：${check.message}` };
}

/**
 * Put a backup in place of the library: the backup is checked first, the current library is
 * backed up (reason 恢复前) so the restore can be undone, then the backup is copied over it
 * through a temporary file and the library is opened again.
 */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<LibraryInfo> {
  const backup = backupNamed(ctx, name);
  const check = checkFile(backup.path);
  if (!check.ok) throw new AppError('CORRUPT', `备份“${name}”已损坏，未恢复：${check.message}`);
  const db = requireDb(ctx, 'write');
  const target = openPath(ctx);
  // Replacing the file under another program (another window, kpw) would leave it writing to a
  // file that is gone, or its WAL replayed over the restored one.
  if (!takeSoleUse(db)) {
    throw new AppError('BUSY', `项目库“${target}”正被其他程序使用（例如另一个重点项目工作台窗口或 kpw 命令），未恢复。请先关闭它们再恢复。`);
  }
  try {
    await makeBackup(ctx, '恢复前');
  } catch (err) {
    releaseSoleUse(db);
    throw err;
  }
  closeLibrary(ctx);
  const temp = `${target}.${process.pid}.restore.tmp`;
  fs.copyFileSync(backup.path, temp);
  const fd = fs.openSync(temp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // The old WAL belongs to the old file: it must not be replayed over the restored one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temp, target);
  return openLibrary(ctx, target);
}

/**
 * Recover a library that cannot be opened (damaged, emptied, deleted) from one of its backups: the
 * backup is checked, the file there now is kept beside it under a new name (never deleted or
 * overwritten), the backup is copied into place and opened.
 */
export async function recoverLibrary(ctx: ServiceContext, args: { path: string; name: string }): Promise<LibraryInfo> {
  const target = path.resolve(args.path);
  const backup = backupsOf(target).find((b) => b.name === args.name);
  if (!backup) throw new AppError('NOT_FOUND', `找不到备份“${args.name}”`);
  const check = checkFile(backup.path);
  if (!check.ok) throw new AppError('CORRUPT', `备份“${args.name}”已损坏，未恢复：${check.message}`);
  if (ctx.library?.path === target) closeLibrary(ctx);
  const stamp = stampOf(ctx.now());
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${target}${suffix}`)) fs.renameSync(`${target}${suffix}`, `${target}.损坏-${stamp}${suffix}`);
  }
  const temp = `${target}.${process.pid}.restore.tmp`;
  fs.copyFileSync(backup.path, temp);
  const fd = fs.openSync(temp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, target);
  return openLibrary(ctx, target);
}
