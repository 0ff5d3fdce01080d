/**
 * 在本机副本上工作: the open library copied to a local folder (the one the network-share warning
 * names) with SQLite's backup API — a consistent copy even while another program writes — checked,
 * and opened in its place. The share's file is left as it was; the user copies the result back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryInfo } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { backupTo } from '../db/backup';
import type { ServiceContext } from './context';
import { libraryInfo, openLibrary, requireDb } from './library';
import { localCopyFolder } from './network-share';

/** A name in `folder` not yet taken: 项目库.kpw, else 项目库-2.kpw, 项目库-3.kpw … */
function freeName(folder: string, base: string): string {
  const ext = path.extname(base);
  const stem = path.basename(base, ext);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? base : `${stem}-${n}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export async function openLocalCopy(ctx: ServiceContext): Promise<LibraryInfo & { copiedFrom: string }> {
  const info = libraryInfo(ctx);
  if (!info) throw new AppError('NO_LIBRARY', '尚未打开项目库。');
  const folder = localCopyFolder(ctx.userDataDir);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('INTERNAL', `无法创建本机文件夹“${folder}”，未复制。`);
  }
  const target = freeName(folder, path.basename(info.path));
  await backupTo(requireDb(ctx), target);
  return { ...(await openLibrary(ctx, target)), copiedFrom: info.path };
}
