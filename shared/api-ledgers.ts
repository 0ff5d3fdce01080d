/**
 * The contract's methods of 台账: action plans and their five ledgers (工作任务, 重点任务, 重点指标,
 * 试点示范, 创新性工作) — items and counts by status and department, an item's field changed, a
 * workbook imported (preview, then all or nothing) and exported (it imports back equal). Spread
 * into `api` (shared/api.ts); the quarterly report is a draft (api-drafts.ts).
 */
import * as z from 'zod';
import { LEDGER_FIELDS, LEDGER_KIND_KEYS, type ActionPlan, type LedgerField, type LedgerImportPreview, type LedgerItem, type LedgerKind, type LedgerSummary } from './ledgers';
import { id, method, none, token, type SavedFile } from './api-schemas';

const ledgerKind = z.enum(LEDGER_KIND_KEYS as [LedgerKind, ...LedgerKind[]]);
const ledgerPlan = z.string().min(1, '请填写行动计划的名称').max(200, '行动计划名称过长，最多200字');
const ledgerField = z.enum(Object.keys(LEDGER_FIELDS) as [LedgerField, ...LedgerField[]]);
/** Per sheet (by name): the ledger it is (null: not imported) and its column mapping (column index → field). */
const ledgerSheetChoices = z.record(
  z.string().max(64),
  z.object({ ledger: ledgerKind.nullable().optional(), mapping: z.record(z.string().regex(/^\d{1,3}$/), ledgerField.nullable()).optional() }).strict(),
);

export const ledgersApi = {
  /** 台账: the action plans. */
  'ledgers.plans': method(none).returns<ActionPlan[]>(),
  /** A plan's items (one ledger, or all), in order. */
  'ledgers.items': method(z.object({ planId: id, ledger: ledgerKind.optional() }).strict()).returns<LedgerItem[]>(),
  /** For each ledger of a plan: counts by status and by department (indicators: on track or not). */
  'ledgers.summaries': method(z.object({ planId: id }).strict()).returns<LedgerSummary[]>(),
  /** Change one field of an item. */
  'ledgers.update': method(z.object({ id, field: ledgerField, value: z.string().max(2000, '内容过长，最多2000字').nullable() }).strict()).returns<LedgerItem>(),
  /**
   * Read a ledger workbook (the bytes of a file the user picked, base64) or re-analyse one already
   * read (by token, with another plan, ledger per sheet or column mapping) for a plan (created if
   * new). Nothing is written: returns each sheet's rows with what they will do and every problem.
   */
  'ledgers.import.preview': method(
    z
      .object({
        source: z.union([z.object({ fileName: z.string().min(1).max(255), data: z.string().max(200_000_000, '文件过大') }).strict(), z.object({ token }).strict()]),
        plan: ledgerPlan,
        sheets: ledgerSheetChoices.optional(),
      })
      .strict(),
  ).returns<LedgerImportPreview>(),
  /**
   * Write a previewed ledger workbook in one transaction: its ledgers replace the plan's of the same
   * kind. Refused, with every error listed, while it has an error; nothing is written then.
   */
  'ledgers.import.commit': method(z.object({ token, plan: ledgerPlan, sheets: ledgerSheetChoices.optional() }).strict()).returns<{
    planId: number;
    counts: Partial<Record<LedgerKind, number>>;
    warnings: number;
  }>(),
  /** Export a plan's ledgers (one sheet each): the save dialog in Electron, bytes in the browser. */
  'ledgers.export': method(z.object({ planId: id }).strict()).returns<SavedFile & { items: number }>(),
} as const;
