/**
 * 导入台账 in two steps, like a project list: the preview says what each row will do to the plan
 * (新增 / 更新 / 无变化 / 错误, and the items the sheet no longer has), with every problem as
 * 工作表!单元格 and the column mapping, which the user may change; the commit then writes it all in
 * one transaction, after a backup, or nothing while there is an error. The workbook's ledgers
 * replace the plan's ledgers of the same kind. The app (by token) and `kpw` use the same calls.
 */
import { cleanText } from '../../shared/fields';
import { describeIssue, type ImportIssue } from '../../shared/import';
import {
  LEDGER_FIELDS,
  LEDGER_STATUS,
  type LedgerField,
  type LedgerImportPreview,
  type LedgerItem,
  type LedgerKind,
  type LedgerRowPreview,
  type LedgerSheetChoice,
  type LedgerSheetPreview,
} from '../../shared/ledgers';
import { AppError } from '../../shared/result';
import { findPlan, insertPlan, ledgerItems, replaceLedgers } from '../db/ledgers';
import { backupBeforeImport } from './backups';
import { timestamp, type ServiceContext } from './context';
import { readLedgerWorkbook, type LedgerDraft, type LedgerSheetRead } from './import/ledger';
import { commitPending, previewPending, type PreviewSource } from './import/pending';
import { requireDb } from './library';
import { rememberedMapping, rememberMapping } from './import/remembered-mappings';
import type { Db } from '../db/connection';
import type { Workbook } from './spreadsheet/xlsx-reader';

type Choices = Record<string, LedgerSheetChoice>;

export interface LedgerImportArgs {
  plan: string;
  workbook: Workbook;
  fileName: string;
  sheets?: Choices;
}

function planName(plan: string): string {
  const name = cleanText(plan);
  if (!name) throw new AppError('VALIDATION', '请填写行动计划的名称');
  if (name.length > 200) throw new AppError('VALIDATION', '行动计划名称过长，最多200字');
  return name;
}

function readAll(db: Db, args: LedgerImportArgs) {
  let read = readLedgerWorkbook(args.workbook, args.sheets);
  // A layout seen before: each sheet the user has not mapped now is read with the mapping chosen then.
  const remembered: Choices = {};
  for (const s of read.sheets) {
    if (args.sheets?.[s.sheet]?.mapping) continue;
    const mapping = rememberedMapping<NonNullable<LedgerSheetChoice['mapping']>>(db, 'ledger', s.columns.map((c) => c.header));
    if (mapping) remembered[s.sheet] = { ...args.sheets?.[s.sheet], mapping };
  }
  if (Object.keys(remembered).length > 0) read = readLedgerWorkbook(args.workbook, { ...args.sheets, ...remembered });
  // A problem of the whole workbook is named by its file.
  const issues = read.issues.map((i) => ({ ...i, sheet: i.sheet || args.fileName }));
  return { sheets: read.sheets, issues };
}

/** What the items will do to the plan; nothing is written. `token` is the caller's (the app's). */
export function previewLedgerImport(ctx: ServiceContext, args: LedgerImportArgs, token = ''): LedgerImportPreview {
  const db = requireDb(ctx);
  const plan = planName(args.plan);
  const existing = findPlan(db, plan);
  const current = existing ? ledgerItems(db, existing.id) : [];
  const { sheets, issues } = readAll(db, args);
  return {
    token,
    fileName: args.fileName,
    plan,
    planExists: existing !== undefined,
    sheets: sheets.map((s) => sheetPreview(s, current.filter((i) => i.ledger === s.ledger))),
    issues,
  };
}

/** Field values as a user reads them in the preview's changes. */
function shown(field: LedgerField, value: LedgerItem[LedgerField] | undefined): string {
  if (value === null || value === undefined) return '';
  if (field === 'status') return LEDGER_STATUS[value as keyof typeof LEDGER_STATUS];
  if (field === 'onTrack') return value ? '是' : '否';
  return String(value);
}

const COMPARED = (Object.keys(LEDGER_FIELDS) as LedgerField[]).filter((f) => f !== 'content');

/** Each row matched to the plan's item with the same content (in order), and what changes. */
function sheetPreview(read: LedgerSheetRead, existing: LedgerItem[]): LedgerSheetPreview {
  const unmatched = [...existing];
  const counts = { new: 0, update: 0, unchanged: 0, error: 0, removed: 0 };
  const rows = read.rows.map(({ row, item, error }): LedgerRowPreview => {
    const base = { row, code: item.code, content: item.content, itemStatus: item.status };
    if (error) {
      counts.error++;
      return { ...base, status: 'error', changes: [] };
    }
    const at = unmatched.findIndex((e) => e.content === item.content);
    if (at < 0) {
      counts.new++;
      return { ...base, status: 'new', changes: [] };
    }
    const old = unmatched.splice(at, 1)[0]!;
    const changes = COMPARED.filter((f) => shown(f, old[f]) !== shown(f, item[f])).map((f) => ({ field: f, label: LEDGER_FIELDS[f], oldText: shown(f, old[f]), newText: shown(f, item[f]) }));
    counts[changes.length ? 'update' : 'unchanged']++;
    return { ...base, status: changes.length ? 'update' : 'unchanged', changes };
  });
  // Only a sheet with items replaces its ledger (see replaceLedgers): then the rest go.
  counts.removed = rows.length > 0 ? unmatched.length : 0;
  return { sheet: read.sheet, ledger: read.ledger, ledgerChosen: read.ledgerChosen, headerRow: read.headerRow, columns: read.columns, rows, counts };
}

export interface LedgerCommitResult {
  planId: number;
  counts: Partial<Record<LedgerKind, number>>;
  warnings: number;
}

/** Write the workbook's ledgers into the plan (created if new), or refuse, listing every error. */
export async function commitLedgerImport(ctx: ServiceContext, args: LedgerImportArgs): Promise<LedgerCommitResult> {
  const db = requireDb(ctx, 'write');
  const plan = planName(args.plan);
  const { sheets, issues } = readAll(db, args);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new AppError('VALIDATION', `台账有${errors.length}处错误，未导入：\n${errors.slice(0, 20).map(describeIssue).join('\n')}`);
  const items: LedgerDraft[] = sheets.flatMap((s) => s.rows.map((r) => r.item));
  const counts: LedgerCommitResult['counts'] = {};
  for (const s of sheets) if (s.ledger && s.headerRow) counts[s.ledger] = s.rows.length;
  // The state before an import can always be got back (备份与恢复).
  await backupBeforeImport(ctx, [args.fileName]);
  const at = timestamp(ctx);
  const planId = db
    .transaction(() => {
      const id = findPlan(db, plan)?.id ?? insertPlan(db, plan, at);
      replaceLedgers(db, id, items, at);
      // The mapping the user chose for a sheet is remembered for sheets with the same header.
      for (const s of sheets) {
        const mapping = args.sheets?.[s.sheet]?.mapping;
        if (mapping) rememberMapping(db, 'ledger', s.columns.map((c) => c.header), mapping);
      }
      return id;
    })
    .immediate();
  return { planId, counts, warnings: issues.length };
}

/** Preview and, when it has no error (and this is no dry run), commit: the shortcut tests use. */
export async function importLedgerWorkbook(
  ctx: ServiceContext,
  args: LedgerImportArgs & { dryRun?: boolean },
): Promise<{ planId: number | null; imported: boolean; counts: Partial<Record<LedgerKind, number>>; issues: ImportIssue[] }> {
  const preview = previewLedgerImport(ctx, args);
  const counts: Partial<Record<LedgerKind, number>> = {};
  for (const s of preview.sheets) if (s.ledger && s.headerRow) counts[s.ledger] = s.rows.length;
  if (args.dryRun || preview.issues.some((i) => i.severity === 'error')) return { planId: findPlan(requireDb(ctx), preview.plan)?.id ?? null, imported: false, counts, issues: preview.issues };
  const r = await commitLedgerImport(ctx, args);
  return { planId: r.planId, imported: true, counts: r.counts, issues: preview.issues };
}

/** The contract's preview: a file's bytes (read once, kept by token) or a token with other choices. */
export function previewLedgerFile(ctx: ServiceContext, args: { source: PreviewSource; plan: string; sheets?: Choices }): Promise<LedgerImportPreview> {
  return previewPending(ctx, args.source, (file, token) => previewLedgerImport(ctx, { ...file, plan: args.plan, ...(args.sheets ? { sheets: args.sheets } : {}) }, token));
}

/** The contract's commit of a previewed file; the file stays available when refused (fix and retry). */
export function commitLedgerFile(ctx: ServiceContext, args: { token: string; plan: string; sheets?: Choices }): Promise<LedgerCommitResult> {
  return commitPending(ctx, args.token, (file) => commitLedgerImport(ctx, { ...file, plan: args.plan, ...(args.sheets ? { sheets: args.sheets } : {}) }));
}
