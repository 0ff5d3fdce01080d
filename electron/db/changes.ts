/**
 * SQL for the change log. Each user action is a change set of one or more changes; undo and redo
 * walk the sets. Values are stored as JSON of storage values (ids, integers of 元, codes).
 */
import type { Db } from './connection';
import { insertRows, query, stmt, valueQuery } from './statements';

export interface ChangeRecord {
  projectId: number;
  year: number | null;
  op: 'update' | 'insert' | 'delete';
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export interface StoredChange extends ChangeRecord {
  id: number;
  changeSetId: number;
}

export interface ChangeSetRow {
  id: number;
  at: string;
  label: string;
  state: 'done' | 'undone' | 'discarded';
}

/** Record a new action. Anything undone before it can no longer be redone. */
export function insertChangeSet(db: Db, label: string, at: string, changes: readonly ChangeRecord[]): number {
  stmt(db, "UPDATE change_sets SET state = 'discarded' WHERE state = 'undone'").run();
  const setId = Number(stmt(db, 'INSERT INTO change_sets (at, label) VALUES (?, ?)').run(at, label).lastInsertRowid);
  // Many rows per statement: an import logs 20,000 changes.
  insertRows(db, 'changes', ['change_set_id', 'project_id', 'year', 'op', 'field', 'old_value', 'new_value'], changes.length, (out, k) => {
    const c = changes[k]!;
    out.push(setId, c.projectId, c.year, c.op, c.field, JSON.stringify(c.oldValue ?? null), JSON.stringify(c.newValue ?? null));
  });
  return setId;
}

const LATEST_DONE = query<[], ChangeSetRow>("SELECT id, at, label, state FROM change_sets WHERE state = 'done' ORDER BY id DESC LIMIT 1");
const EARLIEST_UNDONE = query<[], ChangeSetRow>("SELECT id, at, label, state FROM change_sets WHERE state = 'undone' ORDER BY id ASC LIMIT 1");

/** The set 撤销 would undo: the newest one still done. */
export function latestDoneSet(db: Db): ChangeSetRow | undefined {
  return LATEST_DONE(db).get();
}

/** The set 重做 would redo: the oldest one undone (undone sets are always the newest ones). */
export function earliestUndoneSet(db: Db): ChangeSetRow | undefined {
  return EARLIEST_UNDONE(db).get();
}

export function setChangeSetState(db: Db, id: number, state: ChangeSetRow['state']): void {
  stmt(db, 'UPDATE change_sets SET state = ? WHERE id = ?').run(state, id);
}

interface RawChange {
  id: number;
  changeSetId: number;
  projectId: number;
  year: number | null;
  op: ChangeRecord['op'];
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

function parseChange(r: RawChange): StoredChange {
  return { ...r, oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue), newValue: r.newValue === null ? null : JSON.parse(r.newValue) };
}

const CHANGE_COLUMNS =
  'c.id, c.change_set_id AS changeSetId, c.project_id AS projectId, c.year, c.op, c.field, c.old_value AS oldValue, c.new_value AS newValue';

const CHANGES_OF_SET = query<[setId: number], RawChange>(`SELECT ${CHANGE_COLUMNS} FROM changes c WHERE c.change_set_id = ? ORDER BY c.id`);

export function changesOfSet(db: Db, setId: number): StoredChange[] {
  return CHANGES_OF_SET(db).all(setId).map(parseChange);
}

/** What a project's history shows of each change's set. */
type SetFacts = Pick<ChangeSetRow, 'at' | 'label' | 'state'>;
const CHANGES_OF_PROJECT = query<[projectId: number, limit: number], RawChange & SetFacts>(
  `SELECT ${CHANGE_COLUMNS}, s.at, s.label, s.state FROM changes c JOIN change_sets s ON s.id = c.change_set_id
   WHERE c.project_id = ? ORDER BY c.id DESC LIMIT ?`,
);

/** A project's history, newest first, with its sets' time, label and state. */
export function changesOfProject(db: Db, projectId: number, limit = 500): (StoredChange & SetFacts)[] {
  return CHANGES_OF_PROJECT(db)
    .all(projectId, limit)
    .map((r) => ({ ...parseChange(r), at: r.at, label: r.label, state: r.state }));
}

const YEARS_OF_SET = valueQuery<[setId: number], number>('SELECT DISTINCT year FROM changes WHERE change_set_id = ? AND year IS NOT NULL');
export function yearsOfSet(db: Db, setId: number): number[] {
  return YEARS_OF_SET(db).all(setId);
}

/**
 * The label of the first import logged from `from` to `to` ("YYYY-MM-DDTHH:MM:SS" on the user's
 * clock, as change_sets.at begins): what a backup made before an import, without a label of its
 * own, preceded.
 */
export function importLabelBetween(db: Db, from: string, to: string): string | undefined {
  return stmt(db, "SELECT label FROM change_sets WHERE substr(at, 1, 19) BETWEEN ? AND ? AND label LIKE '导入%' ORDER BY id LIMIT 1").pluck().get(from, to) as
    | string
    | undefined;
}
