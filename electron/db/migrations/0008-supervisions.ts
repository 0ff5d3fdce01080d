/**
 * 0008: 督办 as a loop. Each 预警通知书 or 督办单 sent to a project's responsible unit is recorded
 * with its level (蓝/黄/红), the month it was sent for, its deadline, the unit's written feedback,
 * the office's review (accepted, or returned to be done again) and its closing. The status is not
 * stored: it follows from those dates (shared/supervision.ts), so it can never disagree with them.
 */
export const up = /* sql */ `
CREATE TABLE supervisions (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  number TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('notice', 'supervision')),
  level TEXT NOT NULL CHECK (level IN ('blue', 'yellow', 'red')),
  problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  issued_date TEXT NOT NULL,
  deadline TEXT NOT NULL,
  feedback TEXT,
  feedback_date TEXT,
  review TEXT CHECK (review IN ('accepted', 'returned')),
  review_note TEXT,
  reviewed_date TEXT,
  closed_date TEXT,
  UNIQUE (year, number)
);
CREATE INDEX supervisions_by_month ON supervisions (year, month);
`;
