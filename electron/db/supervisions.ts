/** The 督办 records (migration 0007): whole-row reads and writes, as the change log keeps them. */
import type { SupervisionRow } from '../../shared/supervision';
import type { Db } from './connection';
import { query, stmt, valueQuery } from './statements';

export interface SupervisionSnapshot {
  id: number;
  project_id: number;
  year: number;
  month: number;
  number: string;
  form: string;
  level: string;
  problem_id: number | null;
  reason: string;
  issued_date: string;
  deadline: string;
  feedback: string | null;
  feedback_date: string | null;
  /** CHECK (review IN ('accepted', 'returned')) in migration 0008. */
  review: SupervisionRow['review'];
  review_note: string | null;
  reviewed_date: string | null;
  closed_date: string | null;
}

const COLUMNS = ['id', 'project_id', 'year', 'month', 'number', 'form', 'level', 'problem_id', 'reason', 'issued_date', 'deadline', 'feedback', 'feedback_date', 'review', 'review_note', 'reviewed_date', 'closed_date'] as const;

export function insertSupervision(db: Db, s: Omit<SupervisionSnapshot, 'id'> & { id?: number }): number {
  return Number(stmt(db, `INSERT INTO supervisions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run({ id: null, ...s }).lastInsertRowid);
}

const SUPERVISION = query<[id: number], SupervisionSnapshot>('SELECT * FROM supervisions WHERE id = ?');
export function readSupervision(db: Db, id: number): SupervisionSnapshot | undefined {
  return SUPERVISION(db).get(id);
}

/** Replace a record's row (its id stays). */
export function writeSupervision(db: Db, s: SupervisionSnapshot): void {
  stmt(db, `UPDATE supervisions SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(s);
}

export function deleteSupervision(db: Db, id: number): void {
  stmt(db, 'DELETE FROM supervisions WHERE id = ?').run(id);
}

/** The next 督办编号 of year Y: one more than the highest sequence used. */
const HIGHEST_SEQUENCE = valueQuery<[year: number], number | null>("SELECT max(CAST(substr(number, instr(number, '-') + 1) AS INTEGER)) FROM supervisions WHERE year = ?");
export function nextSupervisionSequence(db: Db, year: number): number {
  return (HIGHEST_SEQUENCE(db).one(year) ?? 0) + 1;
}

/** A record with its project's name, district and responsible unit. */
export type SupervisionOfYear = SupervisionSnapshot & { project_name: string; district: string | null; responsible_unit: string | null };
const SUPERVISIONS_OF_YEAR = query<[year: number], SupervisionOfYear>(
  `SELECT s.*, p.name AS project_name, d.name AS district, p.responsible_unit
   FROM supervisions s
   JOIN projects p ON p.id = s.project_id
   LEFT JOIN districts d ON d.id = p.district_id
   WHERE s.year = ?
   ORDER BY s.issued_date, s.id`,
);

/** Year Y's records with their project's name, district and responsible unit, oldest first. */
export function supervisionsOfYear(db: Db, year: number): SupervisionOfYear[] {
  return SUPERVISIONS_OF_YEAR(db).all(year);
}

/** The dates a record's status follows from (shared/supervision.ts supervisionStatus). */
export function supervisionDates(s: SupervisionSnapshot): Pick<SupervisionRow, 'feedbackDate' | 'review' | 'reviewedDate' | 'closedDate' | 'deadline'> {
  return { feedbackDate: s.feedback_date, review: s.review, reviewedDate: s.reviewed_date, closedDate: s.closed_date, deadline: s.deadline };
}
