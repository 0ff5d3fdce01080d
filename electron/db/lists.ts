/** SQL for the editable lists: categories with their lead departments, districts, tags, contact leaders. */
import { DEFAULT_CATEGORIES, DEFAULT_TAGS, type Lists } from '../../shared/domain';
import type { Db } from './connection';
import { query, queryFamily, stmt, valueQuery, type Query } from './statements';

/** The tables of named items: each with id and name; those of the editable lists also with sort_order. */
type OrderedTable = 'districts' | 'categories' | 'tags';
export type ListTable = OrderedTable | 'contact_leaders';
const itemName = queryFamily((table: ListTable) => valueQuery<[id: number], string>(`SELECT name FROM ${table} WHERE id = ?`));
const itemIdByName = queryFamily((table: ListTable) => valueQuery<[name: string], number>(`SELECT id FROM ${table} WHERE name = ?`));
const nextItemOrder = queryFamily((table: OrderedTable) => valueQuery<[], number>(`SELECT coalesce(max(sort_order), 0) + 1 AS n FROM ${table}`));

/** The defaults of GLOSSARY.md that a new library starts with. */
export function seedDefaultLists(db: Db): void {
  const category = db.prepare('INSERT INTO categories (name, lead_department, sort_order) VALUES (?, ?, ?)');
  DEFAULT_CATEGORIES.forEach((c, i) => category.run(c.name, c.leadDepartment, i + 1));
  const tag = db.prepare('INSERT INTO tags (name, sort_order) VALUES (?, ?)');
  DEFAULT_TAGS.forEach((t, i) => tag.run(t, i + 1));
}

const CATEGORIES = query<[], Lists['categories'][number]>('SELECT id, name, lead_department AS leadDepartment FROM categories ORDER BY sort_order, id');
const DISTRICTS = query<[], Lists['districts'][number]>('SELECT id, name FROM districts ORDER BY sort_order, id');
const TAGS = query<[], Lists['tags'][number]>('SELECT id, name FROM tags ORDER BY sort_order, id');
const CONTACT_LEADERS = query<[], Lists['contactLeaders'][number]>('SELECT id, name, title FROM contact_leaders ORDER BY name');
// The years with a list, by jumping from one to the next in the (year, …) index: DISTINCT
// would read every plan (80,000 at provincial scale) each time the lists are read.
const YEARS = valueQuery<[], number>(
  `WITH RECURSIVE y(year) AS (SELECT min(year) FROM year_plans UNION ALL SELECT (SELECT min(year) FROM year_plans WHERE year > y.year) FROM y WHERE y.year IS NOT NULL)
   SELECT year FROM y WHERE year IS NOT NULL`,
);

export function readLists(db: Db): Lists {
  return {
    categories: CATEGORIES(db).all(),
    districts: DISTRICTS(db).all(),
    tags: TAGS(db).all(),
    contactLeaders: CONTACT_LEADERS(db).all(),
    years: YEARS(db).all(),
  };
}

const CATEGORY_BY_NAME = query<[name: string], { id: number; leadDepartment: string }>('SELECT id, lead_department AS leadDepartment FROM categories WHERE name = ?');
const CATEGORY_BY_ID = query<[id: number], { name: string; leadDepartment: string }>('SELECT name, lead_department AS leadDepartment FROM categories WHERE id = ?');

export function findCategory(db: Db, name: string): { id: number; leadDepartment: string } | undefined {
  return CATEGORY_BY_NAME(db).get(name);
}

export function categoryById(db: Db, id: number): { name: string; leadDepartment: string } | undefined {
  return CATEGORY_BY_ID(db).get(id);
}

export function findDistrictId(db: Db, name: string): number | undefined {
  return itemIdByName('districts')(db).get(name);
}

export function districtName(db: Db, id: number): string | undefined {
  return itemName('districts')(db).get(id);
}

export function addDistrict(db: Db, name: string): number {
  const order = nextItemOrder('districts')(db).one();
  return Number(stmt(db, 'INSERT INTO districts (name, sort_order) VALUES (?, ?)').run(name, order).lastInsertRowid);
}

/** The id of a contact leader by name, adding the leader if the name is new. */
export function ensureContactLeader(db: Db, name: string): number {
  const found = itemIdByName('contact_leaders')(db).get(name);
  if (found !== undefined) return found;
  return Number(stmt(db, 'INSERT INTO contact_leaders (name) VALUES (?)').run(name).lastInsertRowid);
}

export function contactLeaderName(db: Db, id: number): string | undefined {
  return itemName('contact_leaders')(db).get(id);
}

/** Tag ids for names, adding tags that are new (tags are a free set of labels). */
export function ensureTags(db: Db, names: readonly string[]): number[] {
  return names.map((name) => {
    const found = itemIdByName('tags')(db).get(name);
    if (found !== undefined) return found;
    const order = nextItemOrder('tags')(db).one();
    return Number(stmt(db, 'INSERT INTO tags (name, sort_order) VALUES (?, ?)').run(name, order).lastInsertRowid);
  });
}

export function tagNames(db: Db, ids: readonly number[]): string[] {
  const name = itemName('tags')(db);
  return ids.map((id) => name.get(id) ?? `#${id}`);
}

/** The editable lists by their contract name, and the table each lives in. */
export type ListKind = 'districts' | 'categories' | 'tags';
const LIST_TABLES: Record<ListKind, OrderedTable> = { districts: 'districts', categories: 'categories', tags: 'tags' };

export function listItemName(db: Db, kind: ListKind, id: number): string | undefined {
  return itemName(LIST_TABLES[kind])(db).get(id);
}

export function listItemIdByName(db: Db, kind: ListKind, name: string): number | undefined {
  return itemIdByName(LIST_TABLES[kind])(db).get(name);
}

export function insertListItem(db: Db, kind: ListKind, name: string, leadDepartment = ''): number {
  const table = LIST_TABLES[kind];
  const order = nextItemOrder(table)(db).one();
  if (kind === 'categories') {
    return Number(stmt(db, 'INSERT INTO categories (name, lead_department, sort_order) VALUES (?, ?, ?)').run(name, leadDepartment, order).lastInsertRowid);
  }
  return Number(stmt(db, `INSERT INTO ${table} (name, sort_order) VALUES (?, ?)`).run(name, order).lastInsertRowid);
}

export function renameListItem(db: Db, kind: ListKind, id: number, name: string): void {
  stmt(db, `UPDATE ${LIST_TABLES[kind]} SET name = ? WHERE id = ?`).run(name, id);
}

export function setCategoryLeadDepartment(db: Db, id: number, leadDepartment: string): void {
  stmt(db, 'UPDATE categories SET lead_department = ? WHERE id = ?').run(leadDepartment, id);
}

/** How many projects (or year-plan rows, for categories) use an item: it cannot be removed while used. */
const USAGE: Record<ListKind, Query<[id: number], number>> = {
  districts: valueQuery('SELECT count(*) AS n FROM projects WHERE district_id = ?'),
  categories: valueQuery('SELECT count(*) AS n FROM year_plans WHERE category_id = ?'),
  tags: valueQuery('SELECT count(*) AS n FROM project_tags WHERE tag_id = ?'),
};
export function listItemUsage(db: Db, kind: ListKind, id: number): number {
  return USAGE[kind](db).one(id);
}

export function deleteListItem(db: Db, kind: ListKind, id: number): void {
  stmt(db, `DELETE FROM ${LIST_TABLES[kind]} WHERE id = ?`).run(id);
}

/**
 * The list tables an action can add entries to without asking (an import's new 区市, its 包联领导
 * and 标签), and what uses an entry of each: the entry may go again on undo only when nothing does.
 */
const ENTRY_TABLES = {
  districts: 'SELECT count(*) AS n FROM projects WHERE district_id = ?',
  categories: 'SELECT count(*) AS n FROM year_plans WHERE category_id = ?',
  tags: 'SELECT count(*) AS n FROM project_tags WHERE tag_id = ?',
  contact_leaders: 'SELECT count(*) AS n FROM projects WHERE contact_leader_id = ?',
} as const;
const entryUses = queryFamily((table: ListTable) => valueQuery<[id: number], number>(ENTRY_TABLES[table]));
const entryIds = queryFamily((table: ListTable) => valueQuery<[], number>(`SELECT id FROM ${table}`));
const entryRows = queryFamily((table: ListTable) => query<[], ListEntrySnapshot['row']>(`SELECT * FROM ${table} ORDER BY id`));

/** A list entry as stored (every column), so undo can remove it and redo put it back with its id. */
export interface ListEntrySnapshot {
  table: ListTable;
  row: { id: number; name: string } & Record<string, unknown>;
}

/** The ids of every list entry now, to tell afterwards which entries an action added. */
export function listEntryIds(db: Db): Record<ListTable, Set<number>> {
  const ids = (table: ListTable) => new Set(entryIds(table)(db).all());
  return { districts: ids('districts'), categories: ids('categories'), tags: ids('tags'), contact_leaders: ids('contact_leaders') };
}

/** The entries added since `before` was taken (listEntryIds). */
export function listEntriesAddedSince(db: Db, before: Record<ListTable, Set<number>>): ListEntrySnapshot[] {
  return (Object.keys(ENTRY_TABLES) as ListTable[]).flatMap((table) =>
    entryRows(table)(db).all().filter((row) => !before[table].has(row.id)).map((row) => ({ table, row })),
  );
}

/** Remove an entry an action added, when it is still the same entry and nothing uses it; true when removed. */
export function removeListEntryIfUnused(db: Db, entry: ListEntrySnapshot): boolean {
  const { table, row } = entry;
  if (itemName(table)(db).get(row.id) !== row.name) return false;
  if (entryUses(table)(db).one(row.id) > 0) return false;
  stmt(db, `DELETE FROM ${table} WHERE id = ?`).run(row.id);
  return true;
}

/**
 * Put back an entry removed by undo (redo), with its id, which the redone rows refer to. Null when
 * done (or it is there already); else the name of the entry now holding its id or its name.
 */
export function restoreListEntry(db: Db, entry: ListEntrySnapshot): string | null {
  const { table, row } = entry;
  const byId = itemName(table)(db).get(row.id);
  if (byId !== undefined) return byId === row.name ? null : byId;
  if (itemIdByName(table)(db).get(row.name) !== undefined) return row.name;
  const columns = Object.keys(row);
  // The columns come from the change log: only plain column names are ever put into SQL.
  if (!columns.every((c) => /^[a-z_]+$/.test(c))) throw new Error(`列表项记录无效：${columns.join(',')}`);
  stmt(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
  return null;
}
