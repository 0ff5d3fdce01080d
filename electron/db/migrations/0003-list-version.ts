/**
 * 0003: a version number of the project lists, raised by triggers on every change to what the
 * statistics engine reads about a project (its record, year plans, tags) and to the lists that
 * name them. The engine keeps a year's list in memory and re-reads it only when this number has
 * moved, so a dashboard redrawn after a monthly figure changes reads just that month's reports.
 * Triggers (not calls in our code) because every writer — the app, `kpw`, an undo — goes through
 * SQLite, and a forgotten call would mean wrong numbers.
 */
const WATCHED = ['projects', 'year_plans', 'project_tags', 'categories', 'districts', 'contact_leaders', 'tags'];

const triggers = WATCHED.flatMap((table) =>
  ['INSERT', 'UPDATE', 'DELETE'].map(
    (event) => `CREATE TRIGGER ${table}_${event.toLowerCase()}_list_version AFTER ${event} ON ${table}
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;`,
  ),
).join('\n');

export const up = /* sql */ `
CREATE TABLE data_versions (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO data_versions (name, version) VALUES ('lists', 0);
${triggers}
`;
