/**
 * SQL for the statistics engine. One definition of a project's figures for year Y as of month M
 * (FIGURES below: carry-forward of the latest report, start status, reported or not, and the
 * warning colour with its rule), used two ways: grouped at a fine grain for the summaries (a few
 * hundred rows instead of 20,000), and project by project for the screens.
 */
import type { SizeBucket, StatsFilter, WarningThresholds } from '../../shared/statistics';
import type { Db } from './connection';
import { stmt } from './statements';

function inList(column: string, values: readonly string[] | undefined, params: Record<string, unknown>, name: string): string | null {
  if (!values || values.length === 0) return null;
  values.forEach((v, i) => (params[`${name}${i}`] = v));
  return `${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`;
}

/**
 * The per-project figures as a CTE named `fig`. Parameters: @year, @month, the thresholds
 * (@redLate, @yellowLate, @redGap, @yellowGap in thousandths) and the filter's values. The month
 * before is looked up only when asked (the project grid shows it; summaries do not need it).
 */
function figures(filter: StatsFilter, params: Record<string, unknown>, withPreviousMonth: boolean): string {
  const conditions = [
    inList('yp.level', filter.levels, params, 'lv'),
    inList('(SELECT name FROM categories WHERE id = yp.category_id)', filter.categories, params, 'ct'),
    inList('(SELECT name FROM districts WHERE id = p.district_id)', filter.districts, params, 'ds'),
    inList('yp.lead_department', filter.leadDepartments, params, 'ld'),
    inList('(SELECT name FROM contact_leaders WHERE id = p.contact_leader_id)', filter.contactLeaders, params, 'cl'),
    filter.tags && filter.tags.length
      ? `EXISTS (SELECT 1 FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = p.id AND ${inList('t.name', filter.tags, params, 'tg')})`
      : null,
  ].filter((c): c is string => c !== null);
  // gap = M/12 − completed/plan > threshold, in integers: 1000·(M·plan − 12·completed) > 12·threshold‰·plan
  // (completion counts as 0 when the plan is 0).
  const gapAbove = (t: string) => `(CASE WHEN plan > 0 THEN 1000 * (@month * plan - 12 * completed) > 12 * ${t} * plan ELSE 1000 * @month > 12 * ${t} END)`;
  return `
base AS (
  SELECT yp.project_id AS projectId, yp.level, yp.category_id AS categoryId, p.district_id AS districtId,
    yp.lead_department AS leadDepartment, p.contact_leader_id AS contactLeaderId, yp.nature,
    coalesce(p.total_investment, 0) AS total, coalesce(yp.annual_plan, 0) AS plan, yp.planned_start_month AS plannedStartMonth,
    yp.sort_order AS sortOrder,
    (SELECT max(month) FROM progress_reports x WHERE x.project_id = yp.project_id AND x.year = @year AND x.month <= @month) AS latestMonth
    ${withPreviousMonth ? ', (SELECT max(month) FROM progress_reports x WHERE x.project_id = yp.project_id AND x.year = @year AND x.month < @month) AS previousMonth' : ''}
  FROM year_plans yp JOIN projects p ON p.id = yp.project_id
  WHERE yp.year = @year${conditions.length ? ` AND ${conditions.join(' AND ')}` : ''}
),
reported AS (
  SELECT b.*, coalesce(r.completed_to_date, 0) AS completed,
    ${withPreviousMonth ? 'coalesce(rp.completed_to_date, 0)' : '0'} AS completedLastMonth,
    coalesce(b.latestMonth = @month, 0) AS reported, coalesce(r.started, 0) AS started, coalesce(r.resumed, 0) AS resumed
  FROM base b
  LEFT JOIN progress_reports r ON r.year = @year AND r.month = b.latestMonth AND r.project_id = b.projectId
  ${withPreviousMonth ? 'LEFT JOIN progress_reports rp ON rp.year = @year AND rp.month = b.previousMonth AND rp.project_id = b.projectId' : ''}
),
tested AS (
  SELECT *, CASE WHEN nature = 'new' AND started = 0 AND plannedStartMonth IS NOT NULL THEN @month - plannedStartMonth ELSE 0 END AS monthsLate,
    ${gapAbove('@redGap')} AS gapRed, ${gapAbove('@yellowGap')} AS gapYellow
  FROM reported
),
fig AS (
  SELECT *,
    CASE WHEN monthsLate >= @redLate THEN 'late' WHEN gapRed THEN 'gap' WHEN monthsLate >= @yellowLate THEN 'late' WHEN gapYellow THEN 'gap' END AS rule,
    CASE WHEN monthsLate >= @redLate OR gapRed THEN 'red' WHEN monthsLate >= @yellowLate OR gapYellow THEN 'yellow' ELSE 'green' END AS warning
  FROM tested
)`;
}

function baseParams(year: number, month: number, t: WarningThresholds): Record<string, unknown> {
  return {
    year,
    month,
    redLate: t.redMonthsLate,
    yellowLate: t.yellowMonthsLate,
    redGap: Math.round(t.redGap * 1000),
    yellowGap: Math.round(t.yellowGap * 1000),
  };
}

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
  warning: 'red' | 'yellow' | 'green';
  rule: 'late' | 'gap' | null;
  monthsLate: number;
}

/** Every project of year Y's list (filtered) with its figures as of month M, in list order. */
export function projectFigureRows(db: Db, year: number, month: number, filter: StatsFilter, thresholds: WarningThresholds): FigureRow[] {
  const params = baseParams(year, month, thresholds);
  const sql = `WITH ${figures(filter, params, true)}
SELECT f.projectId, p.code, p.name, f.level, c.name AS category, d.name AS district, f.leadDepartment, l.name AS contactLeader,
  f.nature, (SELECT group_concat(t.name, '、' ORDER BY t.sort_order, t.id) FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = f.projectId) AS tags,
  f.total AS totalInvestment, f.plan AS annualPlan, f.plannedStartMonth, f.completed AS completedToDate, f.completedLastMonth,
  f.reported, f.started, f.resumed, f.warning, f.rule, f.monthsLate
FROM fig f JOIN projects p ON p.id = f.projectId
LEFT JOIN categories c ON c.id = f.categoryId
LEFT JOIN districts d ON d.id = f.districtId
LEFT JOIN contact_leaders l ON l.id = f.contactLeaderId
ORDER BY f.sortOrder, f.projectId`;
  return stmt(db, sql).all(params) as FigureRow[];
}

/** Sums and counts of a group of projects: everything a Summary is made of. */
export interface GroupRow {
  projects: number;
  newProjects: number;
  continuedProjects: number;
  totalInvestment: number;
  annualPlan: number;
  completedToDate: number;
  startedNew: number;
  resumed: number;
  unreported: number;
  red: number;
  yellow: number;
  green: number;
}

const GROUP_SUMS = `count(*) AS projects, sum(nature = 'new') AS newProjects, sum(nature = 'continued') AS continuedProjects,
  sum(total) AS totalInvestment, sum(plan) AS annualPlan, sum(completed) AS completedToDate,
  sum(nature = 'new' AND started = 1) AS startedNew, sum(nature = 'continued' AND resumed = 1) AS resumed,
  sum(reported = 0) AS unreported, sum(warning = 'red') AS red, sum(warning = 'yellow') AS yellow, sum(warning = 'green') AS green`;

export type FineGroupRow = GroupRow & { level: string | null; categoryId: number | null; districtId: number | null; leadDepartment: string | null; size: string };

/**
 * The projects grouped at the finest grain the breakdowns need (level × category × district × lead
 * department × size): a few hundred rows from which every breakdown is an exact sum.
 */
export function fineGroups(db: Db, year: number, month: number, filter: StatsFilter, thresholds: WarningThresholds, buckets: readonly SizeBucket[]): FineGroupRow[] {
  const params = baseParams(year, month, thresholds);
  buckets.forEach((b, i) => {
    params[`bmin${i}`] = b.min;
    params[`bkey${i}`] = b.key;
  });
  const size = `CASE ${buckets.map((_, i) => `WHEN total >= @bmin${i} THEN @bkey${i}`).join(' ')} ELSE @bkey${buckets.length - 1} END`;
  const sql = `WITH ${figures(filter, params, false)}
SELECT level, categoryId, districtId, leadDepartment, ${size} AS size, ${GROUP_SUMS}
FROM fig GROUP BY 1, 2, 3, 4, 5`;
  return stmt(db, sql).all(params) as FineGroupRow[];
}

/** The projects grouped by tag (a project counts under each of its tags). */
export function tagGroups(db: Db, year: number, month: number, filter: StatsFilter, thresholds: WarningThresholds): (GroupRow & { tag: string })[] {
  const params = baseParams(year, month, thresholds);
  const sql = `WITH ${figures(filter, params, false)}
SELECT t.name AS tag, ${GROUP_SUMS}
FROM fig f JOIN project_tags pt ON pt.project_id = f.projectId JOIN tags t ON t.id = pt.tag_id
GROUP BY t.id ORDER BY t.sort_order, t.id`;
  return stmt(db, sql).all(params) as (GroupRow & { tag: string })[];
}

/** Whether year Y has a list at all (the previous year's statistics exist only then). */
export function yearHasList(db: Db, year: number): boolean {
  return stmt(db, 'SELECT 1 FROM year_plans WHERE year = ? LIMIT 1').get(year) !== undefined;
}
