/**
 * 0001: the first schema. Money columns hold integers counting 0.0001 万元 (元), so sums are exact.
 * Lists (categories, districts, tags, contact leaders) are referenced by id so that renaming an entry
 * renames it everywhere.
 */
export const up = /* sql */ `
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  lead_department TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE districts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact_leaders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  title TEXT
);

-- A project keeps its identity across years; what changes by year lives in year_plans.
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  name_initials TEXT NOT NULL DEFAULT '',
  district_id INTEGER REFERENCES districts(id),
  owner_unit TEXT,
  scope TEXT,
  start_year INTEGER,
  end_year INTEGER,
  start_date TEXT,
  stage TEXT CHECK (stage IN ('reserve', 'preparation', 'construction', 'completed', 'production')),
  total_investment INTEGER CHECK (total_investment >= 0),
  contact_leader_id INTEGER REFERENCES contact_leaders(id),
  responsible_unit TEXT,
  responsible_person TEXT,
  phone TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE project_tags (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, tag_id)
) WITHOUT ROWID;

-- Year Y's list: a project is a key project of year Y when it has a row here.
CREATE TABLE year_plans (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  level TEXT CHECK (level IN ('province', 'city', 'county')),
  category_id INTEGER REFERENCES categories(id),
  lead_department TEXT,
  nature TEXT CHECK (nature IN ('new', 'continued')),
  annual_plan INTEGER CHECK (annual_plan >= 0),
  planned_start_month INTEGER CHECK (planned_start_month BETWEEN 1 AND 12),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, year)
) WITHOUT ROWID;
CREATE INDEX year_plans_by_year ON year_plans (year, sort_order);

-- One report per project per month of a year; completed_to_date is cumulative from January.
CREATE TABLE progress_reports (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  completed_to_date INTEGER NOT NULL DEFAULT 0 CHECK (completed_to_date >= 0),
  started INTEGER NOT NULL DEFAULT 0 CHECK (started IN (0, 1)),
  resumed INTEGER NOT NULL DEFAULT 0 CHECK (resumed IN (0, 1)),
  start_date TEXT,
  in_statistics INTEGER NOT NULL DEFAULT 0 CHECK (in_statistics IN (0, 1)),
  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  in_production INTEGER NOT NULL DEFAULT 0 CHECK (in_production IN (0, 1)),
  visual_progress TEXT,
  reported_at TEXT NOT NULL,
  PRIMARY KEY (year, month, project_id)
) WITHOUT ROWID;
CREATE INDEX progress_reports_by_project ON progress_reports (project_id, year, month);

CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER,
  type TEXT NOT NULL DEFAULT 'other'
    CHECK (type IN ('land', 'funds', 'environment', 'energy', 'approval', 'demolition', 'other')),
  description TEXT NOT NULL,
  owner_department TEXT,
  raised_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved')),
  solved_date TEXT,
  resolution TEXT
);
CREATE INDEX problems_by_project ON problems (project_id);

-- The change log. One change set per user action (an edit, a paste, an add, a delete), so undo
-- and redo work by whole actions and survive a restart. project_id has no foreign key: the log
-- outlives the rows it describes.
CREATE TABLE change_sets (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'))
);
CREATE INDEX change_sets_by_state ON change_sets (state, id);

CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  change_set_id INTEGER NOT NULL REFERENCES change_sets(id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL,
  year INTEGER,
  op TEXT NOT NULL CHECK (op IN ('update', 'insert', 'delete')),
  field TEXT,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX changes_by_set ON changes (change_set_id);
CREATE INDEX changes_by_project ON changes (project_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;
