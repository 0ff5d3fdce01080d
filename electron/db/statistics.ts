/**
 * SQL for the statistics engine: every project of year Y's list with its figures as of month M
 * (carry-forward: its latest report up to M), as plain numbers and ids — the one query behind every
 * summary, breakdown and project grid. Names, rules and sums are applied by the engine in
 * electron/services/statistics.ts, which is faster than SQL expressions over 20,000 rows.
 */
import type { StatsFilter } from '../../shared/statistics';
import type { Db } from './connection';
import { stmt } from './statements';

/**
 * One project's figures as an array (rows cross from SQLite to JavaScript one by one, so fewer and
 * simpler columns are faster): the level, nature and yes/no fields packed into `flags`.
 */
export type FigureArray = [
  projectId: number,
  flags: number,
  categoryId: number | null,
  districtId: number | null,
  leadDepartment: string | null,
  contactLeaderId: number | null,
  totalInvestment: number,
  annualPlan: number,
  plannedStartMonth: number | null,
  completedToDate: number,
  completedLastMonth: number,
];

/** The bits of `flags`. */
export const FLAG = { levelMask: 3, province: 1, city: 2, county: 3, natureNew: 4, natureContinued: 8, reported: 16, started: 32, resumed: 64 } as const;

function inList(column: string, values: readonly string[] | undefined, params: Record<string, unknown>, name: string): string | null {
  if (!values || values.length === 0) return null;
  values.forEach((v, i) => (params[`${name}${i}`] = v));
  return `${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`;
}

/** The filter as SQL conditions on year_plans yp and projects p, its values added to `params`. */
function filterConditions(filter: StatsFilter, params: Record<string, unknown>): string[] {
  return [
    inList('yp.level', filter.levels, params, 'lv'),
    inList('(SELECT name FROM categories WHERE id = yp.category_id)', filter.categories, params, 'ct'),
    inList('(SELECT name FROM districts WHERE id = p.district_id)', filter.districts, params, 'ds'),
    inList('yp.lead_department', filter.leadDepartments, params, 'ld'),
    inList('(SELECT name FROM contact_leaders WHERE id = p.contact_leader_id)', filter.contactLeaders, params, 'cl'),
    filter.tags && filter.tags.length
      ? `EXISTS (SELECT 1 FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = p.id AND ${inList('t.name', filter.tags, params, 'tg')})`
      : null,
  ].filter((c): c is string => c !== null);
}

/**
 * Year Y's list (filtered) with each project's figures as of month M. With `withPreviousMonth`
 * (for grids) also the month before, in list order; summaries need neither.
 */
export function figureRows(
  db: Db,
  year: number,
  month: number,
  filter: StatsFilter,
  withPreviousMonth: boolean,
  /** Only the numbers (no category, district, department or leader): for an overall summary. */
  numbersOnly = false,
): FigureArray[] {
  const params: Record<string, unknown> = { year, month };
  const conditions = filterConditions(filter, params);
  const sql = `
WITH base AS (
  SELECT yp.project_id, yp.level, yp.category_id, p.district_id, yp.lead_department, p.contact_leader_id, yp.nature,
    coalesce(p.total_investment, 0) AS total, coalesce(yp.annual_plan, 0) AS plan, yp.planned_start_month, yp.sort_order,
    (SELECT max(month) FROM progress_reports x WHERE x.project_id = yp.project_id AND x.year = @year AND x.month <= @month) AS latest
    ${withPreviousMonth ? ', (SELECT max(month) FROM progress_reports x WHERE x.project_id = yp.project_id AND x.year = @year AND x.month < @month) AS previous' : ''}
  FROM year_plans yp JOIN projects p ON p.id = yp.project_id
  WHERE yp.year = @year${conditions.length ? ` AND ${conditions.join(' AND ')}` : ''}
)
SELECT b.project_id,
  (CASE b.level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 0 END)
    | (CASE b.nature WHEN 'new' THEN 4 WHEN 'continued' THEN 8 ELSE 0 END)
    | (coalesce(b.latest = @month, 0) << 4) | (coalesce(r.started, 0) << 5) | (coalesce(r.resumed, 0) << 6),
  ${numbersOnly ? 'NULL, NULL, NULL, NULL' : 'b.category_id, b.district_id, b.lead_department, b.contact_leader_id'}, b.total, b.plan, b.planned_start_month,
  coalesce(r.completed_to_date, 0), ${withPreviousMonth ? 'coalesce(rp.completed_to_date, 0)' : '0'}
FROM base b
LEFT JOIN progress_reports r ON r.year = @year AND r.month = b.latest AND r.project_id = b.project_id
${withPreviousMonth ? 'LEFT JOIN progress_reports rp ON rp.year = @year AND rp.month = b.previous AND rp.project_id = b.project_id' : ''}
${withPreviousMonth ? 'ORDER BY b.sort_order, b.project_id' : ''}`;
  return stmt(db, sql).raw(true).all(params) as FigureArray[];
}

/** (project, tag name) pairs for year Y's list, in tag order. */
export function projectTagPairs(db: Db, year: number): [projectId: number, tag: string][] {
  return stmt(
    db,
    `SELECT pt.project_id, t.name FROM project_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.project_id IN (SELECT project_id FROM year_plans WHERE year = ?) ORDER BY t.sort_order, t.id`,
  )
    .raw(true)
    .all(year) as [number, string][];
}

/** Codes and names of year Y's projects, for the project-by-project figures. */
export function projectNames(db: Db, year: number): Map<number, { code: string | null; name: string }> {
  const rows = stmt(db, 'SELECT p.id, p.code, p.name FROM projects p JOIN year_plans yp ON yp.project_id = p.id WHERE yp.year = ?').raw(true).all(year) as [number, string | null, string][];
  return new Map(rows.map(([id, code, name]) => [id, { code, name }]));
}

/** Whether year Y has a list at all (the previous year's statistics exist only then). */
export function yearHasList(db: Db, year: number): boolean {
  return stmt(db, 'SELECT 1 FROM year_plans WHERE year = ? LIMIT 1').get(year) !== undefined;
}

/**
 * Cumulative completed investment (元) of year Y's list (filtered) as of each month 1–12, carried
 * forward: each report counts from its month until the project's next report (one pass with a
 * window function; a lookup per project and month took a minute at provincial scale).
 */
export function monthlyCompleted(db: Db, year: number, filter: StatsFilter): number[] {
  const params: Record<string, unknown> = { year };
  const conditions = filterConditions(filter, params);
  const sql = `
WITH RECURSIVE months(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 12),
listed AS (
  SELECT yp.project_id FROM year_plans yp JOIN projects p ON p.id = yp.project_id
  WHERE yp.year = @year${conditions.length ? ` AND ${conditions.join(' AND ')}` : ''}
),
spans AS (
  SELECT month, completed_to_date AS completed, lead(month, 1, 13) OVER (PARTITION BY project_id ORDER BY month) AS until
  FROM progress_reports WHERE year = @year AND project_id IN (SELECT project_id FROM listed)
)
SELECT m, sum(completed) FROM months JOIN spans ON spans.month <= m AND m < spans.until GROUP BY m ORDER BY m`;
  const rows = stmt(db, sql).raw(true).all(params) as [number, number][];
  const byMonth = new Map(rows);
  return Array.from({ length: 12 }, (_, i) => byMonth.get(i + 1) ?? 0);
}
