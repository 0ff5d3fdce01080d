/**
 * Which library file is open: open, create, the recent list, and the library opened at start-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LibraryInfo } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { createLibraryFile, openLibraryFile, type Db, type OpenedLibrary } from '../db/connection';
import { readLists, seedDefaultLists } from '../db/lists';
import { timestamp, type ServiceContext } from './context';
import { fillDemoLibrary } from './demo';
import { networkShareOf } from './network-share';

const RECENT_FILE = 'recent-libraries.json';
const RECENT_MAX = 10;
export const DEFAULT_LIBRARY_NAME = '重点项目库.kpw';

/** Whether each open library is on a network share, asked of the system once per opening (and source). */
const shares = new WeakMap<OpenedLibrary, { mounts: ServiceContext['mounts']; share: LibraryInfo['networkShare'] }>();

function networkShare(ctx: ServiceContext, lib: OpenedLibrary): LibraryInfo['networkShare'] {
  let known = shares.get(lib);
  if (known?.mounts !== ctx.mounts) shares.set(lib, (known = { mounts: ctx.mounts, share: networkShareOf(lib.path, ctx.mounts, ctx.userDataDir) }));
  return known.share;
}

export function libraryInfo(ctx: ServiceContext): LibraryInfo | null {
  const lib = ctx.library;
  if (!lib) return null;
  return {
    path: lib.path,
    readOnly: lib.readOnly,
    readOnlyReason: lib.readOnlyReason,
    schemaVersion: lib.schemaVersion,
    years: readLists(lib.db).years,
    networkShare: networkShare(ctx, lib),
  };
}

/** The open library's connection; refuses when none is open, or when writing to a read-only one. */
export function requireDb(ctx: ServiceContext, purpose: 'read' | 'write' = 'read'): Db {
  const lib = ctx.library;
  if (!lib) throw new AppError('NO_LIBRARY', '尚未打开项目库，请通过“文件 > 打开项目库…”或“新建项目库…”打开一个。');
  if (purpose === 'write' && lib.readOnly) {
    throw new AppError('READ_ONLY', lib.readOnlyReason ?? '项目库为只读，不能修改。');
  }
  return lib.db;
}

export function closeLibrary(ctx: ServiceContext): void {
  if (ctx.library) {
    ctx.library.db.close();
    ctx.library = null;
  }
  // A preview was analysed against the library it was made on (its projects, matches, plans):
  // committing it to another one would write the wrong rows, so it ends with its library.
  ctx.pendingImports.clear();
}

export async function openLibrary(ctx: ServiceContext, file: string): Promise<LibraryInfo> {
  const opened = await openLibraryFile(file, { now: ctx.now });
  closeLibrary(ctx);
  ctx.library = opened;
  rememberRecent(ctx, opened.path);
  return libraryInfo(ctx)!;
}

export function createLibrary(ctx: ServiceContext, file: string, fill?: (db: Db) => void): LibraryInfo {
  const created = createLibraryFile(file, (db) => {
    seedDefaultLists(db);
    fill?.(db);
  });
  closeLibrary(ctx);
  ctx.library = created;
  rememberRecent(ctx, created.path);
  return libraryInfo(ctx)!;
}

/** Open `file`, creating a new library there only if nothing exists at that path. */
export async function openOrCreateLibrary(ctx: ServiceContext, file: string): Promise<LibraryInfo> {
  return fs.existsSync(file) ? openLibrary(ctx, file) : createLibrary(ctx, file);
}

/**
 * The library to open when the app starts: the most recent one; on the very first start, a new
 * library in the user's data folder. A recent library that has gone missing is reported, never
 * replaced by an empty one.
 */
export async function openStartupLibrary(ctx: ServiceContext): Promise<LibraryInfo> {
  const recent = readRecent(ctx);
  if (recent.length > 0) return openLibrary(ctx, recent[0]!);
  if (!ctx.userDataDir) throw new AppError('NO_LIBRARY', '尚未打开项目库。');
  // The folder may not exist yet (a first start with a user-data folder of its own).
  fs.mkdirSync(ctx.userDataDir, { recursive: true });
  const fallback = path.join(ctx.userDataDir, DEFAULT_LIBRARY_NAME);
  return openOrCreateLibrary(ctx, fallback);
}

export function readRecent(ctx: ServiceContext): string[] {
  if (!ctx.userDataDir) return [];
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(ctx.userDataDir, RECENT_FILE), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

function rememberRecent(ctx: ServiceContext, file: string): void {
  if (!ctx.userDataDir) return;
  const list = [file, ...readRecent(ctx).filter((p) => p !== file)].slice(0, RECENT_MAX);
  try {
    fs.mkdirSync(ctx.userDataDir, { recursive: true });
    const target = path.join(ctx.userDataDir, RECENT_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs.renameSync(temp, target);
  } catch {
    // The recent list is a convenience; failing to save it must not fail opening a library.
  }
}

export const DEMO_LIBRARY_NAME = '示例项目库.kpw';

/** A new library at `file` filled with the demo city (kpw demo). */
export function createDemoLibrary(ctx: ServiceContext, file: string): LibraryInfo {
  return createLibrary(ctx, file, (db) => fillDemoLibrary(db, timestamp(ctx)));
}

/**
 * 打开示例项目库: the demo city (seed 000's figures) in the user's data folder, made on first use
 * and kept afterwards (it is the user's to try things in); in the browser harness, in the
 * system's temporary folder.
 */
export async function openDemoLibrary(ctx: ServiceContext): Promise<LibraryInfo> {
  const folder = ctx.userDataDir ?? os.tmpdir();
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, DEMO_LIBRARY_NAME);
  if (fs.existsSync(file)) return openLibrary(ctx, file);
  return createDemoLibrary(ctx, file);
}
