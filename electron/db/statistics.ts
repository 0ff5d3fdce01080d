/**
 * SQL for the statistics engine (electron/services/statistics.ts). Two kinds of reads, because
 * they change at different speeds: a year's list — every project's attributes, named — changes
 * rarely and is kept in memory by the engine while `listVersion` stands still (migration 0003);
 * a month's reports change all the time and are read afresh, as a scan of one month, which is
 * the cheapest read SQLite offers (reports are stored by year, month, project).
 */
import type { Db } from './connection';
import { tupleQuery, valueQuery } from './statements';
import { money, type Money } from '../../shared/money';
import { REPORT_FLAGS_SQL, type ReportFigures } from './report-flags';

const LIST_VERSION = valueQuery<[], number>("SELECT version FROM data_versions WHERE name = 'lists'");

/** The version of the project lists: raised by triggers on any change to projects, plans, tags or lists. */
export function listVersion(db: Db): number {
  return LIST_VERSION(db).one();
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

const LISTED = tupleQuery<[year: number], ListedRow>(
  `SELECT yp.project_id,
     (CASE yp.level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 0 END)
       | (CASE yp.nature WHEN 'new' THEN 4 WHEN 'continued' THEN 8 ELSE 0 END),
     yp.category_id, p.district_id,
     -- Most projects have their category's lead department: NULL then (text costs more to carry).
     CASE WHEN yp.lead_department IS c.lead_department THEN NULL ELSE coalesce(yp.lead_department, '') END,
     p.contact_leader_id, coalesce(p.total_investment, 0), coalesce(yp.annual_plan, 0), yp.planned_start_month
   FROM year_plans yp JOIN projects p ON p.id = yp.project_id LEFT JOIN categories c ON c.id = yp.category_id
   WHERE yp.year = ? ORDER BY yp.sort_order, yp.project_id`,
);

/** Year Y's list in list order. */
export function listedProjects(db: Db, year: number): ListedRow[] {
  return LISTED(db).all(year);
}

const PROJECT_TAGS = tupleQuery<[], [projectId: number, tagId: number]>('SELECT project_id, tag_id FROM project_tags');

/** Every (project, tag) pair, in no particular order (the engine keeps those of its list, in tag order). */
export function projectTagIds(db: Db): [projectId: number, tagId: number][] {
  return PROJECT_TAGS(db).all();
}

type ProjectName = [projectId: number, code: string | null, name: string, responsibleUnit: string | null];
const PROJECT_NAMES = tupleQuery<[year: number], ProjectName>(
  'SELECT p.id, p.code, p.name, p.responsible_unit FROM projects p JOIN year_plans yp ON yp.project_id = p.id WHERE yp.year = ?',
);

/** Codes, names and responsible units of year Y's projects, for the project-by-project figures. */
export function projectNames(db: Db, year: number): ProjectName[] {
  return PROJECT_NAMES(db).all(year);
}

const REPORTS_OF_MONTH = tupleQuery<[year: number, month: number], ReportFigures>(
  `SELECT project_id, ${REPORT_FLAGS_SQL('')}, completed_to_date, statistics_to_date FROM progress_reports WHERE year = ? AND month = ?`,
);

/** Every report of month M of year Y (of any project; the engine keeps those on its list). */
export function reportsOfMonth(db: Db, year: number, month: number): ReportFigures[] {
  return REPORTS_OF_MONTH(db).all(year, month);
}

const LATEST_BEFORE = tupleQuery<[{ ids: string; year: number; month: number }], [...ReportFigures, month: number]>(
  `SELECT r.project_id, ${REPORT_FLAGS_SQL('r.')}, r.completed_to_date, r.statistics_to_date, r.month
   FROM json_each(@ids) j
   JOIN progress_reports r ON r.year = @year AND r.project_id = j.value
     AND r.month = (SELECT max(x.month) FROM progress_reports x WHERE x.project_id = j.value AND x.year = @year AND x.month < @month)`,
);

/** For each of the given projects, its latest report of year Y before month M, if any (carry-forward), and that report's month. */
export function latestReportsBefore(db: Db, year: number, month: number, projectIds: readonly number[]): [...ReportFigures, month: number][] {
  if (projectIds.length === 0 || month <= 1) return [];
  return LATEST_BEFORE(db).all({ ids: JSON.stringify(projectIds), year, month });
}

const FIRST_REPORT_MONTH = valueQuery<[year: number], number | null>('SELECT min(month) FROM progress_reports WHERE year = ?');

/** The first month of year Y any project reported for (null: none yet): the months before it have no data. */
export function firstReportMonth(db: Db, year: number): number | null {
  return FIRST_REPORT_MONTH(db).one(year);
}

/** The carry-forward sums of monthlyCompleted over the listed projects (the whole list, or the given ids). */
const monthlyCompletedSql = (listed: string) => `
WITH RECURSIVE months(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 12),
listed AS (
  ${listed}
),
spans AS (
  SELECT month, completed_to_date AS completed, lead(month, 1, 13) OVER (PARTITION BY project_id ORDER BY month) AS until
  FROM progress_reports WHERE year = @year AND project_id IN (SELECT project_id FROM listed)
)
SELECT m, sum(completed) FROM months JOIN spans ON spans.month <= m AND m < spans.until GROUP BY m ORDER BY m`;
const MONTHLY_COMPLETED_OF_LIST = tupleQuery<[{ year: number }], [month: number, completed: Money]>(
  monthlyCompletedSql('SELECT project_id FROM year_plans WHERE year = @year'),
);
const MONTHLY_COMPLETED_OF = tupleQuery<[{ year: number; ids: string }], [month: number, completed: Money]>(
  monthlyCompletedSql('SELECT value AS project_id FROM json_each(@ids)'),
);

/**
 * Cumulative completed investment (元) of year Y's list — or of the given projects of it (the
 * engine applies filters) — as of each month 1–12, carried forward: each report counts from its
 * month until the project's next report (one pass with a window function; a lookup per project and
 * month took a minute at provincial scale).
 */
export function monthlyCompleted(db: Db, year: number, projectIds: readonly number[] | null): Money[] {
  const rows = projectIds ? MONTHLY_COMPLETED_OF(db).all({ year, ids: JSON.stringify(projectIds) }) : MONTHLY_COMPLETED_OF_LIST(db).all({ year });
  const byMonth = new Map(rows);
  return Array.from({ length: 12 }, (_, i) => byMonth.get(i + 1) ?? money(0));
}
