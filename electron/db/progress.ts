/**
 * SQL for monthly progress reports (月调度) and problems (问题清单). A report holds the cumulative
 * completed investment of year Y as of month M, in 元, and the start status.
 */
import { monthEndDate } from '../../shared/domain';
import { sumMoney, type Money } from '../../shared/money';
import type { Db } from './connection';
import { insertRows, query, stmt, tupleQuery, valueQuery } from './statements';

/** A report as stored (snake_case columns), as the change log keeps it. */
export interface ReportSnapshot {
  project_id: number;
  year: number;
  month: number;
  completed_to_date: Money;
  /**
   * 纳统（统计入库）cumulative completed investment (元), or null: the report gives none (migration
   * 0007). Absent from reports kept in the change log before 0007, and from bulk loads without it.
   */
  statistics_to_date?: Money | null;
  started: number;
  resumed: number;
  start_date: string | null;
  in_statistics: number;
  completed: number;
  in_production: number;
  visual_progress: string | null;
  reported_at: string;
}

type ReportKey = [projectId: number, year: number, month: number];
const REPORT = query<ReportKey, ReportSnapshot>('SELECT * FROM progress_reports WHERE project_id = ? AND year = ? AND month = ?');
const REPORT_BEFORE = query<ReportKey, ReportSnapshot>('SELECT * FROM progress_reports WHERE project_id = ? AND year = ? AND month < ? ORDER BY month DESC LIMIT 1');
const REPORTS_BEFORE = query<ReportKey, ReportSnapshot>('SELECT * FROM progress_reports WHERE project_id = ? AND year = ? AND month < ? ORDER BY month');

export function readReport(db: Db, projectId: number, year: number, month: number): ReportSnapshot | undefined {
  return REPORT(db).get(projectId, year, month);
}

/** The latest report of year Y before month M (what "last month" carries forward). */
export function readReportBefore(db: Db, projectId: number, year: number, month: number): ReportSnapshot | undefined {
  return REPORT_BEFORE(db).get(projectId, year, month);
}

/** A project's reports of year Y before month M, by month (the months a dispatch import checks against). */
export function reportsBefore(db: Db, projectId: number, year: number, month: number): Map<number, ReportSnapshot> {
  return new Map(REPORTS_BEFORE(db).all(projectId, year, month).map((r) => [r.month, r]));
}

const EARLIER_YEARS = query<[projectId: number, year: number], { year: number; completed_to_date: Money }>(
  `SELECT r.year, r.completed_to_date FROM progress_reports r
   WHERE r.project_id = ? AND r.year < ?
     AND r.month = (SELECT max(month) FROM progress_reports l WHERE l.project_id = r.project_id AND l.year = r.year)
   ORDER BY r.year`,
);

/**
 * What the library holds of a project's completed investment in the years before Y: each earlier
 * year's latest report (a year's cumulative runs from January), added up, and which years those are.
 */
export function earlierYearsCompleted(db: Db, projectId: number, year: number): { total: Money; years: number[] } {
  const rows = EARLIER_YEARS(db).all(projectId, year);
  return { total: sumMoney(rows.map((r) => r.completed_to_date)), years: rows.map((r) => r.year) };
}

export function writeReport(db: Db, r: ReportSnapshot): void {
  stmt(
    db,
    `INSERT INTO progress_reports (project_id, year, month, completed_to_date, statistics_to_date, started, resumed, start_date, in_statistics,
       completed, in_production, visual_progress, reported_at)
     VALUES (@project_id, @year, @month, @completed_to_date, @statistics_to_date, @started, @resumed, @start_date, @in_statistics,
       @completed, @in_production, @visual_progress, @reported_at)
     ON CONFLICT (year, month, project_id) DO UPDATE SET completed_to_date = excluded.completed_to_date,
       statistics_to_date = excluded.statistics_to_date,
       started = excluded.started, resumed = excluded.resumed, start_date = excluded.start_date,
       in_statistics = excluded.in_statistics, completed = excluded.completed, in_production = excluded.in_production,
       visual_progress = excluded.visual_progress, reported_at = excluded.reported_at`,
    // A report kept in the change log before migration 0007 has no statistics figure.
  ).run({ statistics_to_date: null, ...r });
}

export function deleteReport(db: Db, projectId: number, year: number, month: number): void {
  stmt(db, 'DELETE FROM progress_reports WHERE project_id = ? AND year = ? AND month = ?').run(projectId, year, month);
}

export interface ProblemSnapshot {
  id: number;
  project_id: number;
  year: number | null;
  type: string;
  description: string;
  owner_department: string | null;
  raised_date: string;
  status: string;
  solved_date: string | null;
  resolution: string | null;
}

const OPEN_PROBLEM = valueQuery<[projectId: number, description: string], 1>("SELECT 1 FROM problems WHERE project_id = ? AND description = ? AND status = 'open'");

/** Whether the project already has an open problem with exactly this text. */
export function hasOpenProblem(db: Db, projectId: number, description: string): boolean {
  return OPEN_PROBLEM(db).get(projectId, description) !== undefined;
}

export function insertProblem(db: Db, p: Omit<ProblemSnapshot, 'id'> & { id?: number }): number {
  return Number(
    stmt(
      db,
      `INSERT INTO problems (id, project_id, year, type, description, owner_department, raised_date, status, solved_date, resolution)
       VALUES (@id, @project_id, @year, @type, @description, @owner_department, @raised_date, @status, @solved_date, @resolution)`,
    ).run({ id: null, ...p }).lastInsertRowid,
  );
}

const PROBLEM = query<[id: number], ProblemSnapshot>('SELECT * FROM problems WHERE id = ?');

export function readProblem(db: Db, id: number): ProblemSnapshot | undefined {
  return PROBLEM(db).get(id);
}

export function deleteProblem(db: Db, id: number): void {
  stmt(db, 'DELETE FROM problems WHERE id = ?').run(id);
}

const REPORT_COLUMNS = [
  'project_id', 'year', 'month', 'completed_to_date', 'statistics_to_date', 'started', 'resumed', 'start_date', 'in_statistics', 'completed', 'in_production',
  'visual_progress', 'reported_at',
] as const;

/** Insert many reports in the caller's transaction, a hundred rows per statement (bulk loads). */
export function insertReports(db: Db, reports: readonly ReportSnapshot[]): void {
  // In the table's key order (year, month, project), so each insert lands at the end of its B-tree page.
  const ordered = [...reports].sort((a, b) => a.year - b.year || a.month - b.month || a.project_id - b.project_id);
  insertRows(db, 'progress_reports', REPORT_COLUMNS, ordered.length, (out, k) => {
    const r = ordered[k]!;
    for (const c of REPORT_COLUMNS) out.push(r[c] ?? null);
  });
}

const MONTH_CLOSED = valueQuery<[year: number, month: number], 1>('SELECT 1 FROM month_closings WHERE year = ? AND month = ?');
export function isMonthClosed(db: Db, year: number, month: number): boolean {
  return MONTH_CLOSED(db).get(year, month) !== undefined;
}

export function closeMonthRow(db: Db, year: number, month: number, at: string): void {
  stmt(db, 'INSERT OR IGNORE INTO month_closings (year, month, closed_at) VALUES (?, ?, ?)').run(year, month, at);
  stmt(db, "INSERT INTO month_closing_log (year, month, action, reason, at) VALUES (?, ?, 'close', NULL, ?)").run(year, month, at);
}

export function reopenMonthRow(db: Db, year: number, month: number, reason: string, at: string): void {
  stmt(db, 'DELETE FROM month_closings WHERE year = ? AND month = ?').run(year, month);
  stmt(db, "INSERT INTO month_closing_log (year, month, action, reason, at) VALUES (?, ?, 'reopen', ?, ?)").run(year, month, reason, at);
}

export interface MonthClosingEntry {
  action: 'close' | 'reopen';
  reason: string | null;
  at: string;
}
const CLOSING_LOG = query<[year: number, month: number], MonthClosingEntry>('SELECT action, reason, at FROM month_closing_log WHERE year = ? AND month = ? ORDER BY id DESC');

export function monthClosingLog(db: Db, year: number, month: number): MonthClosingEntry[] {
  return CLOSING_LOG(db).all(year, month);
}

/** Month M's reports of year Y by project (the fields the figures do not carry). */
const MONTH_REPORTS = query<[year: number, month: number], ReportSnapshot>('SELECT * FROM progress_reports WHERE year = ? AND month = ?');
export function monthReports(db: Db, year: number, month: number): Map<number, ReportSnapshot> {
  return new Map(MONTH_REPORTS(db).all(year, month).map((r) => [r.project_id, r]));
}

/** The day month M's reports came in (the latest one's date, YYYY-MM-DD), or null when none did. */
const LATEST_REPORT = valueQuery<[year: number, month: number], string | null>('SELECT max(substr(reported_at, 1, 10)) FROM progress_reports WHERE year = ? AND month = ?');
export function latestReportDate(db: Db, year: number, month: number): string | null {
  const day = LATEST_REPORT(db).one(year, month);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** Open problems by project, oldest first. */
const OPEN_PROBLEMS = tupleQuery<[], [projectId: number, description: string]>("SELECT project_id, description FROM problems WHERE status = 'open' ORDER BY id");
export function openProblemsByProject(db: Db): Map<number, string[]> {
  const rows = OPEN_PROBLEMS(db).all();
  const map = new Map<number, string[]>();
  for (const [id, text] of rows) {
    const list = map.get(id);
    if (list) list.push(text);
    else map.set(id, [text]);
  }
  return map;
}

/**
 * Problems of year Y's projects as they stood at the end of month M: raised by then, and solved by
 * then or still open. A problem counts for Y when it was raised for Y, or for no year in
 * particular, on a project of Y's list.
 */
const PROBLEMS_OF_YEAR = `
  FROM problems pr
  JOIN year_plans yp ON yp.project_id = pr.project_id AND yp.year = @year
  JOIN projects p ON p.id = pr.project_id
  WHERE (pr.year IS NULL OR pr.year = @year) AND pr.raised_date <= @asOf`;

type AsOf = { year: number; asOf: string };
const PROBLEM_COUNTS = tupleQuery<[AsOf], [total: number, solved: number, projects: number]>(
  `SELECT count(*), coalesce(sum(pr.status = 'solved' AND pr.solved_date <= @asOf), 0), count(DISTINCT pr.project_id) ${PROBLEMS_OF_YEAR}`,
);

export function problemCounts(db: Db, year: number, month: number): { total: number; solved: number; open: number; projects: number } {
  const [total, solved, projects] = PROBLEM_COUNTS(db).one({ year, asOf: monthEndDate(year, month) });
  return { total, solved, open: total - solved, projects };
}

/**
 * The projects of year Y's list with problems as counted by problemCounts at the end of month M:
 * any raised by then, one still open then, or one solved by then.
 */
const withProblems = (status: string) => valueQuery<[AsOf], number>(`SELECT DISTINCT pr.project_id ${PROBLEMS_OF_YEAR}${status}`);
const WITH_PROBLEMS = {
  any: withProblems(''),
  open: withProblems(" AND NOT (pr.status = 'solved' AND pr.solved_date <= @asOf)"),
  solved: withProblems(" AND pr.status = 'solved' AND pr.solved_date <= @asOf"),
};
export function projectsWithProblems(db: Db, year: number, month: number, which: keyof typeof WITH_PROBLEMS): Set<number> {
  return new Set(WITH_PROBLEMS[which](db).all({ year, asOf: monthEndDate(year, month) }));
}

export interface OpenProblem {
  projectId: number;
  projectName: string;
  type: string;
  description: string;
  ownerDepartment: string | null;
  raisedDate: string;
}
const OLDEST_OPEN = query<[AsOf & { limit: number }], OpenProblem>(
  `SELECT pr.project_id AS projectId, p.name AS projectName, pr.type, pr.description, pr.owner_department AS ownerDepartment, pr.raised_date AS raisedDate
   ${PROBLEMS_OF_YEAR} AND NOT (pr.status = 'solved' AND pr.solved_date <= @asOf)
   ORDER BY pr.raised_date, pr.id LIMIT @limit`,
);

/** The oldest problems still open at the end of month M, with their project's name. */
export function oldestOpenProblems(db: Db, year: number, month: number, limit: number): OpenProblem[] {
  return OLDEST_OPEN(db).all({ year, asOf: monthEndDate(year, month), limit });
}

/** The problems still open at the end of month M by type, the most frequent first. */
const OPEN_TYPES = query<[AsOf], { type: string; count: number }>(
  `SELECT pr.type AS type, count(*) AS count ${PROBLEMS_OF_YEAR} AND NOT (pr.status = 'solved' AND pr.solved_date <= @asOf)
   GROUP BY pr.type ORDER BY count(*) DESC, min(pr.raised_date)`,
);
export function openProblemTypes(db: Db, year: number, month: number): { type: string; count: number }[] {
  return OPEN_TYPES(db).all({ year, asOf: monthEndDate(year, month) });
}

/** A problem with its project's name and lists. */
export type ProblemOfYear = ProblemSnapshot & { project_name: string; district: string | null; category: string | null; contact_leader: string | null };
const PROBLEMS_OF_A_YEAR = query<[{ year: number }], ProblemOfYear>(
  `SELECT pr.*, p.name AS project_name, d.name AS district, c.name AS category, l.name AS contact_leader
   FROM problems pr
   JOIN year_plans yp ON yp.project_id = pr.project_id AND yp.year = @year
   JOIN projects p ON p.id = pr.project_id
   LEFT JOIN districts d ON d.id = p.district_id
   LEFT JOIN categories c ON c.id = yp.category_id
   LEFT JOIN contact_leaders l ON l.id = p.contact_leader_id
   WHERE pr.year IS NULL OR pr.year = @year
   ORDER BY pr.raised_date, pr.id`,
);

/** Every problem of year Y's projects (raised for Y or for no year), with its project's name and lists. */
export function problemsOfYear(db: Db, year: number): ProblemOfYear[] {
  return PROBLEMS_OF_A_YEAR(db).all({ year });
}

/** Replace a problem's row (its id stays). */
export function writeProblem(db: Db, p: ProblemSnapshot): void {
  stmt(
    db,
    `UPDATE problems SET project_id = @project_id, year = @year, type = @type, description = @description, owner_department = @owner_department,
       raised_date = @raised_date, status = @status, solved_date = @solved_date, resolution = @resolution WHERE id = @id`,
  ).run(p);
}
