/** SQL of the 要素保障 ledger (migration 0009): funds by source, bank support by year, land solved. */
import type { BankSupport, FundEntry, FundSource, LandEntry } from '../../shared/support';
import type { Db } from './connection';
import { query, stmt } from './statements';

const FUND_SELECT = `SELECT f.id, f.year, f.source, f.amount, f.project_id AS projectId, coalesce(p.name, f.project_name) AS projectName, f.note
  FROM support_funds f LEFT JOIN projects p ON p.id = f.project_id`;

const FUNDS_OF_YEARS = query<[years: string], FundEntry>(`${FUND_SELECT} WHERE f.year IN (SELECT value FROM json_each(?)) ORDER BY f.year, f.id`);
const BANK = query<[year: number], BankSupport>('SELECT year, projects, credit, loans, balance FROM support_bank WHERE year = ?');
const LAND_OF_YEAR = query<[year: number], LandEntry>(
  `SELECT l.id, l.year, l.area_centimu AS areaCentimu, l.project_id AS projectId, coalesce(p.name, l.project_name) AS projectName, l.note
   FROM support_land l LEFT JOIN projects p ON p.id = l.project_id WHERE l.year = ? ORDER BY l.id`,
);

export function fundsOfYears(db: Db, years: readonly number[]): FundEntry[] {
  return FUNDS_OF_YEARS(db).all(JSON.stringify(years));
}

export function insertFund(db: Db, f: { year: number; source: FundSource; amount: number; projectId: number | null; projectName: string | null; note: string | null }): number {
  return Number(
    stmt(db, 'INSERT INTO support_funds (year, source, amount, project_id, project_name, note) VALUES (?, ?, ?, ?, ?, ?)').run(f.year, f.source, f.amount, f.projectId, f.projectName, f.note).lastInsertRowid,
  );
}

export function deleteFund(db: Db, id: number): number {
  return stmt(db, 'DELETE FROM support_funds WHERE id = ?').run(id).changes;
}

export function readBank(db: Db, year: number): BankSupport | null {
  return BANK(db).get(year) ?? null;
}

export function writeBank(db: Db, b: BankSupport): void {
  stmt(db, 'INSERT OR REPLACE INTO support_bank (year, projects, credit, loans, balance) VALUES (@year, @projects, @credit, @loans, @balance)').run(b);
}

export function landOfYear(db: Db, year: number): LandEntry[] {
  return LAND_OF_YEAR(db).all(year);
}

export function insertLand(db: Db, l: { year: number; areaCentimu: number; projectId: number | null; projectName: string | null; note: string | null }): number {
  return Number(stmt(db, 'INSERT INTO support_land (year, area_centimu, project_id, project_name, note) VALUES (?, ?, ?, ?, ?)').run(l.year, l.areaCentimu, l.projectId, l.projectName, l.note).lastInsertRowid);
}

export function deleteLand(db: Db, id: number): number {
  return stmt(db, 'DELETE FROM support_land WHERE id = ?').run(id).changes;
}

/** Drop a year's funds (a funds sheet replaces the years it holds); returns how many. */
export function deleteFundsOfYear(db: Db, year: number): number {
  return stmt(db, 'DELETE FROM support_funds WHERE year = ?').run(year).changes;
}
