/** SQL of the 要素保障 ledger (migrations 0009, 0010): funds by source, bank support by year and by project, land solved. */
import type { BankLoan, BankSupport, FundEntry, FundSource, LandEntry } from '../../shared/support';
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

export function deleteBank(db: Db, year: number): number {
  return stmt(db, 'DELETE FROM support_bank WHERE year = ?').run(year).changes;
}

const BANK_LOANS = query<[year: number], BankLoan>(
  `SELECT b.id, b.year, b.project_id AS projectId, coalesce(p.name, b.project_name) AS projectName, b.bank, b.credit, b.loans, b.balance, b.note
   FROM support_bank_loans b LEFT JOIN projects p ON p.id = b.project_id WHERE b.year = ? ORDER BY b.id`,
);

export function bankLoansOfYear(db: Db, year: number): BankLoan[] {
  return BANK_LOANS(db).all(year);
}

export function insertBankLoan(db: Db, b: Omit<BankLoan, 'id'>): number {
  return Number(
    stmt(db, 'INSERT INTO support_bank_loans (year, project_id, project_name, bank, credit, loans, balance, note) VALUES (@year, @projectId, @projectName, @bank, @credit, @loans, @balance, @note)').run(b)
      .lastInsertRowid,
  );
}

export function deleteBankLoan(db: Db, id: number): number {
  return stmt(db, 'DELETE FROM support_bank_loans WHERE id = ?').run(id).changes;
}

export function deleteBankLoansOfYear(db: Db, year: number): number {
  return stmt(db, 'DELETE FROM support_bank_loans WHERE year = ?').run(year).changes;
}

export function deleteLandOfYear(db: Db, year: number): number {
  return stmt(db, 'DELETE FROM support_land WHERE year = ?').run(year).changes;
}
