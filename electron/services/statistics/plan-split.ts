/**
 * The plan 1-M月 of each project (REAL-DOCUMENTS.md, "Two figures for one month": "完成1-4月投资
 * 计划的132.1%，完成年度投资计划的21.3%"). A project's list may split its annual plan by period
 * ("1季度计划", "1-6月计划", "上半年"), kept as the cumulative plan at the end of each period
 * (migration 0007, db/plan-splits.ts); a month inside a period gets the period's plan spread evenly
 * over its months. A project whose list gives no split has none, unless 设置 spreads every annual
 * plan evenly or by a profile of cumulative percentages. Amounts stay integers of 元: a spread is
 * rounded half-up to the 元 once, per project.
 */
import { AppError } from '../../../shared/result';
import { DEFAULT_PLAN_SPLIT, type PlanSplitSetting } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { planSplitsOfYear } from '../../db/plan-splits';
import { readSetting, writeSetting } from '../../db/settings';
import { listVersion } from '../../db/statistics';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';

export const PLAN_SPLIT_SETTING = 'statistics.planSplit';

export function planSplitSetting(db: Db): PlanSplitSetting {
  return { ...DEFAULT_PLAN_SPLIT, ...(readSetting<Partial<PlanSplitSetting>>(db, PLAN_SPLIT_SETTING) ?? {}) };
}

/** Why a setting cannot be saved, in Chinese; null when it can. */
export function planSplitProblem(s: PlanSplitSetting): string | null {
  if (s.mode !== 'profile') return null;
  if (s.profile.length !== 12) return '分月计划比例须有1月至12月共12个累计百分比';
  for (let i = 0; i < 12; i++) {
    const p = s.profile[i]!;
    if (!Number.isFinite(p) || p < 0 || p > 100 || Math.abs(p * 100 - Math.round(p * 100)) > 1e-9) return `${i + 1}月的累计百分比“${p}”应为0至100之间、最多两位小数的数`;
    if (i > 0 && p < s.profile[i - 1]!) return `${i + 1}月的累计百分比（${p}%）小于${i}月的（${s.profile[i - 1]}%）：累计比例不能减少`;
  }
  if (s.profile[11] !== 100) return '12月的累计百分比应为100%';
  return null;
}

export function setPlanSplitSetting(ctx: ServiceContext, s: PlanSplitSetting): PlanSplitSetting {
  const db = requireDb(ctx, 'write');
  const problem = planSplitProblem(s);
  if (problem) throw new AppError('VALIDATION', problem);
  writeSetting(db, PLAN_SPLIT_SETTING, { mode: s.mode, profile: s.mode === 'profile' ? s.profile : [] });
  return planSplitSetting(db);
}

/** a × b ÷ c rounded half-up, for non-negative integers (BigInt where a double could not hold a × b). */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(2 * product + c)) return Math.floor((2 * product + c) / (2 * c));
  return Number((2n * BigInt(a) * BigInt(b) + BigInt(c)) / (2n * BigInt(c)));
}

/**
 * The cumulative plan to the end of month M from the points of a split: exact at a point, spread
 * evenly between points (from 0 before January; to the annual plan at December when the split
 * stops earlier, or to its last point if that is higher).
 */
export function plannedFromSplit(points: ReadonlyMap<number, number>, annualPlan: number, month: number): number {
  const at = points.get(month);
  if (at !== undefined) return at;
  let [a, pa] = [0, 0];
  let [b, pb] = [12, -1];
  for (const [m, v] of points) {
    if (m < month && m >= a) [a, pa] = [m, v];
    if (m > month && m < b) [b, pb] = [m, v];
  }
  if (pb < 0) pb = Math.max(annualPlan, ...points.values());
  return pa + mulDivHalfUp(Math.max(0, pb - pa), month - a, b - a);
}

/** The plan 1-M月 of a project without a split, as the setting spreads its annual plan; null: none. */
export function plannedBySetting(setting: PlanSplitSetting, annualPlan: number, month: number): number | null {
  if (setting.mode === 'even') return mulDivHalfUp(annualPlan, month, 12);
  if (setting.mode === 'profile') return mulDivHalfUp(annualPlan, Math.round(setting.profile[month - 1]! * 100), 10_000);
  return null;
}

/** Each year's splits by project, kept while the list version stands still (its triggers watch plan_splits). */
const kept = new WeakMap<Db, Map<number, { version: number; splits: Map<number, Map<number, number>> }>>();

export function splitsOfYear(db: Db, year: number): Map<number, Map<number, number>> {
  const version = listVersion(db);
  let byYear = kept.get(db);
  if (!byYear) kept.set(db, (byYear = new Map()));
  const hit = byYear.get(year);
  if (hit && hit.version === version) return hit.splits;
  const splits = new Map<number, Map<number, number>>();
  for (const [projectId, month, planned] of planSplitsOfYear(db, year)) {
    let points = splits.get(projectId);
    if (!points) splits.set(projectId, (points = new Map()));
    points.set(month, planned);
  }
  byYear.set(year, { version, splits });
  return splits;
}

/** The plan 1-M月 of each project of a list, in its order (NaN: none); all NaN for month 0. */
export function plannedToDates(db: Db, year: number, month: number, projects: readonly { id: number; annualPlan: number }[]): Float64Array {
  const out = new Float64Array(projects.length).fill(NaN);
  if (month < 1) return out;
  const splits = splitsOfYear(db, year);
  const setting = planSplitSetting(db);
  projects.forEach((p, i) => {
    const points = splits.get(p.id);
    const planned = points ? plannedFromSplit(points, p.annualPlan, month) : plannedBySetting(setting, p.annualPlan, month);
    if (planned !== null) out[i] = planned;
  });
  return out;
}
