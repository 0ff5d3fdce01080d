/**
 * A money column of a grid (项目库, 月调度): the unit in the header, and every cell of the column
 * written alike — in 亿元 with two decimals, in 万元 with the office's (设置 > 口径) — while the
 * editor starts from the exact value in the column's unit, so an edit never rounds anything away
 * (the detail panel shows the exact value too).
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { formatMoneyCell } from '../../../shared/format';
import type { MoneyUnit } from '../../../shared/money';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../../shared/number-style';
import { moneyTable } from '../../../shared/phrases';

/** `missing`: what an empty cell reads (e.g. "—" where no data is not zero). */
export function moneyColumnParts<T>(unit: MoneyUnit, style: NumberStyle = DEFAULT_NUMBER_STYLE, missing = ''): Pick<ColDef<T>, 'valueFormatter' | 'cellEditorParams'> {
  return {
    // A value still being typed (not yet a whole number of 元) is shown as typed.
    valueFormatter: (p: ValueFormatterParams<T>) =>
      p.value === null || p.value === undefined ? missing : typeof p.value === 'number' && Number.isSafeInteger(p.value) ? moneyTable(p.value, style, unit) : formatMoneyCell(p.value as number | null, unit),
    // The text editor starts from formatValue(value) when useFormatter is set: the exact value here.
    cellEditorParams: { useFormatter: true, formatValue: (value: unknown) => formatMoneyCell(value as number | null, unit) },
  };
}
