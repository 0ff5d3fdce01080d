/**
 * The import and export calls of the contract: a file's bytes come from the renderer (a file the
 * user picked), are read once, kept by token for the commit that follows, and the column mapping a
 * user chose is remembered for files with the same header.
 */
import type { ImportResult, ImportTarget, ProjectImportPreview, RequiredMoneyTarget } from '../../../shared/import';
import type { MoneyUnit } from '../../../shared/money';
import { backupBeforeImport } from '../backups';
import { rememberedMapping, rememberMapping } from './remembered-mappings';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { exportProjectsToFile } from '../export/project-list';
import { deliverFile } from '../export/deliver';
import { safeFileName } from '../export/safe-file';
import { commitProjectImport, previewProjectImport, type ProjectImportOptions } from './project-list';
import { randomUUID } from 'node:crypto';
import { commitProgressImport, previewProgressImport, type ImportSource, type ProgressImportOptions } from './progress';
import { keepPending, pendingFiles, readPicked, takePending } from './pending';
import type { DispatchChoices, ProgressImportPreview } from '../../../shared/progress-import';

type Mapping = Record<string, ImportTarget | null>;

/** A list's header signature: its column names in order (remembered-mappings.ts). */
const headersOf = (preview: { columns: readonly { header: string }[] }) => preview.columns.map((c) => c.header);

function toOptions(year: number, sheet: string | undefined, mapping: Mapping | undefined): ProjectImportOptions {
  return {
    year,
    ...(sheet !== undefined ? { sheet } : {}),
    ...(mapping ? { mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [Number(k), v])) } : {}),
  };
}

export async function previewImport(
  ctx: ServiceContext,
  args: { source: { fileName: string; data: string } | { token: string }; year: number; sheet?: string; mapping?: Mapping },
): Promise<ProjectImportPreview> {
  // A project list's preview has a token of its own (a new one each time), so the file moves to it.
  const entry: ImportSource = 'token' in args.source ? takePending(ctx, args.source.token)[0]! : await readPicked(ctx, args.source);
  let preview = previewProjectImport(ctx, entry.workbook, entry.fileName, toOptions(args.year, args.sheet, args.mapping));
  if (!args.mapping) {
    // A layout seen before: use the mapping the user chose for it then.
    const remembered = rememberedMapping<Mapping>(requireDb(ctx), 'projects', headersOf(preview));
    if (remembered) preview = previewProjectImport(ctx, entry.workbook, entry.fileName, toOptions(args.year, preview.sheet, remembered));
  }
  keepPending(ctx, preview.token, [entry]);
  return preview;
}

export async function commitImport(
  ctx: ServiceContext,
  args: { token: string; year: number; sheet?: string; mapping?: Mapping; validOnly: boolean; allowMissing?: RequiredMoneyTarget[] },
): Promise<ImportResult> {
  // The state before an import can always be got back (备份与恢复), whatever the import does.
  await backupBeforeImport(ctx, pendingFiles(ctx, args.token).map((f) => f.fileName));
  const entry = takePending(ctx, args.token)[0]!;
  const options = toOptions(args.year, args.sheet, args.mapping);
  let result: ImportResult;
  try {
    result = commitProjectImport(ctx, entry.workbook, entry.fileName, { ...options, validOnly: args.validOnly, ...(args.allowMissing ? { allowMissing: args.allowMissing } : {}) });
  } catch (err) {
    keepPending(ctx, args.token, [entry]); // refused: the user may fix the mapping and try again
    throw err;
  }
  if (args.mapping) {
    const preview = previewProjectImport(ctx, entry.workbook, entry.fileName, options);
    rememberMapping(requireDb(ctx, 'write'), 'projects', headersOf(preview), args.mapping);
  }
  return result;
}

/**
 * Read one or several dispatch sheets (e.g. the districts' returned templates) for month M of year
 * Y, or the files of an earlier preview again with other choices (a column mapped, a month confirmed).
 */
export async function previewProgress(
  ctx: ServiceContext,
  args: { files?: { fileName: string; data: string }[]; token?: string; year: number; month: number; sheet?: string } & Omit<DispatchChoices, 'allowNoCompleted'>,
): Promise<{ token: string; previews: ProgressImportPreview[] }> {
  let sources: ImportSource[];
  if (args.token !== undefined) sources = takePending(ctx, args.token);
  else {
    sources = [];
    for (const f of args.files ?? []) sources.push(await readPicked(ctx, f));
  }
  const token = randomUUID();
  keepPending(ctx, token, sources);
  let previews = previewProgressImport(ctx, sources, progressOptions(args));
  if (!args.mapping && previews.length > 0) {
    // A layout seen before: the mapping the user chose for it then (one for all the files, by header text).
    const remembered = rememberedMapping<NonNullable<DispatchChoices['mapping']>>(requireDb(ctx), 'progress', headersOf(previews[0]!));
    if (remembered) previews = previewProgressImport(ctx, sources, progressOptions({ ...args, mapping: remembered }));
  }
  return { token, previews };
}

function progressOptions(args: { year: number; month: number; sheet?: string } & DispatchChoices): ProgressImportOptions {
  return {
    year: args.year,
    month: args.month,
    ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    ...(args.mapping ? { mapping: args.mapping } : {}),
    ...(args.confirmMonth ? { confirmMonth: true } : {}),
    ...(args.allowNoCompleted ? { allowNoCompleted: true } : {}),
  };
}

export async function commitProgress(ctx: ServiceContext, args: { token: string; year: number; month: number; sheet?: string } & DispatchChoices): Promise<ImportResult> {
  await backupBeforeImport(ctx, pendingFiles(ctx, args.token).map((f) => f.fileName));
  const sources = takePending(ctx, args.token);
  let result: ImportResult;
  try {
    result = commitProgressImport(ctx, sources, progressOptions(args));
  } catch (err) {
    keepPending(ctx, args.token, sources); // refused: the user may confirm, or map a column, and try again
    throw err;
  }
  if (args.mapping) {
    const db = requireDb(ctx, 'write');
    for (const preview of previewProgressImport(ctx, sources, progressOptions(args))) rememberMapping(db, 'progress', headersOf(preview), args.mapping);
  }
  return result;
}

/**
 * Export a year's list. In Electron the main process asks where to save and writes the file there;
 * the browser harness has no such dialog, so the file comes back as bytes for the browser to save.
 */
export async function exportProjects(
  ctx: ServiceContext,
  args: { year: number; unit: MoneyUnit; projectIds?: number[] },
): Promise<{ fileName: string; savedTo: string | null; data: string | null; rows: number }> {
  requireDb(ctx);
  const fileName = safeFileName(`${args.year}年重点项目清单.xlsx`);
  return deliverFile(ctx, fileName, async (target) => ({ rows: (await exportProjectsToFile(ctx, args, target)).rows }));
}
