/**
 * 要素保障 ledger: funds obtained from above by source and year with 同比, bank support (the
 * office's totals of the year, and loans by project), land solved, each linked to a project where
 * it is on a list. Entered one by one here (要素保障 in the 前期手续 screen); the sheets of the
 * ledger are read and written by support-sheets.ts.
 */
import { cleanText } from '../../shared/fields';
import { parseMoney, sumMoney, type Money, type MoneyUnit } from '../../shared/money';
import { AppError } from '../../shared/result';
import { FUND_SOURCE_KEYS, FUND_SOURCES, growthOf, type BankLoan, type BankSupport, type FundSource, type SourceFigures, type SupportSummary } from '../../shared/support';
import type { Db } from '../db/connection';
import { projectIdentities } from '../db/projects';
import { bankLoansOfYear, deleteBankLoan, deleteFund, deleteLand, fundsOfYears, insertBankLoan, insertFund, insertLand, landOfYear, readBank, writeBank } from '../db/support';
import type { ServiceContext } from './context';
import { normaliseName } from './import/project-columns';
import { requireDb } from './library';

/** The year's bank figures: each the office's total where given, else the loans by project added up (null when no one gave it). */
function bankOf(db: Db, year: number): { bank: BankSupport | null; loans: BankLoan[]; fromLoans: boolean } {
  const totals = readBank(db, year);
  const loans = bankLoansOfYear(db, year);
  if (loans.length === 0) return { bank: totals, loans, fromLoans: false };
  const sum = (pick: (l: BankLoan) => Money | null): Money | null => {
    const known = loans.map(pick).filter((m): m is Money => m !== null);
    return known.length ? sumMoney(known) : null;
  };
  const projects = new Set(loans.map((l) => l.projectId ?? normaliseName(l.projectName))).size;
  const bank: BankSupport = {
    year,
    projects: totals?.projects ?? projects,
    credit: totals?.credit ?? sum((l) => l.credit),
    loans: totals?.loans ?? sum((l) => l.loans),
    balance: totals?.balance ?? sum((l) => l.balance),
  };
  return { bank, loans, fromLoans: totals === null };
}

/** Year Y's 要素保障 against Y−1: funds by source with 同比, bank support, land. */
export function supportSummary(db: Db, year: number): SupportSummary {
  const funds = fundsOfYears(db, [year - 1, year]);
  const figures = (source: FundSource | 'total'): SourceFigures => {
    const mine = funds.filter((f) => source === 'total' || f.source === source);
    const amount = sumMoney(mine.filter((f) => f.year === year).map((f) => f.amount));
    const previous = sumMoney(mine.filter((f) => f.year === year - 1).map((f) => f.amount));
    const projects = new Set(mine.filter((f) => f.year === year && f.projectId !== null).map((f) => f.projectId)).size;
    return { source, label: source === 'total' ? '合计' : FUND_SOURCES[source], amount, previous, yoy: growthOf(amount, previous), projects };
  };
  const land = landOfYear(db, year);
  const bank = bankOf(db, year);
  return {
    year,
    bySource: FUND_SOURCE_KEYS.map(figures),
    total: figures('total'),
    bank: bank.bank,
    bankLoans: bank.loans.length,
    bankFromLoans: bank.fromLoans,
    land: { areaCentimu: land.reduce((s, l) => s + l.areaCentimu, 0), projects: new Set(land.filter((l) => l.projectId !== null).map((l) => l.projectId)).size },
  };
}

/** A project of any year's list by its name as written (spaces and the like ignored), or null. */
export function projectByName(db: Db): (name: string) => number | null {
  const byName = new Map(projectIdentities(db).map((p) => [normaliseName(p.name), p.id]));
  return (name) => byName.get(normaliseName(name)) ?? null;
}

const optional = (text: string | null | undefined) => cleanText(text ?? '') || null;

/** An amount typed in `unit`, empty for unknown; refused naming the field. */
function amountOf(text: string | null | undefined, unit: MoneyUnit, label: string): Money | null {
  if (text === null || text === undefined || cleanText(text) === '') return null;
  const m = parseMoney(text, unit);
  if (!m.ok) throw new AppError('VALIDATION', `${label}：${m.message}`);
  return m.value;
}

/** 亩 as typed ("511.05", "20亩"), to two decimals, in hundredths. */
export function parseArea(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleanText(text).replace(/亩$/, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

export function addFund(ctx: ServiceContext, args: { year: number; source: FundSource; amount: string; unit: MoneyUnit; projectName?: string | null; note?: string | null }) {
  const db = requireDb(ctx, 'write');
  const amount = amountOf(args.amount, args.unit, '资金金额');
  if (amount === null) throw new AppError('VALIDATION', '资金金额：请填写金额');
  const name = optional(args.projectName);
  db.transaction(() => insertFund(db, { year: args.year, source: args.source, amount, projectId: name ? projectByName(db)(name) : null, projectName: name, note: optional(args.note) })).immediate();
  return fundsOfYears(db, [args.year]);
}

export function removeFund(ctx: ServiceContext, args: { id: number }) {
  const db = requireDb(ctx, 'write');
  return { removed: db.transaction(() => deleteFund(db, args.id)).immediate() };
}

/** Set a year's bank support totals; amounts typed in `unit`, empty for unknown. */
export function setBank(ctx: ServiceContext, args: { year: number; projects: number | null; credit: string | null; loans: string | null; balance: string | null; unit: MoneyUnit }): BankSupport {
  const db = requireDb(ctx, 'write');
  const bank: BankSupport = {
    year: args.year,
    projects: args.projects,
    credit: amountOf(args.credit, args.unit, '授信额度'),
    loans: amountOf(args.loans, args.unit, '累计发放贷款'),
    balance: amountOf(args.balance, args.unit, '贷款余额'),
  };
  db.transaction(() => writeBank(db, bank)).immediate();
  return bank;
}

export const listBankLoans = (ctx: ServiceContext, args: { year: number }): BankLoan[] => bankLoansOfYear(requireDb(ctx), args.year);

/** Record one project's bank support (linked to the project when it is on a list); returns the year's loans. */
export function addBankLoan(
  ctx: ServiceContext,
  args: { year: number; projectName: string; bank?: string | null; credit: string | null; loans: string | null; balance: string | null; unit: MoneyUnit; note?: string | null },
): BankLoan[] {
  const db = requireDb(ctx, 'write');
  const name = optional(args.projectName);
  if (!name) throw new AppError('VALIDATION', '请填写获得贷款支持的项目名称');
  const loan = { credit: amountOf(args.credit, args.unit, '授信额度'), loans: amountOf(args.loans, args.unit, '发放贷款'), balance: amountOf(args.balance, args.unit, '贷款余额') };
  if (loan.credit === null && loan.loans === null && loan.balance === null) throw new AppError('VALIDATION', `“${name}”：授信额度、发放贷款、贷款余额至少填写一项`);
  db.transaction(() => insertBankLoan(db, { year: args.year, projectId: projectByName(db)(name), projectName: name, bank: optional(args.bank), ...loan, note: optional(args.note) })).immediate();
  return bankLoansOfYear(db, args.year);
}

export function removeBankLoan(ctx: ServiceContext, args: { id: number }) {
  const db = requireDb(ctx, 'write');
  return { removed: db.transaction(() => deleteBankLoan(db, args.id)).immediate() };
}

export const listLand = (ctx: ServiceContext, args: { year: number }) => landOfYear(requireDb(ctx), args.year);

/** Record land solved (亩, to two decimals). */
export function addLand(ctx: ServiceContext, args: { year: number; area: string; projectName?: string | null; note?: string | null }) {
  const db = requireDb(ctx, 'write');
  const areaCentimu = parseArea(args.area);
  if (areaCentimu === null) throw new AppError('VALIDATION', `用地面积“${args.area}”无效，应为亩数，最多两位小数`);
  const name = optional(args.projectName);
  db.transaction(() => insertLand(db, { year: args.year, areaCentimu, projectId: name ? projectByName(db)(name) : null, projectName: name, note: optional(args.note) })).immediate();
  return landOfYear(db, args.year);
}

export function removeLand(ctx: ServiceContext, args: { id: number }) {
  const db = requireDb(ctx, 'write');
  return { removed: db.transaction(() => deleteLand(db, args.id)).immediate() };
}
