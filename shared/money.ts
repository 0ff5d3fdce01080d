/**
 * Exact money. Amounts are stored and computed as integers counting 0.0001 万元 (that is, 元), so sums
 * are exact (see ../shared/domain/STATISTICS.md). Conversion from text never goes through binary
 * floating point: "0.1" + "0.2" 万元 is 3000 元, exactly.
 */

declare const moneyBrand: unique symbol;

/**
 * An integer number of 元 (0.0001 万元), as the library stores it (migration 0006 refuses any other
 * amount). A distinct type: a plain number (a rate, a count, a float from a spreadsheet) is not
 * money until `money()` or a parser has checked it, so it cannot reach a sum or a money column by
 * accident. It is still a number at run time (no cost; plain data across IPC).
 */
export type Money = number & { readonly [moneyBrand]: true };

/** Money from a number that must already be a whole number of 元; anything else is refused. */
export function money(n: number): Money {
  if (!Number.isSafeInteger(n)) throw new RangeError(`金额必须是整数（以元计），而不是${n}`);
  return n as Money;
}

/** The sum of amounts (integers of 元 add up exactly below 2^53, MAX_MONEY × 9000). */
export function sumMoney(amounts: Iterable<Money>): Money {
  let total = 0;
  for (const a of amounts) total += a;
  return money(total);
}

export type MoneyUnit = '万元' | '亿元';

/** How many 元 one unit holds. */
export const UNIT_SCALE: Record<MoneyUnit | '元', bigint> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };

/** The largest amount accepted: 10^15 元 = 1000万亿元, far above any project and below 2^53. */
export const MAX_MONEY = 1_000_000_000_000_000;

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;

/** Normalise text as people type numbers: full-width digits, thousands separators, spaces. */
const NOT_PLAIN_NUMBER_TEXT = /[０-９．，－＋\s\u200b\u00a0\u3000,]/;

export function normaliseNumberText(text: string): string {
  // Most cells need none of the three replacements: one scan instead of three.
  if (!NOT_PLAIN_NUMBER_TEXT.test(text)) return text;
  return text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200b\u00a0\u3000]/g, '')
    .replace(/,/g, '');
}

/**
 * Parse an amount typed or pasted by a user, in `unit` unless the text carries its own unit
 * ("1.5亿", "2350.5万元"). Returns the amount in 元, or an error message in Chinese.
 * More than 4 decimals of 万元 (finer than 1 元) are refused rather than silently rounded.
 */
export function parseMoney(
  input: string | number,
  unit: MoneyUnit = '万元',
  options: { roundToYuan?: boolean } = {},
): { ok: true; value: Money } | { ok: false; message: string } {
  let text = typeof input === 'number' ? numberToPlainString(input) : normaliseNumberText(input);
  let scale = UNIT_SCALE[unit];
  const suffix = /(亿元|亿|万元|万|元)$/.exec(text);
  if (suffix) {
    const u = suffix[1]!;
    scale = u.startsWith('亿') ? UNIT_SCALE['亿元'] : u.startsWith('万') ? UNIT_SCALE['万元'] : UNIT_SCALE['元'];
    text = text.slice(0, -u.length);
  }
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!m) return { ok: false, message: `“${String(input).trim()}”不是有效的金额` };
  const [, sign, intPart, fracPart = ''] = m;
  // value = (int.frac) × scale, exactly, in 元
  const digits = BigInt((intPart || '0') + fracPart);
  const denominator = 10n ** BigInt(fracPart.length);
  const scaled = digits * scale;
  if (scaled % denominator !== 0n && !options.roundToYuan) {
    return { ok: false, message: `金额“${String(input).trim()}”的精度超过了0.0001万元（1元）` };
  }
  // Half-up to whole 元 (only when asked: for numbers a spreadsheet computed in binary floating point).
  const yuan = (scaled * 2n + denominator) / (2n * denominator);
  if (yuan > BigInt(MAX_MONEY)) return { ok: false, message: `金额“${String(input).trim()}”过大` };
  const value = Number(yuan) * (sign === '-' ? -1 : 1);
  if (value < 0) return { ok: false, message: '金额不能为负数' };
  return { ok: true, value: money(value === 0 ? 0 : value) };
}

/**
 * An amount from a spreadsheet's number cell: Excel computes in binary floating point, so a cell
 * showing 0.3 may hold 0.30000000000000004. Read it as Excel shows it (15 significant digits), then
 * exactly, rounded half-up to 元.
 */
export function moneyFromSpreadsheetNumber(n: number, unit: MoneyUnit): { ok: true; value: Money } | { ok: false; message: string } {
  if (!Number.isFinite(n)) return { ok: false, message: '不是有效的金额' };
  // 15 significant digits: what the spreadsheet showed, without binary noise (an integer below 10^15 has no more).
  const x = Number.isInteger(n) && Math.abs(n) < 1e15 ? n : Number(n.toPrecision(15));
  // A whole number of the unit (most amounts in a list): the product is exact, as parseMoney's would be.
  const yuan = x * Number(UNIT_SCALE[unit]);
  if (Number.isInteger(x) && x >= 0 && yuan <= MAX_MONEY) return { ok: true, value: money(yuan === 0 ? 0 : yuan) };
  return parseMoney(numberToPlainString(x), unit, { roundToYuan: true });
}

/** A JS number as plain decimal text, without exponent (a spreadsheet cell may hold 1e-7). */
function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * Divide an exact amount by a unit and round half-up to `decimals` places, giving decimal text
 * without thousands separators. Integer arithmetic only. Writing takes any number of 元 (a
 * difference, a sum a screen made), not only Money: a non-integer is refused here too (BigInt).
 */
export function moneyToDecimalText(amount: number, unit: MoneyUnit, decimals: number): string {
  const negative = amount < 0;
  const yuan = BigInt(Math.abs(amount));
  const scale = UNIT_SCALE[unit];
  const factor = 10n ** BigInt(decimals);
  // round half-up: floor((yuan * factor * 2 + scale) / (2 * scale))
  const rounded = (yuan * factor * 2n + scale) / (2n * scale);
  const intPart = rounded / factor;
  const frac = (rounded % factor).toString().padStart(decimals, '0');
  const text = decimals > 0 ? `${intPart}.${frac}` : `${intPart}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/** Exact value of an amount in a unit as a JS number, for charts and JSON (never summed again). */
export function moneyInUnit(amount: number, unit: MoneyUnit): number {
  return Number(moneyToDecimalText(amount, unit, unit === '万元' ? 4 : 8));
}
