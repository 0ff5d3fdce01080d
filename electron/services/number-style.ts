/**
 * 设置 > 口径: the office's way of writing numbers (shared/number-style.ts), kept in the library's
 * settings. A closed month's frozen copy carries the settings as they were at closing
 * (month-freeze.ts), so the style of a closed month's figures is read from the month's database.
 */
import { normaliseNumberStyle, type NumberStyle } from '../../shared/number-style';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/settings';
import type { ServiceContext } from './context';
import { requireDb } from './library';
import { monthDb } from './month-freeze';

export const NUMBER_STYLE_SETTING = 'format.numberStyle';

/** The style stored in `db` (the library, or a closed month's copy), with the defaults for what was never set. */
export function numberStyle(db: Db): NumberStyle {
  return normaliseNumberStyle(readSetting(db, NUMBER_STYLE_SETTING));
}

/** The style of Y年M月's figures: the one it was closed with when closed, else today's. */
export function numberStyleOf(ctx: ServiceContext, year?: number, month?: number): NumberStyle {
  const db = requireDb(ctx);
  return numberStyle(year !== undefined && month !== undefined ? monthDb(ctx, db, year, month) : db);
}

/** Change some of the style (the contract has checked each value); returns the whole style. */
export function setNumberStyle(ctx: ServiceContext, changes: Partial<NumberStyle>): NumberStyle {
  const db = requireDb(ctx, 'write');
  const style = normaliseNumberStyle({ ...numberStyle(db), ...changes });
  writeSetting(db, NUMBER_STYLE_SETTING, style);
  return style;
}
