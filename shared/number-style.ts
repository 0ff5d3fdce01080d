/**
 * The office's way of writing numbers (设置 > 口径): how many decimals a percentage and 时序进度
 * carry, the counting word, the unit of amounts in text and in tables, and thousands separators.
 * Kept in the library's settings (so a closed month's frozen copy keeps the style it was closed
 * with); the phrase library (shared/phrases.ts) and the formatter (shared/format.ts) take it as
 * their last argument, defaulting to the rules of STATISTICS.md.
 */
import * as z from 'zod';
import type { MoneyUnit } from './money';

export interface NumberStyle {
  /** Decimals of every percentage and percentage point (投资完成率, 开复工率, 同比, 占比, 百分点). */
  percentDecimals: 1 | 2;
  /** Decimals of 时序进度 itself (8 ÷ 12: 66.7% or 66.67%). */
  timeProgressDecimals: 1 | 2;
  /**
   * The counting word after a count ("896个", "270项", "12宗"); null keeps each template's own word
   * (个 where the program writes it).
   */
  countWord: '个' | '项' | '宗' | null;
  /** Amounts in running text: 'auto' is 亿元 from 1亿元 and 万元 below (STATISTICS.md); else always one unit. */
  textUnit: 'auto' | MoneyUnit;
  /** Amounts in tables, charts and the screens' lists: one unit for every column. */
  tableUnit: MoneyUnit;
  /** Decimals of an amount in 万元 in tables and the 万元 view, all cells alike (亿元 always has 2). */
  wanDecimals: 0 | 1 | 2 | 4;
  /** Thousands separators in tables ("1,372.23"). */
  thousands: boolean;
  /**
   * Thousands separators in the tables of Word drafts: printed bulletins write "1041.90" (REAL-
   * DOCUMENTS.md), so drafts leave them out unless the office asks for them here.
   */
  draftThousands: boolean;
}

/** STATISTICS.md's rules: what every number looked like before offices could choose. */
export const DEFAULT_NUMBER_STYLE: NumberStyle = {
  percentDecimals: 1,
  timeProgressDecimals: 1,
  countWord: null,
  textUnit: 'auto',
  tableUnit: '亿元',
  wanDecimals: 2,
  thousands: true,
  draftThousands: false,
};

/** Decimals of an amount in a table or a view in `unit`: 亿元 two, 万元 the office's. */
export function tableDecimals(unit: MoneyUnit, style: NumberStyle): number {
  return unit === '亿元' ? 2 : style.wanDecimals;
}

const ONE_OF = {
  percentDecimals: [1, 2],
  timeProgressDecimals: [1, 2],
  countWord: ['个', '项', '宗', null],
  textUnit: ['auto', '万元', '亿元'],
  tableUnit: ['万元', '亿元'],
  wanDecimals: [0, 1, 2, 4],
  thousands: [true, false],
  draftThousands: [false, true],
} as const satisfies { [K in keyof NumberStyle]: readonly NumberStyle[K][] };

/** A stored or partial style made whole: unknown keys dropped, a value out of range replaced by the default. */
export function normaliseNumberStyle(value: unknown): NumberStyle {
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const style = { ...DEFAULT_NUMBER_STYLE } as Record<string, unknown>;
  for (const [key, allowed] of Object.entries(ONE_OF)) {
    if (key in given && (allowed as readonly unknown[]).includes(given[key])) style[key] = given[key];
  }
  return style as unknown as NumberStyle;
}

/** What 设置 > 口径 may change (the contract checks it): any of the style's keys, each one of its choices. */
export const numberStyleChanges = z
  .object({
    percentDecimals: z.union([z.literal(1), z.literal(2)], { message: '百分比保留1位或2位小数' }),
    timeProgressDecimals: z.union([z.literal(1), z.literal(2)], { message: '时序进度保留1位或2位小数' }),
    countWord: z.enum(['个', '项', '宗'], { message: '计数单位应为个、项或宗' }).nullable(),
    textUnit: z.enum(['auto', '万元', '亿元'], { message: '文字中的金额单位应为自动、万元或亿元' }),
    tableUnit: z.enum(['万元', '亿元'], { message: '表格中的金额单位应为万元或亿元' }),
    wanDecimals: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)], { message: '万元保留0、1、2或4位小数' }),
    thousands: z.boolean(),
    draftThousands: z.boolean(),
  })
  .partial()
  .strict();
