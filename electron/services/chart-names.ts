/**
 * 设置 > 图表简称: the office's short names of districts and categories, printed by every chart
 * (shared/chart-labels.ts) and never by a table or a text. Kept in the library's settings. A
 * draft's charts use today's short names, as its wording is today's (a closed month keeps only
 * its figures and their number style).
 */
import { SHORT_NAME_MAX, type ShortNames } from '../../shared/chart-labels';
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/settings';
import type { ServiceContext } from './context';
import { requireDb } from './library';

export const CHART_NAMES_SETTING = 'charts.shortNames';

/** The short names stored in `db`; anything malformed in the setting is left out. */
export function chartShortNames(db: Db): ShortNames {
  const stored = readSetting<unknown>(db, CHART_NAMES_SETTING);
  if (!stored || typeof stored !== 'object') return {};
  const names: Record<string, string> = {};
  for (const [full, short] of Object.entries(stored)) if (typeof short === 'string' && short.trim() && short.length <= SHORT_NAME_MAX) names[full] = short.trim();
  return names;
}

/** Replace the short names: empty ones are dropped; two full names sharing a short one are refused. */
export function setChartShortNames(ctx: ServiceContext, given: Record<string, string>): ShortNames {
  const db = requireDb(ctx, 'write');
  const names: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [full, raw] of Object.entries(given)) {
    const short = raw.trim();
    if (!short || short === full) continue;
    const other = owner.get(short);
    if (other) throw new AppError('VALIDATION', `简称“${short}”已用于“${other}”，不能再用于“${full}”：图上将分不清两者`);
    owner.set(short, full);
    names[full] = short;
  }
  writeSetting(db, CHART_NAMES_SETTING, names);
  return names;
}
