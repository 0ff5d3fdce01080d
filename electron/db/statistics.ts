/**
 * SQL for the statistics engine (electron/services/statistics.ts). Two kinds of reads, because
 * they change at different speeds: a year's list — every project's attributes, named — changes
 * rarely and is kept in memory by the engine while `listVersion` stands still (migration 0003);
 * a month's reports change all the time and are read afresh, as a scan of one month, which is
 * the cheapest read SQLite offers (reports are stored by year, month, project).
 */
import type { Db } from './connection';
import { stmt } from './statements';
import { money, type Money } from '../../shared/money';

/** The version of the project lists: raised by triggers on any change to projects, plans, tags or lists. */
export function listVersion(db: Db): number {
  return (stmt(db, "SELECT version FROM data_versions WHERE name = 'lists'").raw(true).get() as [number])[0];
}

/**
 * One project of year Y's list as the engine reads it: an array of numbers (rows cross into
 * JavaScript faster so; names come from the lists), level and nature packed into `kind`.
 */
export type ListedRow = [
  projectId: number,
  kind: number,
  categoryId: number | null,
  districtId: number | null,
  /** null: the category's lead department; '' for none. */
  leadDepartment: string | null,
  contactLeaderId: number | null,
  totalInvestment: Money,
  annualPlan: Money,
  plannedStartMonth: number | null,
];

/** The bits of ListedRow's `kind`. */
export const KIND = { levelMask: 3, province: 1, city: 2, county: 3, natureNew: 4, natureContinued: 8 } as const;

/** Year Y's list in list order. */
export function listedProjects(db: Db, year: number): ListedRow[] {
  return stmt(
    db,
    `SELECT yp.project_id,
       (CASE yp.level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 0 END)
         | (CASE yp.nature WHEN 'new' THEN 4 WHEN 'continued' THEN 8 ELSE 0 END),
       yp.category_id, p.district_id,
       -- Most projects have their category's lead department: NULL then (text costs more to carry).
       CASE WHEN yp.lead_department IS c.lead_department THEN NULL ELSE coalesce(yp.lead_department, '') END,
       p.contact_leader_id, coalesce(p.total_investment, 0), coalesce(yp.annual_plan, 0), yp.planned_start_month
     FROM year_plans yp JOIN projects p ON p.id = yp.project_id LEFT JOIN categories c ON c.id = yp.category_id
     WHERE yp.year = ? ORDER BY yp.sort_order, yp.project_id`,
  )
    .raw(true)
    .all(year) as ListedRow[];
}

/** Every (project, tag) pair, in no particular order (the engine keeps those of its list, in tag order). */
export function projectTagIds(db: Db): [projectId: number, tagId: number][] {
  return stmt(db, 'SELECT project_id, tag_id FROM project_tags').raw(true).all() as [number, number][];
}

/** Codes, names and responsible units of year Y's projects, for the project-by-project figures. */
export function projectNames(db: Db, year: number): [projectId: number, code: string | null, name: string, responsibleUnit: string | null][] {
  return stmt(db, 'SELECT p.id, p.code, p.name, p.responsible_unit FROM projects p JOIN year_plans yp ON yp.project_id = p.id WHERE yp.year = ?')
    .raw(true)
    .all(year) as [number, string | null, string, string | null][];
}

/**
 * A report's figures: the project, started (bit 0) and resumed (bit 1), cumulative completed (元),
 * and the 纳统 figure (元, null when the report gives none).
 */
export type ReportFigures = [projectId: number, flags: number, completedToDate: Money, statisticsToDate: Money | null];

/** Every report of month M of year Y (of any project; the engine keeps those on its list). */
export function reportsOfMonth(db: Db, year: number, month: number): ReportFigures[] {
  return stmt(db, 'SELECT project_id, started | (resumed << 1), completed_to_date, statistics_to_date FROM progress_reports WHERE year = ? AND month = ?')
    .raw(true)
    .all(year, month) as ReportFigures[];
}

/** For each of the given projects, its latest report of year Y before month M, if any (carry-forward), and that report's month. */
export function latestReportsBefore(db: Db, year: number, month: number, projectIds: readonly number[]): [...ReportFigures, month: number][] {
  if (projectIds.length === 0 || month <= 1) return [];
  return stmt(
    db,
    `SELECT r.project_id, r.started | (r.resumed << 1), r.completed_to_date, r.statistics_to_date, r.month
     FROM json_each(@ids) j
     JOIN progress_reports r ON r.year = @year AND r.project_id = j.value
       AND r.month = (SELECT max(x.month) FROM progress_reports x WHERE x.project_id = j.value AND x.year = @year AND x.month < @month)`,
  )
    .raw(true)
    .all({ ids: JSON.stringify(projectIds), year, month }) as [...ReportFigures, number][];
}

/** The first month of year Y any project reported for (null: none yet): the months before it have no data. */
export function firstReportMonth(db: Db, year: number): number | null {
  return (stmt(db, 'SELECT min(month) FROM progress_reports WHERE year = ?').raw(true).get(year) as [number | null])[0];
}

/**
 * Cumulative completed investment (元) of year Y's list — or of the given projects of it (the
 * engine applies filters) — as of each month 1–12, carried forward: each report counts from its
 * month until the project's next report (one pass with a window function; a lookup per project and
 * month took a minute at provincial scale).
 */
export function monthlyCompleted(db: Db, year: number, projectIds: readonly number[] | null): Money[] {
  const params: Record<string, unknown> = { year };
  if (projectIds) params.ids = JSON.stringify(projectIds);
  const sql = `
WITH RECURSIVE months(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 12),
listed AS (
  ${projectIds ? 'SELECT value AS project_id FROM json_each(@ids)' : 'SELECT project_id FROM year_plans WHERE year = @year'}
),
spans AS (
  SELECT month, completed_to_date AS completed, lead(month, 1, 13) OVER (PARTITION BY project_id ORDER BY month) AS until
  FROM progress_reports WHERE year = @year AND project_id IN (SELECT project_id FROM listed)
)
SELECT m, sum(completed) FROM months JOIN spans ON spans.month <= m AND m < spans.until GROUP BY m ORDER BY m`;
  const rows = stmt(db, sql).raw(true).all(params) as [number, Money][];
  const byMonth = new Map(rows);
  return Array.from({ length: 12 }, (_, i) => byMonth.get(i + 1) ?? money(0));
}
