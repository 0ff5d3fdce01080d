/**
 * 要素保障 (seed 002, seed 004): funds obtained from above by source and year, bank support,
 * land solved — each linked to a project where known — and 同比 by source. Money in 元; land in
 * hundredths of a 亩 (exact sums, like money).
 */
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

export interface BankSupport {
  year: number;
  /** 支持重点项目N个. */
  projects: number | null;
  /** 授信额度, 累计发放贷款, 贷款余额 (元). */
  credit: Money | null;
  loans: Money | null;
  balance: Money | null;
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
  bank: BankSupport | null;
  land: { areaCentimu: number; projects: number };
}

export const growthOf = (cur: number, prev: number): number | null => (prev > 0 ? cur / prev - 1 : null);
