/**
 * The one number formatter. Every screen and every draft writes numbers through these functions, so
 * "4399.6亿元" reads the same in the grid, a chart and a Word document (rules in STATISTICS.md).
 */
import { moneyToDecimalText, type Money, type MoneyUnit } from './money';

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
export function formatMoneyCell(amount: Money | null | undefined, unit: MoneyUnit): string {
  if (amount === null || amount === undefined) return '';
  // A grid may show a value still being typed (not yet parsed or saved): show it as typed.
  if (!Number.isSafeInteger(amount)) return String(amount);
  return withThousands(dropTrailingZeros(moneyToDecimalText(amount, unit, unit === '万元' ? 4 : 8)));
}

/**
 * An amount in running Chinese text: ≥ 1亿元 in 亿元, else in 万元, half-up to `decimals`, trailing
 * zeros dropped ("4399.6亿元", "11亿元", "2350.5万元").
 */
export function formatMoneyText(amount: Money, decimals = 2): string {
  const unit: MoneyUnit = Math.abs(amount) >= 100_000_000 ? '亿元' : '万元';
  return dropTrailingZeros(moneyToDecimalText(amount, unit, decimals)) + unit;
}

/** A date stored as YYYY-MM-DD written the Chinese way: "2023年9月30日". */
export function formatDateText(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
