/**
 * 要素保障 (seed 002, seed 004): funds obtained from above by source and year, bank support,
 * land solved — each linked to a project where known — and 同比 by source. Money in 元; land in
 * hundredths of a 亩 (exact sums, like money).
 */
import type { ImportIssue } from './import';
import type { Money } from './money';

export const FUND_SOURCES = { central: '中央预算内', ultraLongBond: '超长期特别国债', specialBond: '专项债券', other: '其他' } as const;
export type FundSource = keyof typeof FUND_SOURCES;
export const FUND_SOURCE_KEYS = Object.keys(FUND_SOURCES) as FundSource[];

/** The words offices write for a source. */
const SOURCE_WORDS: [FundSource, RegExp][] = [
  ['central', /中央预算内/],
  ['ultraLongBond', /超长期(特别)?国债|特别国债/],
  ['specialBond', /专项债/],
  ['other', /^(其他|其它)/],
];

export function parseFundSource(text: string): FundSource | null {
  return SOURCE_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

export interface FundEntry {
  id: number;
  year: number;
  source: FundSource;
  amount: Money;
  projectId: number | null;
  /** The linked project's name, or the name as written when not on a list. */
  projectName: string | null;
  note: string | null;
}

/** A year's bank support: the office's own totals (support.setBank), else added up from the loans by project. */
export interface BankSupport {
  year: number;
  /** 支持重点项目N个. */
  projects: number | null;
  /** 授信额度, 累计发放贷款, 贷款余额 (元). */
  credit: Money | null;
  loans: Money | null;
  balance: Money | null;
}

/** One project's bank support (要素保障): its bank, credit granted, loans issued, balance (元; null: unknown). */
export interface BankLoan {
  id: number;
  year: number;
  projectId: number | null;
  /** The linked project's name, or the name as written when not on a list. */
  projectName: string;
  bank: string | null;
  credit: Money | null;
  loans: Money | null;
  balance: Money | null;
  note: string | null;
}

export interface LandEntry {
  id: number;
  year: number;
  /** 亩 × 100. */
  areaCentimu: number;
  projectId: number | null;
  projectName: string | null;
  note: string | null;
}

/** One source's year against the year before: null 同比 when last year had none. */
export interface SourceFigures {
  source: FundSource | 'total';
  label: string;
  amount: Money;
  previous: Money;
  yoy: number | null;
  /** Entries linked to a project, and the distinct projects. */
  projects: number;
}

export interface SupportSummary {
  year: number;
  bySource: SourceFigures[];
  total: SourceFigures;
  /** The office's totals, else the loans by project added up (a figure nobody gave stays null); null when neither. */
  bank: BankSupport | null;
  /** Loans recorded by project, and whether the bank figures above are their sums (no totals of the office's). */
  bankLoans: number;
  bankFromLoans: boolean;
  land: { areaCentimu: number; projects: number };
}

/** The sheets of the 要素保障 ledger, each imported alone: funds by source, bank support, land. */
export type SupportSheetKind = 'funds' | 'bank' | 'land';
export const SUPPORT_SHEET_LABELS: Record<SupportSheetKind, string> = { funds: '争取资金', bank: '银行支持', land: '用地保障' };

/** A 要素保障 sheet read and not yet written: per year, what it holds and what it replaces. */
export interface SupportImportPreview {
  kind: SupportSheetKind;
  token: string;
  fileName: string;
  sheet: string;
  /**
   * Per year of the sheet: its rows, their amount (funds: 元; bank: loans issued, 元; land: 亩 × 100)
   * and the library's entries of that year it replaces (the sheet is the ledger of its years).
   */
  years: { year: number; entries: number; amount: number; replaces: number }[];
  /** Rows naming a project on a list (linked to it). */
  linked: number;
  issues: ImportIssue[];
}

export const growthOf = (cur: number, prev: number): number | null => (prev > 0 ? cur / prev - 1 : null);
