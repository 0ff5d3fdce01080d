/**
 * 设置 > 前期手续种类: add, rename, reorder and retire the kinds of procedure (defaults 立项/备案,
 * 用地预审, 用地批复, 规划许可, 环评批复, 能评, 施工许可). A kind projects have recorded dates or
 * numbers for is never deleted (that would lose them): deleting it is refused with the reason, and
 * it can be retired instead — hidden from the grid, the wall chart, the counts and the warnings, its
 * records kept — and brought back with them. A closed month keeps the kinds it was closed with
 * (its frozen copy, month-freeze.ts).
 */
import { cleanText } from '../../shared/fields';
import type { ProcedureKind, ProcedureRole } from '../../shared/lifecycle';
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import { deleteProcedureKind, insertProcedureKind, orderProcedureKinds, procedureKindInUse, procedureKinds, setProcedureKindRetired, updateProcedureKind } from '../db/lifecycle';
import type { ServiceContext } from './context';
import { requireDb } from './library';

export const listProcedureKinds = (ctx: ServiceContext): ProcedureKind[] => procedureKinds(requireDb(ctx));

function kindOf(db: Db, id: number): ProcedureKind {
  const kind = procedureKinds(db).find((k) => k.id === id);
  if (!kind) throw new AppError('NOT_FOUND', '该手续种类不存在，请刷新后重试');
  return kind;
}

function kindName(db: Db, name: string, exceptId?: number): string {
  const n = cleanText(name);
  if (!n) throw new AppError('VALIDATION', '请填写手续名称');
  if (n.length > 50) throw new AppError('VALIDATION', '手续名称过长，最多50字');
  const same = procedureKinds(db).find((k) => k.name === n && k.id !== exceptId);
  if (same) throw new AppError('CONFLICT', same.retired ? `已有名为“${n}”的手续（已停用，可恢复使用）` : `已有名为“${n}”的手续`);
  return n;
}

/** Write in one transaction, then the kinds as they are. */
function change(ctx: ServiceContext, write: (db: Db) => void): ProcedureKind[] {
  const db = requireDb(ctx, 'write');
  db.transaction(() => write(db)).immediate();
  return procedureKinds(db);
}

export function addProcedureKind(ctx: ServiceContext, args: { name: string; role?: ProcedureRole | null }): ProcedureKind[] {
  const name = kindName(requireDb(ctx, 'write'), args.name);
  return change(ctx, (db) => insertProcedureKind(db, name, args.role ?? null));
}

/** Rename a kind or change what it counts as; the records stay with it. */
export function updateProcedureKindOf(ctx: ServiceContext, args: { id: number; name: string; role?: ProcedureRole | null }): ProcedureKind[] {
  const db = requireDb(ctx, 'write');
  const kind = kindOf(db, args.id);
  const name = kindName(db, args.name, args.id);
  return change(ctx, () => updateProcedureKind(db, args.id, name, args.role === undefined ? kind.role : args.role));
}

/** Put the kinds in this order (every kind's id once, retired ones included). */
export function orderKinds(ctx: ServiceContext, args: { ids: number[] }): ProcedureKind[] {
  const db = requireDb(ctx, 'write');
  const ids = procedureKinds(db).map((k) => k.id);
  const given = new Set(args.ids);
  if (given.size !== args.ids.length || ids.length !== args.ids.length || ids.some((id) => !given.has(id))) {
    throw new AppError('CONFLICT', '手续种类已被修改，请刷新后重新排序');
  }
  return change(ctx, () => orderProcedureKinds(db, args.ids));
}

/** Retire a kind (hidden, records kept) or bring it back. */
export function retireKind(ctx: ServiceContext, args: { id: number; retired: boolean }): ProcedureKind[] {
  const db = requireDb(ctx, 'write');
  kindOf(db, args.id);
  if (args.retired && procedureKinds(db).filter((k) => !k.retired && k.id !== args.id).length === 0) {
    throw new AppError('VALIDATION', '至少保留一种在用的手续');
  }
  return change(ctx, () => setProcedureKindRetired(db, args.id, args.retired));
}

/** Delete a kind no project has recorded; refused, with the reason and what to do instead, while any has. */
export function removeProcedureKind(ctx: ServiceContext, args: { id: number }): ProcedureKind[] {
  const db = requireDb(ctx, 'write');
  const kind = kindOf(db, args.id);
  const used = procedureKindInUse(db, args.id);
  if (used > 0) {
    throw new AppError('CONFLICT', `有${used}个项目记录了这项手续，不能删除“${kind.name}”（删除会丢失这些记录）；如不再使用，请点“停用”：停用后不再显示和统计，记录保留，可随时恢复`);
  }
  return change(ctx, () => deleteProcedureKind(db, args.id));
}
