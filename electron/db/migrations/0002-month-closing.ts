/**
 * 0002: closing a month (关账) so that its figures cannot change by accident, and the log of
 * closings and reopenings with the reason given.
 */
export const up = /* sql */ `
CREATE TABLE month_closings (
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  closed_at TEXT NOT NULL,
  PRIMARY KEY (year, month)
) WITHOUT ROWID;

CREATE TABLE month_closing_log (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
  reason TEXT,
  at TEXT NOT NULL
);
`;
