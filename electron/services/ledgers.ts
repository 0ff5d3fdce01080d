/**
 * 台账: action plans and their five ledgers — export of ledger workbooks (import: ledger-import.ts),
 * editing an item, and the summaries by status and department that the quarterly report is made of.
 */
import { cleanText } from '../../shared/fields';
import {
  LEDGER_FIELDS,
  LEDGER_KIND_KEYS,
  LEDGER_STATUS,
  type ActionPlan,
  type LedgerField,
  type LedgerItem,
  type LedgerKind,
  type LedgerStatus,
  type LedgerSummary,
  type StatusCounts,
} from '../../shared/ledgers';
import { AppError } from '../../shared/result';
import { ledgerItems, listPlans, readLedgerItem, writeLedgerField } from '../db/ledgers';
import { timestamp, type ServiceContext } from './context';
import { deliverFile } from './export/deliver';
import { safeFileName } from './export/safe-file';
import { writeLedgerWorkbook } from './export/ledger';
import { requireDb } from './library';

export function plans(ctx: ServiceContext): ActionPlan[] {
  return listPlans(requireDb(ctx));
}

export function items(ctx: ServiceContext, args: { planId: number; ledger?: LedgerKind }): LedgerItem[] {
  return ledgerItems(requireDb(ctx), args.planId, args.ledger);
}

/** Counts of items by status (none: no status given). */
export function countStatus(list: readonly LedgerItem[]): StatusCounts {
  const c: StatusCounts = { items: list.length, done: 0, onTrack: 0, lagging: 0, none: 0 };
  for (const i of list) c[i.status ?? 'none']++;
  return c;
}

/** For each ledger of a plan: counts by status, by department, and (indicators) on track or not. */
export function summaries(ctx: ServiceContext, args: { planId: number }): LedgerSummary[] {
  const all = ledgerItems(requireDb(ctx), args.planId);
  return LEDGER_KIND_KEYS.map((ledger) => {
    const mine = all.filter((i) => i.ledger === ledger);
    const departments = [...new Set(mine.map((i) => i.department ?? '（未填责任部门）'))];
    return {
      ledger,
      counts: countStatus(mine),
      byDepartment: departments.map((d) => ({ key: d, ...countStatus(mine.filter((i) => (i.department ?? '（未填责任部门）') === d)) })),
      ...(ledger === 'indicators'
        ? { indicators: { onTrack: mine.filter((i) => i.onTrack === true).length, offTrack: mine.filter((i) => i.onTrack === false).length, unknown: mine.filter((i) => i.onTrack === null).length } }
        : {}),
    };
  });
}

/** Write a plan's ledgers to an .xlsx. */
export async function exportLedgersToFile(ctx: ServiceContext, args: { planId: number }, target: string): Promise<number> {
  const db = requireDb(ctx);
  const plan = listPlans(db).find((p) => p.id === args.planId);
  if (!plan) throw new AppError('NOT_FOUND', '行动计划不存在');
  const list = ledgerItems(db, plan.id);
  await writeLedgerWorkbook(plan.name, list, target);
  return list.length;
}

/** Export through the save dialog (Electron) or as bytes (browser). */
export async function exportLedgers(ctx: ServiceContext, args: { planId: number }): Promise<{ fileName: string; savedTo: string | null; data: string | null; items: number }> {
  const plan = plans(ctx).find((p) => p.id === args.planId);
  if (!plan) throw new AppError('NOT_FOUND', '行动计划不存在');
  const fileName = safeFileName(`${plan.name}台账.xlsx`);
  return deliverFile(ctx, fileName, async (target) => ({ items: await exportLedgersToFile(ctx, args, target) }));
}

/** Change one field of an item, checked; returns the item. */
export function updateLedgerItem(ctx: ServiceContext, args: { id: number; field: LedgerField; value: string | null }): LedgerItem {
  const db = requireDb(ctx, 'write');
  if (!readLedgerItem(db, args.id)) throw new AppError('NOT_FOUND', '台账条目不存在（可能已被重新导入）');
  const text = cleanText(args.value ?? '');
  const label = LEDGER_FIELDS[args.field];
  let value: string | number | null = text || null;
  if (args.field === 'content' && !text) throw new AppError('VALIDATION', '内容不能为空');
  if (text.length > 2000) throw new AppError('VALIDATION', `${label}过长，最多2000字`);
  if (args.field === 'status' && text) {
    const status = (Object.entries(LEDGER_STATUS) as [LedgerStatus, string][]).find(([k, v]) => text === k || text === v)?.[0];
    if (!status) throw new AppError('VALIDATION', `推进状态“${text}”无效，应为已完成、序时推进或滞后`);
    value = status;
  }
  if (args.field === 'onTrack' && text) {
    if (!/^(是|否)$/.test(text)) throw new AppError('VALIDATION', `${label}应为是或否`);
    value = text === '是' ? 1 : 0;
  }
  writeLedgerField(db, args.id, args.field, value, timestamp(ctx));
  return readLedgerItem(db, args.id)!;
}

