/**
 * 0010: what issue 19 finished.
 *
 * Procedure kinds can be retired (设置): a kind some project has recorded dates for cannot be
 * deleted without losing them, so it is hidden instead — off the grid, the wall chart, the counts
 * and the warnings — and can be brought back with its data.
 *
 * Bank support by project (要素保障): the year's totals stay in support_bank (the office's own
 * figures, "支持重点项目32个，授信额度125.15亿元…"); the loans of one project, with its bank, are
 * kept here, linked to the project where it is on a list, so the year's figures can be added up
 * from them when the office has no totals of its own.
 *
 * 0009's bank totals refused a figure left unknown (its checks were false for NULL): rebuilt.
 *
 * Overdue procedures are a warning rule from this version (statistics/warning-rules.ts): an office
 * that saved its choice of rules gets the new one added to it, as a library that never chose does
 * by default. (A month closed before this version keeps the rules it was closed with: its copy is
 * told apart by the version it was taken at, month-freeze.ts.)
 */
export const up = /* sql */ `
ALTER TABLE procedure_kinds ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));

CREATE TABLE support_bank_loans (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  project_name TEXT NOT NULL CHECK (length(project_name) > 0),
  bank TEXT,
  credit INTEGER CHECK (credit IS NULL OR (credit >= 0 AND typeof(credit) = 'integer')),
  loans INTEGER CHECK (loans IS NULL OR (loans >= 0 AND typeof(loans) = 'integer')),
  balance INTEGER CHECK (balance IS NULL OR (balance >= 0 AND typeof(balance) = 'integer')),
  note TEXT
);
CREATE INDEX support_bank_loans_by_year ON support_bank_loans (year);

-- 0009's checks refused an unknown figure (NULL AND … is not true): the table is rebuilt with
-- checks that let a figure nobody gave stay NULL, its rows kept.
CREATE TABLE support_bank_new (
  year INTEGER PRIMARY KEY,
  projects INTEGER CHECK (projects IS NULL OR projects >= 0),
  credit INTEGER CHECK (credit IS NULL OR (credit >= 0 AND typeof(credit) = 'integer')),
  loans INTEGER CHECK (loans IS NULL OR (loans >= 0 AND typeof(loans) = 'integer')),
  balance INTEGER CHECK (balance IS NULL OR (balance >= 0 AND typeof(balance) = 'integer'))
) WITHOUT ROWID;
INSERT INTO support_bank_new SELECT year, projects, credit, loans, balance FROM support_bank;
DROP TABLE support_bank;
ALTER TABLE support_bank_new RENAME TO support_bank;

UPDATE settings SET value = json_insert(value, '$.rules[#]', 'procedure')
WHERE key = 'statistics.thresholds' AND json_valid(value) AND json_type(value, '$.rules') = 'array'
  AND NOT EXISTS (SELECT 1 FROM json_each(value, '$.rules') WHERE json_each.value = 'procedure');
`;
