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
import { backupFolder, backupStamp, backupTo, checkFile, dropBackupLabel, freeBackupPath, readBackupLabel, releaseSoleUse, takeSoleUse } from '../db/backup';
import { importLabelBetween } from '../db/changes';
import type { Db } from '../db/connection';
import { timestamp, type ServiceContext } from './context';
import { deliverFile, type Delivered } from './export/deliver';
import { safeFileName } from './export/safe-file';
import { closeLibrary, openLibrary, requireDb } from './library';
import { backupLabelOf, importBackupLabel, legacyMigrationBackup, parseBackupName } from './backup-labels';

export { backupFolder };

const KEEP_AUTOMATIC = 20;
const DAY_MS = 86_400_000;
/** Why a backup was made; the automatic ones rotate. */
const AUTOMATIC = ['导入前', '定时'];

function openPath(ctx: ServiceContext): string {
  if (!ctx.library) throw new AppError('NO_LIBRARY', '尚未打开项目库');
  return ctx.library.path;
}

/** The backups of the open library, newest first, each labelled with what it preceded. */
export function listBackups(ctx: ServiceContext): BackupInfo[] {
  return backupsOf(openPath(ctx), ctx.library?.db);
}

/**
 * The backups of a library file, open or not (one that cannot be opened can still be recovered):
 * those in its backup folder and the migration backups older versions left beside it
 * ("项目库.kpw.v5-…bak"). A backup without a stored label is labelled from its name and, when the
 * library is open, from its change log (the import that followed it).
 */
export function backupsOf(libraryPath: string, db?: Db): BackupInfo[] {
  const library = path.resolve(libraryPath);
  const folder = backupFolder(library);
  const history = db ? (from: string, to: string) => importLabelBetween(db, from, to) : undefined;
  // Names stamp the second: two backups of one second (a manual one, then an import's) are told
  // apart by when their files were written, the newer first.
  const written = new Map<string, number>();
  const inFolder = fs.existsSync(folder)
    ? fs.readdirSync(folder).flatMap((name) => {
        const parsed = parseBackupName(name);
        if (!parsed) return [];
        const file = path.join(folder, name);
        const label = backupLabelOf(parsed, readBackupLabel(file), history);
        const stat = fs.statSync(file);
        written.set(file, stat.mtimeMs);
        return [{ name, path: file, folder, at: parsed.at, reason: parsed.kind, label, size: stat.size, automatic: AUTOMATIC.includes(parsed.kind) }];
      })
    : [];
  const beside = fs.readdirSync(path.dirname(library)).flatMap((name) => {
    const legacy = legacyMigrationBackup(path.basename(library), name);
    if (!legacy) return [];
    const file = path.join(path.dirname(library), name);
    return [{ name, path: file, folder: path.dirname(library), at: legacy.at, reason: '迁移前', label: legacy.label, size: fs.statSync(file).size, automatic: false }];
  });
  return [...inFolder, ...beside].sort((a, b) => b.at.localeCompare(a.at) || (written.get(b.path) ?? 0) - (written.get(a.path) ?? 0) || b.name.localeCompare(a.name));
}

/** Where the open library's backups are kept, in full (设置 shows it; it may not exist yet). */
export function backupsFolder(ctx: ServiceContext): { path: string; exists: boolean; canOpen: boolean } {
  const folder = backupFolder(openPath(ctx));
  return { path: folder, exists: fs.existsSync(folder), canOpen: ctx.showFolder !== null };
}

/** 打开文件夹: the backup folder in the system's file manager (the desktop app; the browser cannot). */
export async function openBackupsFolder(ctx: ServiceContext): Promise<{ path: string }> {
  const folder = backupFolder(openPath(ctx));
  if (!ctx.showFolder) throw new AppError('UNSUPPORTED', `浏览器模式不能打开文件夹。备份文件夹是“${folder}”，可复制路径后在文件管理器中打开。`);
  fs.mkdirSync(folder, { recursive: true });
  const problem = await ctx.showFolder(folder);
  if (problem) throw new AppError('UNSUPPORTED', `无法打开备份文件夹“${folder}”：${problem}`);
  return { path: folder };
}

/**
 * Make a verified backup now. `kind` says why (its name begins with it and automatic ones rotate);
 * `label` says what it precedes and is stored inside the backup; `detail` goes into the file name.
 */
export async function makeBackup(ctx: ServiceContext, kind: string, label: string, detail = ''): Promise<BackupInfo> {
  const db = requireDb(ctx);
  const folder = backupFolder(openPath(ctx));
  const target = freeBackupPath(folder, ctx.now(), kind, detail.replace(/[\\/:*?"<>|\s.]+/g, '').slice(0, 24));
  try {
    await backupTo(db, target, label);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new AppError('DISK_FULL', `磁盘空间不足，无法备份到“${folder}”。请清理磁盘后重试。`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('READ_ONLY', `没有写入“${folder}”的权限，无法备份。`);
    throw err;
  }
  rotate(ctx);
  return listBackups(ctx).find((b) => b.path === target)!;
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
  return makeBackup(ctx, '定时', '每日自动备份');
}

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

/**
 * Before an import: a backup, so that the state before it can always be got back, labelled with
 * the files imported ("导入 荣成市8月调度 之前").
 */
export async function backupBeforeImport(ctx: ServiceContext, fileNames: readonly string[]): Promise<void> {
  if (ctx.library && !ctx.library.readOnly) await makeBackup(ctx, '导入前', importBackupLabel(fileNames), fileNames[0] ? path.parse(fileNames[0]).name : '');
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
    await makeBackup(ctx, '恢复前', `恢复 ${backup.at} 的备份之前`);
  } catch (err) {
    releaseSoleUse(db);
    throw err;
  }
  closeLibrary(ctx);
  placeCopy(backup.path, target, () => {
    // The old WAL belongs to the old file: it must not be replayed over the restored one.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  });
  return openLibrary(ctx, target);
}

/**
 * Copy a backup to the library's place through a temporary file: its label dropped (it is the
 * library again), synced, renamed over `target` after `beforeRename`.
 */
function placeCopy(backupPath: string, target: string, beforeRename: () => void = () => {}): void {
  const temp = `${target}.${process.pid}.restore.tmp`;
  fs.copyFileSync(backupPath, temp);
  try {
    dropBackupLabel(temp);
    for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  beforeRename();
  fs.renameSync(temp, target);
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
  const stamp = backupStamp(ctx.now());
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${target}${suffix}`)) fs.renameSync(`${target}${suffix}`, `${target}.损坏-${stamp}${suffix}`);
  }
  placeCopy(backup.path, target);
  return openLibrary(ctx, target);
}
