/**
 * 0011: the monthly reports' amounts are checked by CHECK constraints instead of 0006's and 0007's
 * triggers. A BEFORE trigger runs a sub-program for every row written; loading a province's four
 * years of reports (~1,000,000 rows) spent about a third of its time in those four triggers, where
 * a CHECK is one expression evaluated inside the insert itself.
 *
 * SQLite cannot add a CHECK to an existing table, so progress_reports is rebuilt with its rows, its
 * columns in the same order, and its index. Nothing else refers to it (no foreign key, view or
 * other table's trigger), which is why this table, unlike projects, can be rebuilt safely.
 *
 * Each check is named with the Chinese sentence the user should read (SQLite reports a failed CHECK
 * as "CHECK constraint failed: <name>"); services/api-error.ts turns that into the refusal shown.
 * The other money columns (projects, year_plans, plan_splits) keep their triggers: they are written
 * a row at a time, and projects is pointed at by other tables.
 */
export const REPORT_MONEY_CHECKS = {
  completed_to_date: '金额必须是整数（以元计）：月报的累计完成投资',
  statistics_to_date: '金额必须是整数（以元计）：月报的纳统累计完成投资',
} as const;

const integer = (column: keyof typeof REPORT_MONEY_CHECKS) =>
  `CONSTRAINT "${REPORT_MONEY_CHECKS[column]}" CHECK (${column} IS NULL OR typeof(${column}) = 'integer')`;

export const up = /* sql */ `
CREATE TABLE progress_reports_new (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  completed_to_date INTEGER NOT NULL DEFAULT 0 CHECK (completed_to_date >= 0) ${integer('completed_to_date')},
  started INTEGER NOT NULL DEFAULT 0 CHECK (started IN (0, 1)),
  resumed INTEGER NOT NULL DEFAULT 0 CHECK (resumed IN (0, 1)),
  start_date TEXT,
  in_statistics INTEGER NOT NULL DEFAULT 0 CHECK (in_statistics IN (0, 1)),
  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  in_production INTEGER NOT NULL DEFAULT 0 CHECK (in_production IN (0, 1)),
  visual_progress TEXT,
  reported_at TEXT NOT NULL,
  statistics_to_date INTEGER CHECK (statistics_to_date >= 0) ${integer('statistics_to_date')},
  PRIMARY KEY (year, month, project_id)
) WITHOUT ROWID;
INSERT INTO progress_reports_new SELECT project_id, year, month, completed_to_date, started, resumed, start_date,
  in_statistics, completed, in_production, visual_progress, reported_at, statistics_to_date FROM progress_reports;
DROP TABLE progress_reports;
ALTER TABLE progress_reports_new RENAME TO progress_reports;
CREATE INDEX progress_reports_by_project ON progress_reports (project_id, year, month);
`;
