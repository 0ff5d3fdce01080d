/**
 * The contract's methods of 备份与恢复: the verified backups in the folder beside a library (made
 * before every import, daily while in use, and on request), a copy saved where the user chooses,
 * verifying and restoring one (the current state backed up first), and recovering a library that
 * cannot be opened from its backups (the damaged file kept under a new name). Spread into `api`
 * (shared/api.ts).
 */
import * as z from 'zod';
import type { BackupInfo, LibraryInfo } from './domain';
import { method, none, path, type SavedFile } from './api-schemas';

const backupName = z.string().max(300);

export const backupsApi = {
  /** The backups of a library file that cannot be opened (for the recovery choices). */
  'library.backups': method(z.object({ path }).strict()).returns<BackupInfo[]>(),
  /** Recover a library from one of its backups; the file there now is kept under a new name, never deleted. */
  'library.recover': method(z.object({ path, name: backupName }).strict()).returns<LibraryInfo>(),
  /** 备份与恢复: the open library's backups, newest first. */
  'backups.list': method(none).returns<BackupInfo[]>(),
  /** Where the open library's backups are kept, in full, and whether this shell can show the folder. */
  'backups.folder': method(none).returns<{ path: string; exists: boolean; canOpen: boolean }>(),
  /** Show the backup folder in the system's file manager (the desktop app; refused in the browser, which names the path). */
  'backups.openFolder': method(none).returns<{ path: string }>(),
  /** Make a verified backup now (kept until deleted by hand). */
  'backups.create': method(none).returns<BackupInfo>(),
  /** 备份到…: a verified copy of the library where the user chooses (the save dialog; bytes in the browser). */
  'backups.saveAs': method(none).returns<SavedFile>(),
  /** Check a backup with integrity_check. */
  'backups.verify': method(z.object({ name: backupName }).strict()).returns<{ ok: boolean; message: string }>(),
  /** Put a backup in place of the library (the current state is backed up first, so it can be undone). */
  'backups.restore': method(z.object({ name: backupName }).strict()).returns<LibraryInfo>(),
} as const;
