/**
 * 0004: action-plan ledgers (台账): plans, and the items of their five ledgers. Values the office
 * types freely (quarterly plans, baselines like "≥95%") are kept as text, as written.
 */
export const up = /* sql */ `
CREATE TABLE action_plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE ledger_items (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plans(id) ON DELETE CASCADE,
  ledger TEXT NOT NULL CHECK (ledger IN ('tasks', 'keyTasks', 'indicators', 'pilots', 'innovations')),
  seq INTEGER NOT NULL,
  code TEXT,
  content TEXT NOT NULL,
  leader TEXT,
  department TEXT,
  office TEXT,
  staff TEXT,
  q1 TEXT,
  q2 TEXT,
  q3 TEXT,
  q4 TEXT,
  progress TEXT,
  status TEXT CHECK (status IN ('done', 'onTrack', 'lagging')),
  unit TEXT,
  baseline TEXT,
  target TEXT,
  actual TEXT,
  on_track INTEGER CHECK (on_track IN (0, 1)),
  updated_at TEXT NOT NULL
);
CREATE INDEX ledger_items_by_plan ON ledger_items (plan_id, ledger, seq);
`;
