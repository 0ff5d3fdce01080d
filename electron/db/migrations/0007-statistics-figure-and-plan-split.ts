/**
 * 0007: two figures and two plans (REAL-DOCUMENTS.md, "Two figures for one month").
 *
 * - progress_reports.statistics_to_date: the 纳统（统计入库）cumulative completed investment of
 *   year Y as of month M, in 元, beside the dispatch figure (completed_to_date). NULL when the
 *   month's report gives none: missing is not zero (a project not yet in the statistics has no
 *   statistics figure; it is not one of 0 元).
 * - plan_splits: a project's annual plan split by period, as the cumulative plan 1-M月 at the ends
 *   of the periods a list gives ("1季度计划", "1-6月计划", "上半年" …): one row per (project, year,
 *   month at the end of a period). Cumulative because that is what every comparison uses
 *   ("完成1-M月计划的X%"); a month inside a period is spread evenly over it (statistics/plan-split.ts).
 *
 * Both money columns refuse non-integers like migration 0006's, and plan_splits moves the list
 * version like the tables of migration 0003, since the engine keeps a year's splits in memory.
 */
const moneyTriggers = (table: string, column: string) =>
  ['INSERT', 'UPDATE']
    .map(
      (event) => `CREATE TRIGGER ${table}_${column}_integer_${event.toLowerCase()} BEFORE ${event} ON ${table}
WHEN NEW.${column} IS NOT NULL AND typeof(NEW.${column}) <> 'integer'
BEGIN SELECT RAISE(ABORT, '金额必须是整数（以元计）'); END;`,
    )
    .join('\n');

const listVersionTriggers = ['INSERT', 'UPDATE', 'DELETE']
  .map(
    (event) => `CREATE TRIGGER plan_splits_${event.toLowerCase()}_list_version AFTER ${event} ON plan_splits
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;`,
  )
  .join('\n');

export const up = /* sql */ `
ALTER TABLE progress_reports ADD COLUMN statistics_to_date INTEGER CHECK (statistics_to_date >= 0);
${moneyTriggers('progress_reports', 'statistics_to_date')}

CREATE TABLE plan_splits (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  planned_to_date INTEGER NOT NULL CHECK (planned_to_date >= 0),
  PRIMARY KEY (year, project_id, month)
) WITHOUT ROWID;
${moneyTriggers('plan_splits', 'planned_to_date')}
${listVersionTriggers}
`;
