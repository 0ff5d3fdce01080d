/**
 * The one number formatter. Every screen and every draft writes numbers through these functions, so
 * "4399.6亿元" reads the same in the grid, a chart and a Word document (rules in STATISTICS.md).
 */
import { moneyToDecimalText, type MoneyUnit } from './money';

/** Insert thousands separators into decimal text: "1372.23" → "1,372.23". */
export function withThousands(decimalText: string): string {
  const [intPart, frac] = decimalText.split('.');
  const sign = intPart!.startsWith('-') ? '-' : '';
  const digits = sign ? intPart!.slice(1) : intPart!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? `.${frac}` : '');
}

function dropTrailingZeros(decimalText: string): string {
  return decimalText.includes('.') ? decimalText.replace(/\.?0+$/, '') : decimalText;
}

/**
 * An amount for a grid cell: in the chosen unit, with thousands separators, exact (万元 to 4
 * decimals, 亿元 to 8, the stored precision) with trailing zeros dropped, so nothing is hidden and
 * an edit starting from this text changes nothing it did not mean to.
 */
export function formatMoneyCell(amount: number | null | undefined, unit: MoneyUnit): string {
  if (amount === null || amount === undefined) return '';
  // A grid may show a value still being typed (not yet parsed or saved): show it as typed.
  if (!Number.isSafeInteger(amount)) return String(amount);
  return withThousands(dropTrailingZeros(moneyToDecimalText(amount, unit, unit === '万元' ? 4 : 8)));
}

/**
 * An amount in a table: in the unit given, half-up to `decimals`, thousands separated ("1,041.9").
 * `uniform` keeps trailing zeros, so every cell of a column has the same decimals ("1,041.90");
 * `thousands: false` leaves the separators out.
 */
export function formatMoneyTable(amount: number, unit: MoneyUnit, decimals = 2, options: { uniform?: boolean; thousands?: boolean } = {}): string {
  const digits = moneyToDecimalText(amount, unit, decimals);
  const text = options.uniform ? digits : dropTrailingZeros(digits);
  return options.thousands === false ? text : withThousands(text);
}

/**
 * An amount in running Chinese text: ≥ 1亿元 in 亿元, else in 万元 (or always in `unit` when given),
 * half-up to `decimals`, trailing zeros dropped ("4399.6亿元", "11亿元", "2350.5万元").
 */
export function formatMoneyText(amount: number, decimals = 2, unitChosen: MoneyUnit | 'auto' = 'auto'): string {
  const unit: MoneyUnit = unitChosen !== 'auto' ? unitChosen : Math.abs(amount) >= 100_000_000 ? '亿元' : '万元';
  return dropTrailingZeros(moneyToDecimalText(amount, unit, decimals)) + unit;
}

/** A date stored as YYYY-MM-DD written the Chinese way: "2023年9月30日". */
export function formatDateText(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** |num ÷ den| × 100 rounded half-up to `decimals`, exactly (integers in), trailing ".0"s dropped unless `uniform`. */
function percentDigits(num: number, den: number, decimals: number, uniform = false): string {
  const n = BigInt(Math.abs(Math.round(num)));
  const d = BigInt(Math.abs(Math.round(den)));
  const scale = 10n ** BigInt(decimals);
  const rounded = (n * 100n * scale * 2n + d) / (2n * d);
  const text = decimals > 0 ? `${rounded / scale}.${(rounded % scale).toString().padStart(decimals, '0')}` : `${rounded}`;
  return uniform ? text : dropTrailingZeros(text);
}

/**
 * The number a percent is written with, as a JS number (50.1 for 1001 ÷ 2000): what a chart draws
 * and labels, so the bar and the text beside it agree. null when den is 0.
 */
export function percentValue(num: number, den: number, decimals = 1): number | null {
  if (den === 0) return null;
  const value = Number(percentDigits(num, den, decimals));
  return num < 0 !== den < 0 && value !== 0 ? -value : value;
}

/**
 * A ratio of two exact quantities (counts, or amounts in 元) as a percent: "89.5%", "100%";
 * `uniform` keeps the trailing zeros ("100.0%", "53.0%") so a table column has one decimal style.
 */
export function formatPercent(num: number, den: number, decimals = 1, uniform = false): string {
  if (den === 0) return '—';
  return `${num < 0 !== den < 0 && num !== 0 ? '-' : ''}${percentDigits(num, den, decimals, uniform)}%`;
}

/** Growth from prev to cur: "增长15.8%", "下降3%", or "持平" when it rounds to 0. */
export function formatChange(cur: number, prev: number, decimals = 1): string {
  if (prev === 0) return '—';
  const digits = percentDigits(cur - prev, prev, decimals);
  if (Number(digits) === 0) return '持平';
  return `${cur > prev ? '增长' : '下降'}${digits}%`;
}

/**
 * The difference a/b − c/d in percentage points, exactly, as {sign, text}: text is the absolute
 * value ("6.6个百分点"), sign says which way, 0 when it rounds to 0.
 */
export function formatPointsDifference(a: number, b: number, c: number, d: number, decimals = 1): { sign: -1 | 0 | 1; text: string } {
  // a/b − c/d = (a·d − c·b) / (b·d); all integers, exact.
  const num = BigInt(Math.round(a)) * BigInt(Math.round(d)) - BigInt(Math.round(c)) * BigInt(Math.round(b));
  const den = BigInt(Math.round(b)) * BigInt(Math.round(d));
  if (den === 0n) return { sign: 0, text: '—' };
  const abs = num < 0n ? -num : num;
  const scale = 10n ** BigInt(decimals);
  const rounded = (abs * 100n * scale * 2n + (den < 0n ? -den : den)) / (2n * (den < 0n ? -den : den));
  const text = dropTrailingZeros(decimals > 0 ? `${rounded / scale}.${(rounded % scale).toString().padStart(decimals, '0')}` : `${rounded}`);
  const sign = rounded === 0n ? 0 : (num < 0n) !== (den < 0n) ? -1 : 1;
  return { sign, text: `${text}个百分点` };
}

/** A count with its measure word: "896个", "270项". */
export function formatCount(n: number, unit: '个' | '项' = '个'): string {
  return `${n}${unit}`;
}

/** The reporting period "1-8月" (January alone is "1月"). */
export function formatPeriod(month: number): string {
  return month === 1 ? '1月' : `1-${month}月`;
}
