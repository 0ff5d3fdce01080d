/**
 * 0009: a project's life cycle (issue 19). The stage moves from the project to each year's list —
 * a project is 储备 on 2024's list and 前期 on 2025's — with the stage it came from and the day it
 * changed, so conversions (储备→前期→开工) can be counted as of any month end; a 前期 project's
 * 年度工作目标 takes the place of its investment plan. The project's own stage is copied onto every
 * year it is listed in; the old column stays (nothing reads it), as dropping it would rebuild the
 * table other tables point at.
 *
 * Preparatory procedures (前期手续): a configurable list of kinds, each project's planned and
 * actual date and document number. A procedure known to be obtained without its date (a sheet says
 * 已办) keeps the day it was recorded, so it counts from that day and never before.
 *
 * 要素保障: funds obtained from above by source and year, bank support by year, land solved; each
 * linked to a project where known.
 */
const STAGES = "('reserve', 'preparation', 'construction', 'completed', 'production')";

export const up = /* sql */ `
ALTER TABLE year_plans ADD COLUMN stage TEXT CHECK (stage IN ${STAGES});
ALTER TABLE year_plans ADD COLUMN previous_stage TEXT CHECK (previous_stage IN ${STAGES});
ALTER TABLE year_plans ADD COLUMN stage_changed_on TEXT;
ALTER TABLE year_plans ADD COLUMN work_target TEXT;
UPDATE year_plans SET stage = (SELECT p.stage FROM projects p WHERE p.id = year_plans.project_id);

CREATE TABLE procedure_kinds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  -- What the offices' sentences count: "其中立项、备案N个，施工许可证N个".
  role TEXT CHECK (role IN ('approval', 'constructionPermit')),
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO procedure_kinds (name, role, sort_order) VALUES
  ('立项/备案', 'approval', 1), ('用地预审', NULL, 2), ('用地批复', NULL, 3), ('规划许可', NULL, 4),
  ('环评批复', NULL, 5), ('能评', NULL, 6), ('施工许可', 'constructionPermit', 7);

CREATE TABLE project_procedures (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind_id INTEGER NOT NULL REFERENCES procedure_kinds(id) ON DELETE CASCADE,
  planned_date TEXT,
  obtained_date TEXT,
  -- The day it was recorded as obtained: set whenever it is; the count uses obtained_date when known.
  recorded_on TEXT,
  document_number TEXT,
  PRIMARY KEY (project_id, kind_id),
  CHECK (obtained_date IS NULL OR recorded_on IS NOT NULL)
) WITHOUT ROWID;

CREATE TABLE support_funds (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('central', 'ultraLongBond', 'specialBond', 'other')),
  amount INTEGER NOT NULL CHECK (amount >= 0 AND typeof(amount) = 'integer'),
  project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  project_name TEXT,
  note TEXT
);
CREATE INDEX support_funds_by_year ON support_funds (year, source);

CREATE TABLE support_bank (
  year INTEGER PRIMARY KEY,
  projects INTEGER CHECK (projects >= 0),
  credit INTEGER CHECK (credit >= 0 AND typeof(credit) = 'integer'),
  loans INTEGER CHECK (loans >= 0 AND typeof(loans) = 'integer'),
  balance INTEGER CHECK (balance >= 0 AND typeof(balance) = 'integer')
) WITHOUT ROWID;

CREATE TABLE support_land (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  -- 亩 in hundredths, so sums are exact like money.
  area_centimu INTEGER NOT NULL CHECK (area_centimu >= 0 AND typeof(area_centimu) = 'integer'),
  project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  project_name TEXT,
  note TEXT
);
CREATE INDEX support_land_by_year ON support_land (year);
`;
