/**
 * Handing a file the main process makes to the user, one way for every export (project lists,
 * district templates, ledgers): in Electron the user chooses where it goes through the save
 * dialog and it is written there; the browser harness has no such dialog, so the file is made in
 * a temporary folder and comes back as bytes for the browser to download.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { ServiceContext } from '../context';

export interface Delivered {
  fileName: string;
  savedTo: string | null;
  data: string | null;
}

export async function deliverFile<T extends object>(ctx: ServiceContext, fileName: string, write: (target: string) => Promise<T>): Promise<Delivered & T> {
  if (ctx.dialogs) {
    const target = await ctx.dialogs.chooseExportPath(fileName);
    if (!target) throw new AppError('CANCELLED', '已取消');
    const extra = await write(target);
    return { ...extra, fileName: path.basename(target), savedTo: target, data: null };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-export-'));
  try {
    const target = path.join(dir, fileName);
    const extra = await write(target);
    return { ...extra, fileName, savedTo: null, data: fs.readFileSync(target).toString('base64') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
