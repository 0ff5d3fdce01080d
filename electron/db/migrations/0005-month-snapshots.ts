/**
 * 0005: the frozen state of a closed month (关账). When Y年M月 is closed, the data every figure of
 * that month is computed from — the years' lists, the reports up to M, the previous year for 同比,
 * the problems, the warning rules and other settings — is kept here as a compressed copy of the
 * library, and every figure of that month is computed from it until the month is reopened. Later
 * edits, imports and list changes then go on in the library without moving a signed figure.
 * Kept inside the library so that backups, restores and a copied file keep it too. `data` is the
 * copy as sqlite3_serialize writes it, deflated; `schema_version` the schema it was taken with (a
 * copy is migrated in memory when read).
 */
export const up = /* sql */ `
CREATE TABLE month_snapshots (
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  taken_at TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (year, month)
) WITHOUT ROWID;
`;
