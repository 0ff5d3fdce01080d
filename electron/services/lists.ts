/**
 * The editable lists (设置): districts, categories with their lead departments, and tags. Items are
 * referenced by id, so renaming one renames it on every project; an item still in use cannot be
 * removed.
 */
import type { Lists } from '../../shared/domain';
import { cleanText } from '../../shared/fields';
import { AppError } from '../../shared/result';
import {
  deleteListItem,
  insertListItem,
  listItemIdByName,
  listItemName,
  listItemUsage,
  readLists,
  renameListItem,
  setCategoryLeadDepartment,
  type ListKind,
} from '../db/lists';
import type { ServiceContext } from './context';
import { requireDb } from './library';

export const LIST_LABELS: Record<ListKind, string> = { districts: '区市', categories: '项目类别', tags: '标签' };

function checkedName(kind: ListKind, raw: string): string {
  const name = cleanText(raw).replace(/\s+/g, ' ');
  if (!name) throw new AppError('VALIDATION', `${LIST_LABELS[kind]}名称不能为空`);
  if (name.length > 32) throw new AppError('VALIDATION', `${LIST_LABELS[kind]}名称过长，最多32字`);
  if (kind === 'tags' && /[、,，;；\s]/.test(name)) throw new AppError('VALIDATION', '标签名称不能含有顿号、逗号、分号或空格');
  return name;
}

function requireItem(ctx: ServiceContext, kind: ListKind, id: number): string {
  const name = listItemName(requireDb(ctx), kind, id);
  if (name === undefined) throw new AppError('NOT_FOUND', `${LIST_LABELS[kind]}不存在，可能已被删除`);
  return name;
}

export function addListItem(ctx: ServiceContext, args: { kind: ListKind; name: string; leadDepartment?: string }): Lists {
  const db = requireDb(ctx, 'write');
  const name = checkedName(args.kind, args.name);
  db.transaction(() => {
    if (listItemIdByName(db, args.kind, name) !== undefined) throw new AppError('CONFLICT', `${LIST_LABELS[args.kind]}“${name}”已存在`);
    insertListItem(db, args.kind, name, cleanText(args.leadDepartment ?? ''));
  }).immediate();
  return readLists(db);
}

export function renameList(ctx: ServiceContext, args: { kind: ListKind; id: number; name: string }): Lists {
  const db = requireDb(ctx, 'write');
  const name = checkedName(args.kind, args.name);
  db.transaction(() => {
    requireItem(ctx, args.kind, args.id);
    const other = listItemIdByName(db, args.kind, name);
    if (other !== undefined && other !== args.id) throw new AppError('CONFLICT', `${LIST_LABELS[args.kind]}“${name}”已存在`);
    renameListItem(db, args.kind, args.id, name);
  }).immediate();
  return readLists(db);
}

export function setLeadDepartment(ctx: ServiceContext, args: { id: number; leadDepartment: string }): Lists {
  const db = requireDb(ctx, 'write');
  const lead = cleanText(args.leadDepartment);
  if (lead.length > 64) throw new AppError('VALIDATION', '牵头部门名称过长，最多64字');
  db.transaction(() => {
    requireItem(ctx, 'categories', args.id);
    setCategoryLeadDepartment(db, args.id, lead);
  }).immediate();
  return readLists(db);
}

export function removeListItem(ctx: ServiceContext, args: { kind: ListKind; id: number }): Lists {
  const db = requireDb(ctx, 'write');
  db.transaction(() => {
    const name = requireItem(ctx, args.kind, args.id);
    const used = listItemUsage(db, args.kind, args.id);
    if (used > 0) {
      throw new AppError('CONFLICT', `${LIST_LABELS[args.kind]}“${name}”仍被${used}个项目使用，不能删除。请先修改这些项目，或改为重命名。`);
    }
    deleteListItem(db, args.kind, args.id);
  }).immediate();
  return readLists(db);
}
