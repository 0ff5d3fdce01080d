/**
 * SQL for the statistics engine: every project of year Y's list with its figures as of month M, in
 * one query. Carry-forward (a project's cumulative figure is its latest report up to M) and the
 * start status are taken in one grouped pass over the year's reports.
 */
import type { StatsFilter } from '../../shared/statistics';
import type { Db } from './connection';
import { stmt } from './statements';

export interface FigureRow {
  projectId: number;
  code: string | null;
  name: string;
  level: string | null;
  category: string | null;
  district: string | null;
  leadDepartment: string | null;
  contactLeader: string | null;
  nature: string | null;
  tags: string | null;
  totalInvestment: number;
  annualPlan: number;
  plannedStartMonth: number | null;
  completedToDate: number;
  completedLastMonth: number;
  reported: number;
  started: number;
  resumed: number;
}

function inList(column: string, values: readonly string[] | undefined, params: unknown[]): string | null {
  if (!values || values.length === 0) return null;
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

export function projectFigureRows(db: Db, year: number, month: number, filter: StatsFilter = {}): FigureRow[] {
  // In the order of the placeholders below.
  const params: unknown[] = [month, month, year, month, year, year, year];
  const conditions = [
    inList('yp.level', filter.levels, params),
    inList('c.name', filter.categories, params),
    inList('d.name', filter.districts, params),
    inList('yp.lead_department', filter.leadDepartments, params),
    inList('l.name', filter.contactLeaders, params),
    filter.tags && filter.tags.length
      ? (params.push(...filter.tags),
        `EXISTS (SELECT 1 FROM project_tags pt2 JOIN tags t2 ON t2.id = pt2.tag_id WHERE pt2.project_id = p.id AND t2.name IN (${filter.tags.map(() => '?').join(', ')}))`)
      : null,
  ].filter((c): c is string => c !== null);
  const sql = `
WITH latest AS (
  SELECT project_id, max(month) AS month, max(CASE WHEN month < ? THEN month END) AS previousMonth,
    max(month = ?) AS reported, max(started) AS started, max(resumed) AS resumed
  FROM progress_reports WHERE year = ? AND month <= ? GROUP BY project_id
),
tag_names AS (
  SELECT pt.project_id, group_concat(t.name, '、' ORDER BY t.sort_order, t.id) AS tags
  FROM project_tags pt JOIN tags t ON t.id = pt.tag_id GROUP BY pt.project_id
)
SELECT p.id AS projectId, p.code, p.name, yp.level, c.name AS category, d.name AS district,
  yp.lead_department AS leadDepartment, l.name AS contactLeader, yp.nature, tn.tags,
  coalesce(p.total_investment, 0) AS totalInvestment, coalesce(yp.annual_plan, 0) AS annualPlan,
  yp.planned_start_month AS plannedStartMonth,
  coalesce(r.completed_to_date, 0) AS completedToDate, coalesce(rp.completed_to_date, 0) AS completedLastMonth,
  coalesce(lt.reported, 0) AS reported, coalesce(lt.started, 0) AS started, coalesce(lt.resumed, 0) AS resumed
FROM year_plans yp
JOIN projects p ON p.id = yp.project_id
LEFT JOIN districts d ON d.id = p.district_id
LEFT JOIN categories c ON c.id = yp.category_id
LEFT JOIN contact_leaders l ON l.id = p.contact_leader_id
LEFT JOIN tag_names tn ON tn.project_id = p.id
LEFT JOIN latest lt ON lt.project_id = p.id
LEFT JOIN progress_reports r ON r.year = ? AND r.month = lt.month AND r.project_id = p.id
LEFT JOIN progress_reports rp ON rp.year = ? AND rp.month = lt.previousMonth AND rp.project_id = p.id
WHERE yp.year = ?${conditions.length ? ` AND ${conditions.join(' AND ')}` : ''}
ORDER BY yp.sort_order, p.id`;
  return stmt(db, sql).all(...params) as FigureRow[];
}

/** Whether year Y has a list at all (the previous year's statistics exist only then). */
export function yearHasList(db: Db, year: number): boolean {
  return stmt(db, 'SELECT 1 FROM year_plans WHERE year = ? LIMIT 1').get(year) !== undefined;
}
