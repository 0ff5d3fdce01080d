/**
 * Files read for an import preview, kept by token until committed: every import (project lists,
 * dispatch sheets, 台账, 前期手续, 要素保障) reads a picked file once, previews it, and commits the
 * same workbook later — or previews it again by token with other choices. Only the newest few stay
 * in memory (a preview never committed is dropped after three more), across all imports.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Workbook } from '../spreadsheet/xlsx-reader';
import { readWorkbookWith } from './project-list';

export const MAX_PENDING = 3;

export interface PendingFile {
  fileName: string;
  workbook: Workbook;
}

/** What a preview is asked for: a picked file's bytes (base64), or the token of an earlier preview. */
export type PreviewSource = { fileName: string; data: string } | { token: string };

/** Read a picked file's bytes into a workbook (the base name kept: the path is the user's). */
export async function readPicked(ctx: ServiceContext, file: { fileName: string; data: string }): Promise<PendingFile> {
  const fileName = path.basename(file.fileName);
  return { fileName, workbook: await readWorkbookWith(ctx, Buffer.from(file.data, 'base64'), fileName) };
}

/** Keep files by token as the newest; the oldest beyond MAX_PENDING are dropped. */
export function keepPending(ctx: ServiceContext, token: string, files: PendingFile[]): void {
  ctx.pendingImports.delete(token);
  ctx.pendingImports.set(token, files);
  while (ctx.pendingImports.size > MAX_PENDING) ctx.pendingImports.delete(ctx.pendingImports.keys().next().value!);
}

/** The files kept by token, still kept; refused when dropped or never read. */
export function pendingFiles(ctx: ServiceContext, token: string): PendingFile[] {
  const found = ctx.pendingImports.get(token);
  if (!found) throw new AppError('NOT_FOUND', '导入的文件已失效，请重新选择文件');
  return found;
}

/** The one file of a single-file import kept by token. */
export const pendingFile = (ctx: ServiceContext, token: string): PendingFile => pendingFiles(ctx, token)[0]!;

/** The files kept by token, no longer kept (keep them again when the commit is refused). */
export function takePending(ctx: ServiceContext, token: string): PendingFile[] {
  const found = pendingFiles(ctx, token);
  ctx.pendingImports.delete(token);
  return found;
}

export const dropPending = (ctx: ServiceContext, token: string): void => void ctx.pendingImports.delete(token);

/**
 * A single-file preview: the file read from its bytes under a new token, or found by the token of
 * an earlier preview; `build` makes the preview (nothing written), and the file is then kept as
 * the newest. A preview that fails keeps nothing new.
 */
export async function previewPending<T>(ctx: ServiceContext, source: PreviewSource, build: (file: PendingFile, token: string) => T | Promise<T>): Promise<T> {
  const [token, file] = 'token' in source ? [source.token, pendingFile(ctx, source.token)] : [randomUUID(), await readPicked(ctx, source)];
  const preview = await build(file, token);
  keepPending(ctx, token, [file]);
  return preview;
}

/**
 * A single-file commit: `write` gets the previewed file; the file is dropped once written and kept
 * when refused (the user may fix the sheet's problem or the choices and try again).
 */
export async function commitPending<T>(ctx: ServiceContext, token: string, write: (file: PendingFile) => T | Promise<T>): Promise<T> {
  const result = await write(pendingFile(ctx, token));
  dropPending(ctx, token);
  return result;
}
