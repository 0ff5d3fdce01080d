/** SQL for action-plan ledgers (台账): plans and their items. */
import type { ActionPlan, LedgerItem, LedgerKind } from '../../shared/ledgers';
import type { Db } from './connection';
import { query, stmt } from './statements';

const PLANS = query<[], ActionPlan>('SELECT id, name FROM action_plans ORDER BY id');
const PLAN_BY_NAME = query<[name: string], ActionPlan>('SELECT id, name FROM action_plans WHERE name = ?');

export function listPlans(db: Db): ActionPlan[] {
  return PLANS(db).all();
}

export function findPlan(db: Db, name: string): ActionPlan | undefined {
  return PLAN_BY_NAME(db).get(name);
}

export function insertPlan(db: Db, name: string, at: string): number {
  return Number(stmt(db, 'INSERT INTO action_plans (name, created_at) VALUES (?, ?)').run(name, at).lastInsertRowid);
}

const ITEM_SELECT = `SELECT id, plan_id AS planId, ledger, seq, code, content, leader, department, office, staff, q1, q2, q3, q4, progress, status,
  unit, baseline, target, actual, on_track AS onTrack FROM ledger_items`;

type ItemRow = Omit<LedgerItem, 'onTrack'> & { onTrack: number | null };
const item = (r: ItemRow): LedgerItem => ({ ...r, onTrack: r.onTrack === null ? null : r.onTrack === 1 });
const ITEMS_OF_LEDGER = query<[planId: number, ledger: LedgerKind], ItemRow>(`${ITEM_SELECT} WHERE plan_id = ? AND ledger = ? ORDER BY seq, id`);
const ITEMS_OF_PLAN = query<[planId: number], ItemRow>(`${ITEM_SELECT} WHERE plan_id = ? ORDER BY ledger, seq, id`);
const ITEM = query<[id: number], ItemRow>(`${ITEM_SELECT} WHERE id = ?`);

/** A plan's items, by ledger and order (one ledger, or all five). */
export function ledgerItems(db: Db, planId: number, ledger?: LedgerKind): LedgerItem[] {
  const rows = ledger ? ITEMS_OF_LEDGER(db).all(planId, ledger) : ITEMS_OF_PLAN(db).all(planId);
  return rows.map(item);
}

export function readLedgerItem(db: Db, id: number): LedgerItem | undefined {
  const r = ITEM(db).get(id);
  return r && item(r);
}

/** Replace the items of the given ledgers of a plan (an import: the workbook is the ledger). */
export function replaceLedgers(db: Db, planId: number, items: Omit<LedgerItem, 'id' | 'planId'>[], at: string): void {
  for (const ledger of new Set(items.map((i) => i.ledger))) stmt(db, 'DELETE FROM ledger_items WHERE plan_id = ? AND ledger = ?').run(planId, ledger);
  const insert = stmt(
    db,
    `INSERT INTO ledger_items (plan_id, ledger, seq, code, content, leader, department, office, staff, q1, q2, q3, q4, progress, status, unit, baseline, target, actual, on_track, updated_at)
     VALUES (@planId, @ledger, @seq, @code, @content, @leader, @department, @office, @staff, @q1, @q2, @q3, @q4, @progress, @status, @unit, @baseline, @target, @actual, @onTrack, @at)`,
  );
  for (const i of items) insert.run({ ...i, planId, onTrack: i.onTrack === null ? null : i.onTrack ? 1 : 0, at });
}

const COLUMNS: Record<string, string> = {
  code: 'code', content: 'content', leader: 'leader', department: 'department', office: 'office', staff: 'staff', q1: 'q1', q2: 'q2', q3: 'q3', q4: 'q4',
  progress: 'progress', status: 'status', unit: 'unit', baseline: 'baseline', target: 'target', actual: 'actual', onTrack: 'on_track',
};

/** Write one field of an item (the value already checked by the service). */
export function writeLedgerField(db: Db, id: number, field: keyof typeof COLUMNS, value: string | number | null, at: string): void {
  const column = COLUMNS[field];
  if (!column) throw new Error(`unknown ledger field ${field}`);
  stmt(db, `UPDATE ledger_items SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, id);
}
