/**
 * Excel number formats in the office's style (设置 > 口径, shared/number-style.ts), so an exported
 * workbook shows amounts and percentages as the screens and drafts write them.
 */
import type { MoneyUnit } from '../../../shared/money';
import { tableDecimals, type NumberStyle } from '../../../shared/number-style';

/** An amount in `unit`: "#,##0.00" and the like (亿元 two decimals, 万元 the office's; separators as chosen). */
export function moneyFormat(unit: MoneyUnit, style: NumberStyle): string {
  const decimals = tableDecimals(unit, style);
  return `${style.thousands ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
}

/** A percentage with the office's decimals ("0.0%"); the cell holds the fraction the phrase library rounded. */
export function percentFormat(style: NumberStyle): string {
  return `0.${'0'.repeat(style.percentDecimals)}%`;
}
