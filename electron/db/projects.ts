/**
 * SQL for projects and year plans (a project on year Y's list). Values here are storage values:
 * list fields are ids, money is an integer of 元, enums are their codes.
 */
import type { Money } from '../../shared/money';
import { PROJECT_ROW_KEYS, rowsFromTable, type ProjectRow, type ProjectTable } from '../../shared/domain';
import type { ProjectField } from '../../shared/fields';
import type { Db } from './connection';
import { insertRows, query, queryFamily, stmt, tupleQuery, valueQuery } from './statements';

/** Where each scalar field is stored (tags live in project_tags). */
export const FIELD_COLUMNS: Readonly<Record<Exclude<ProjectField, 'tags'>, { table: 'projects' | 'year_plans'; column: string }>> = {
  code: { table: 'projects', column: 'code' },
  name: { table: 'projects', column: 'name' },
  district: { table: 'projects', column: 'district_id' },
  ownerUnit: { table: 'projects', column: 'owner_unit' },
  scope: { table: 'projects', column: 'scope' },
  startYear: { table: 'projects', column: 'start_year' },
  endYear: { table: 'projects', column: 'end_year' },
  startDate: { table: 'projects', column: 'start_date' },
  stage: { table: 'year_plans', column: 'stage' },
  previousStage: { table: 'year_plans', column: 'previous_stage' },
  stageChangedOn: { table: 'year_plans', column: 'stage_changed_on' },
  workTarget: { table: 'year_plans', column: 'work_target' },
  totalInvestment: { table: 'projects', column: 'total_investment' },
  contactLeader: { table: 'projects', column: 'contact_leader_id' },
  responsibleUnit: { table: 'projects', column: 'responsible_unit' },
  responsiblePerson: { table: 'projects', column: 'responsible_person' },
  phone: { table: 'projects', column: 'phone' },
  level: { table: 'year_plans', column: 'level' },
  category: { table: 'year_plans', column: 'category_id' },
  leadDepartment: { table: 'year_plans', column: 'lead_department' },
  nature: { table: 'year_plans', column: 'nature' },
  annualPlan: { table: 'year_plans', column: 'annual_plan' },
  plannedStartMonth: { table: 'year_plans', column: 'planned_start_month' },
};

export type StorageValue = string | number | null | number[];

/** How each field of a ProjectRow is read, in PROJECT_ROW_KEYS order. */
const ROW_EXPRESSIONS: Record<(typeof PROJECT_ROW_KEYS)[number], string> = {
  projectId: 'p.id',
  year: 'yp.year',
  code: 'p.code',
  name: 'p.name',
  nameInitials: 'p.name_initials',
  district: 'd.name',
  ownerUnit: 'p.owner_unit',
  scope: 'p.scope',
  level: 'yp.level',
  category: 'c.name',
  leadDepartment: 'yp.lead_department',
  nature: 'yp.nature',
  startYear: 'p.start_year',
  endYear: 'p.end_year',
  plannedStartMonth: 'yp.planned_start_month',
  startDate: 'p.start_date',
  stage: 'yp.stage',
  previousStage: 'yp.previous_stage',
  stageChangedOn: 'yp.stage_changed_on',
  workTarget: 'yp.work_target',
  totalInvestment: 'p.total_investment',
  annualPlan: 'yp.annual_plan',
  contactLeader: 'l.name',
  responsibleUnit: 'p.responsible_unit',
  responsiblePerson: 'p.responsible_person',
  phone: 'p.phone',
  tags: 'tn.tags',
};

// Tags are aggregated once per query rather than per row. Rows are read as arrays (a ProjectTable).
const ROW_SELECT = `
WITH tag_names AS (
  SELECT pt.project_id, group_concat(t.name, '、' ORDER BY t.sort_order, t.id) AS tags
  FROM project_tags pt JOIN tags t ON t.id = pt.tag_id GROUP BY pt.project_id)
SELECT ${PROJECT_ROW_KEYS.map((k) => `${ROW_EXPRESSIONS[k]} AS ${k}`).join(', ')}
FROM year_plans yp
JOIN projects p ON p.id = yp.project_id
LEFT JOIN districts d ON d.id = p.district_id
LEFT JOIN categories c ON c.id = yp.category_id
LEFT JOIN contact_leaders l ON l.id = p.contact_leader_id
LEFT JOIN tag_names tn ON tn.project_id = p.id`;

/**
 * One project's row: its tags gathered for it alone. ROW_SELECT's aggregate over every project's
 * tags would be built again for each such query — an import matching 20,000 rows to the library
 * made it quadratic (896 rows of the demo city: 0.7 s).
 */
const ONE_ROW_SELECT = `
SELECT ${PROJECT_ROW_KEYS.map(
  (k) =>
    `${k === 'tags' ? "(SELECT group_concat(t.name, '、' ORDER BY t.sort_order, t.id) FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = p.id)" : ROW_EXPRESSIONS[k]} AS ${k}`,
).join(', ')}
FROM year_plans yp
JOIN projects p ON p.id = yp.project_id
LEFT JOIN districts d ON d.id = p.district_id
LEFT JOIN categories c ON c.id = yp.category_id
LEFT JOIN contact_leaders l ON l.id = p.contact_leader_id`;

/** A row of ROW_SELECT: values in PROJECT_ROW_KEYS order (rowsFromTable names them). */
type TableRow = unknown[];
const TABLE_OF_YEAR = tupleQuery<[year: number], TableRow>(`${ROW_SELECT} WHERE yp.year = ? ORDER BY yp.sort_order, p.id`);
const TABLE_ROW = tupleQuery<[projectId: number, year: number], TableRow>(`${ONE_ROW_SELECT} WHERE yp.project_id = ? AND yp.year = ?`);

/** Year Y's list, as a table (arrays in PROJECT_ROW_KEYS order) for the grid. */
export function listProjectTable(db: Db, year: number): ProjectTable {
  return { keys: PROJECT_ROW_KEYS, rows: TABLE_OF_YEAR(db).all(year) };
}

export function listProjectRows(db: Db, year: number): ProjectRow[] {
  return rowsFromTable(listProjectTable(db, year));
}

export function getProjectRow(db: Db, projectId: number, year: number): ProjectRow | undefined {
  const values = TABLE_ROW(db).get(projectId, year);
  return values && rowsFromTable({ keys: PROJECT_ROW_KEYS, rows: [values] })[0];
}

export interface ProjectIdentity {
  id: number;
  code: string | null;
  name: string;
}
const IDENTITIES = query<[], ProjectIdentity>('SELECT id, code, name FROM projects');

/** Every project's id, code and name, for matching imported rows. */
export function projectIdentities(db: Db): ProjectIdentity[] {
  return IDENTITIES(db).all();
}

const LATEST_YEAR = valueQuery<[projectId: number], number | null>('SELECT max(year) AS y FROM year_plans WHERE project_id = ?');

/** A project as it stands on the latest year's list it is on (for a project not on year Y's list). */
export function latestRowOfProject(db: Db, projectId: number): ProjectRow | undefined {
  const year = LATEST_YEAR(db).one(projectId);
  return year === null ? undefined : getProjectRow(db, projectId, year);
}

const LIST_POSITION = valueQuery<[projectId: number, year: number], number>(
  `SELECT (SELECT count(*) FROM year_plans o WHERE o.year = yp.year AND (o.sort_order < yp.sort_order OR (o.sort_order = yp.sort_order AND o.project_id < yp.project_id))) + 1 AS n
   FROM year_plans yp WHERE yp.project_id = ? AND yp.year = ?`,
);

/** Where a project stands on a year's list (1-based, in the list's own order, as the grid numbers it unsorted). */
export function listPosition(db: Db, projectId: number, year: number): number | null {
  return LIST_POSITION(db).get(projectId, year) ?? null;
}

const YEARS_OF_PROJECT = valueQuery<[projectId: number], number>('SELECT year FROM year_plans WHERE project_id = ? ORDER BY year');
export function yearsOfProject(db: Db, projectId: number): number[] {
  return YEARS_OF_PROJECT(db).all(projectId);
}

const ON_LIST = valueQuery<[projectId: number, year: number], 1>('SELECT 1 FROM year_plans WHERE project_id = ? AND year = ?');
export function isOnList(db: Db, projectId: number, year: number): boolean {
  return ON_LIST(db).get(projectId, year) !== undefined;
}

const ID_BY_CODE = valueQuery<[code: string], number>('SELECT id FROM projects WHERE code = ?');
export function projectIdByCode(db: Db, code: string): number | undefined {
  return ID_BY_CODE(db).get(code);
}

/** A scalar field's stored value (an id, an integer of 元, a code, text or null). */
type ScalarValue = string | number | null;
const PROJECT_FIELD = queryFamily((column: string) => valueQuery<[projectId: number], ScalarValue>(`SELECT ${column} AS v FROM projects WHERE id = ?`));
const PLAN_FIELD = queryFamily((column: string) =>
  valueQuery<[projectId: number, year: number], ScalarValue>(`SELECT ${column} AS v FROM year_plans WHERE project_id = ? AND year = ?`),
);

export function readField(db: Db, projectId: number, year: number, field: ProjectField): StorageValue {
  if (field === 'tags') return readTagIds(db, projectId);
  const { table, column } = FIELD_COLUMNS[field];
  const value = table === 'projects' ? PROJECT_FIELD(column)(db).get(projectId) : PLAN_FIELD(column)(db).get(projectId, year);
  return value ?? null;
}

/** Write one scalar field. `nameInitials` must accompany a change of name. */
export function writeField(
  db: Db,
  projectId: number,
  year: number,
  field: Exclude<ProjectField, 'tags'>,
  value: string | number | null,
  at: string,
  nameInitials?: string,
): void {
  const { table, column } = FIELD_COLUMNS[field];
  if (table === 'projects') {
    if (field === 'name') {
      stmt(db, 'UPDATE projects SET name = ?, name_initials = ?, updated_at = ? WHERE id = ?').run(value, nameInitials ?? '', at, projectId);
    } else {
      stmt(db, `UPDATE projects SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, projectId);
    }
  } else {
    stmt(db, `UPDATE year_plans SET ${column} = ? WHERE project_id = ? AND year = ?`).run(value, projectId, year);
    stmt(db, 'UPDATE projects SET updated_at = ? WHERE id = ?').run(at, projectId);
  }
}

const TAG_IDS = valueQuery<[projectId: number], number>('SELECT tag_id FROM project_tags WHERE project_id = ? ORDER BY tag_id');
export function readTagIds(db: Db, projectId: number): number[] {
  return TAG_IDS(db).all(projectId);
}

export function writeTagIds(db: Db, projectId: number, tagIds: readonly number[], at: string): void {
  stmt(db, 'DELETE FROM project_tags WHERE project_id = ?').run(projectId);
  const insert = stmt(db, 'INSERT OR IGNORE INTO project_tags (project_id, tag_id) VALUES (?, ?)');
  for (const tagId of tagIds) insert.run(projectId, tagId);
  stmt(db, 'UPDATE projects SET updated_at = ? WHERE id = ?').run(at, projectId);
}

/** A project's own row with its tags, as the change log keeps it to undo an add or a delete. */
export interface ProjectSnapshot {
  id: number;
  code: string | null;
  name: string;
  name_initials: string;
  district_id: number | null;
  owner_unit: string | null;
  scope: string | null;
  start_year: number | null;
  end_year: number | null;
  start_date: string | null;
  stage: string | null;
  total_investment: Money | null;
  contact_leader_id: number | null;
  responsible_unit: string | null;
  responsible_person: string | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
  tags: number[];
}

export interface YearPlanSnapshot {
  project_id: number;
  year: number;
  level: string | null;
  category_id: number | null;
  lead_department: string | null;
  nature: string | null;
  annual_plan: Money | null;
  planned_start_month: number | null;
  sort_order: number;
  /** Migration 0009's columns (absent in change logs written before it). */
  stage?: string | null;
  previous_stage?: string | null;
  stage_changed_on?: string | null;
  work_target?: string | null;
}

const LIFECYCLE_DEFAULTS = { stage: null, previous_stage: null, stage_changed_on: null, work_target: null } as const;

const PROJECT = query<[projectId: number], Omit<ProjectSnapshot, 'tags'>>('SELECT * FROM projects WHERE id = ?');
export function readProjectSnapshot(db: Db, projectId: number): ProjectSnapshot | undefined {
  const row = PROJECT(db).get(projectId);
  return row && { ...row, tags: readTagIds(db, projectId) };
}

function withoutTags(s: ProjectSnapshot): Omit<ProjectSnapshot, 'tags'> {
  const { tags: _tags, ...row } = s;
  return row;
}

export function insertProjectSnapshot(db: Db, s: ProjectSnapshot): void {
  stmt(
    db,
    `INSERT INTO projects (id, code, name, name_initials, district_id, owner_unit, scope, start_year, end_year,
       start_date, stage, total_investment, contact_leader_id, responsible_unit, responsible_person, phone,
       created_at, updated_at)
     VALUES (@id, @code, @name, @name_initials, @district_id, @owner_unit, @scope, @start_year, @end_year,
       @start_date, @stage, @total_investment, @contact_leader_id, @responsible_unit, @responsible_person, @phone,
       @created_at, @updated_at)`,
  ).run(withoutTags(s));
  const insert = stmt(db, 'INSERT INTO project_tags (project_id, tag_id) VALUES (?, ?)');
  for (const tagId of s.tags) insert.run(s.id, tagId);
}

/** Insert a new project; returns its id. */
export function insertProject(db: Db, name: string, nameInitials: string, at: string): number {
  return Number(
    stmt(db, 'INSERT INTO projects (name, name_initials, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, nameInitials, at, at)
      .lastInsertRowid,
  );
}

export function deleteProject(db: Db, projectId: number): void {
  stmt(db, 'DELETE FROM projects WHERE id = ?').run(projectId);
}

const REFERENCED_BEYOND = valueQuery<[{ projectId: number; year: number }], number>(
  `SELECT EXISTS (SELECT 1 FROM year_plans WHERE project_id = @projectId AND year <> @year)
       OR EXISTS (SELECT 1 FROM progress_reports WHERE project_id = @projectId)
       OR EXISTS (SELECT 1 FROM problems WHERE project_id = @projectId) AS used`,
);

/** Whether anything but the given year's list refers to the project (other years, reports, problems). */
export function projectIsReferencedBeyond(db: Db, projectId: number, year: number): boolean {
  return REFERENCED_BEYOND(db).one({ projectId, year }) === 1;
}

const YEAR_PLAN = query<[projectId: number, year: number], YearPlanSnapshot>('SELECT * FROM year_plans WHERE project_id = ? AND year = ?');
export function readYearPlanSnapshot(db: Db, projectId: number, year: number): YearPlanSnapshot | undefined {
  return YEAR_PLAN(db).get(projectId, year);
}

export function insertYearPlan(db: Db, s: YearPlanSnapshot): void {
  stmt(
    db,
    `INSERT INTO year_plans (project_id, year, level, category_id, lead_department, nature, annual_plan, planned_start_month, sort_order,
       stage, previous_stage, stage_changed_on, work_target)
     VALUES (@project_id, @year, @level, @category_id, @lead_department, @nature, @annual_plan, @planned_start_month, @sort_order,
       @stage, @previous_stage, @stage_changed_on, @work_target)`,
  ).run({ ...LIFECYCLE_DEFAULTS, ...s });
}

export function deleteYearPlan(db: Db, projectId: number, year: number): void {
  stmt(db, 'DELETE FROM year_plans WHERE project_id = ? AND year = ?').run(projectId, year);
}

const NEXT_SORT_ORDER = valueQuery<[year: number], number>('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM year_plans WHERE year = ?');
const NEXT_PROJECT_ID = valueQuery<[], number>('SELECT coalesce(max(id), 0) + 1 AS n FROM projects');

/** The next 序号 at the end of year Y's list. */
export function nextSortOrder(db: Db, year: number): number {
  return NEXT_SORT_ORDER(db).one(year);
}

/** A project and its year plan in storage values, for inserting many at once. */
export interface NewProjectRecord {
  project: Omit<ProjectSnapshot, 'id' | 'tags'> & { tags?: number[] };
  yearPlan: Omit<YearPlanSnapshot, 'project_id' | 'sort_order'>;
}

/**
 * Insert many projects with their year plans in the caller's transaction, a hundred rows per
 * statement (setting field by field would take sixty statements a project); returns each one's id
 * and 序号. Ids are given explicitly, continuing from the largest.
 */
export function insertProjectRecords(db: Db, records: readonly NewProjectRecord[]): { id: number; sortOrder: number }[] {
  const PROJECT_COLUMNS = [
    'id', 'code', 'name', 'name_initials', 'district_id', 'owner_unit', 'scope', 'start_year', 'end_year', 'start_date', 'stage',
    'total_investment', 'contact_leader_id', 'responsible_unit', 'responsible_person', 'phone', 'created_at', 'updated_at',
  ] as const;
  const PLAN_COLUMNS = [
    'project_id', 'year', 'level', 'category_id', 'lead_department', 'nature', 'annual_plan', 'planned_start_month', 'sort_order',
    'stage', 'previous_stage', 'stage_changed_on', 'work_target',
  ] as const;
  let nextId = NEXT_PROJECT_ID(db).one();
  const orders = new Map<number, number>();
  const inserted: { id: number; sortOrder: number }[] = [];
  // Each table's values one row after another, column by column (no object or array per row).
  const projectValues: unknown[] = [];
  const planValues: unknown[] = [];
  const tagValues: unknown[] = [];
  for (const { project, yearPlan } of records) {
    const id = nextId++;
    const sortOrder = orders.get(yearPlan.year) ?? nextSortOrder(db, yearPlan.year);
    orders.set(yearPlan.year, sortOrder + 1);
    const row = project as Record<string, unknown>;
    for (const c of PROJECT_COLUMNS) projectValues.push(c === 'id' ? id : (row[c] ?? null));
    const plan = yearPlan as Record<string, unknown>;
    for (const c of PLAN_COLUMNS) planValues.push(c === 'project_id' ? id : c === 'sort_order' ? sortOrder : (plan[c] ?? null));
    for (const tagId of project.tags ?? []) tagValues.push(id, tagId);
    inserted.push({ id, sortOrder });
  }
  insertMany(db, 'projects', PROJECT_COLUMNS, projectValues);
  insertMany(db, 'year_plans', PLAN_COLUMNS, planValues);
  insertMany(db, 'project_tags', ['project_id', 'tag_id'], tagValues);
  return inserted;
}

/** INSERT rows given as their values one row after another (insertRows, a hundred rows a statement). */
function insertMany(db: Db, table: string, columns: readonly string[], values: readonly unknown[]): void {
  const width = columns.length;
  insertRows(db, table, columns, values.length / width, (out, row) => {
    for (let j = row * width; j < (row + 1) * width; j++) out.push(values[j]);
  });
}

/** Put every project of one year's list on another year's list too, as 续建 (bulk, for generators). */
export function copyYearPlans(db: Db, fromYear: number, toYear: number): void {
  stmt(
    db,
    `INSERT INTO year_plans (project_id, year, level, category_id, lead_department, nature, annual_plan, planned_start_month, sort_order, stage)
     SELECT project_id, ?, level, category_id, lead_department, 'continued', annual_plan, NULL, sort_order, stage FROM year_plans WHERE year = ?`,
  ).run(toYear, fromYear);
}
