/**
 * The warning rules (红黄绿) of STATISTICS.md in every form offices use (REAL-DOCUMENTS.md):
 * months late to start, months unreported, percentage points below time progress (序时), a share
 * of time progress, and days a 前期手续 is overdue (issue 19: a lagging 前期 project is seen before
 * it misses its start), each with a yellow and a red threshold, several on at once (设置). A
 * project keeps the most severe colour any rule in use gives it, and its reason names the rule
 * that gave it and that rule's threshold, so a reader can check it by hand.
 *
 * The thresholds are a setting of the library (the settings table), so a closed month's frozen
 * copy (month-freeze.ts) keeps the rules it was closed with.
 */
import { formatPercent, formatPeriod, formatPointsDifference } from '../../../shared/format';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../../shared/number-style';
import { belowTimeProgressPhrase, count, overdueProcedurePhrase, percent } from '../../../shared/phrases';
import { AppError } from '../../../shared/result';
import {
  DEFAULT_THRESHOLDS,
  WARNING_RULE_KINDS,
  type WarningLevel,
  type WarningRuleKind,
  type WarningThresholds,
} from '../../../shared/statistics';
import type { Nature } from '../../../shared/domain';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import type { OverdueFact } from './procedure-warnings';

export const THRESHOLDS_SETTING = 'statistics.thresholds';

/** The rules in use: what 设置 saved over the defaults (a library from before rule forms: late and gap). */
export function warningThresholds(db: Db): WarningThresholds {
  const saved = readSetting<Partial<WarningThresholds>>(db, THRESHOLDS_SETTING) ?? {};
  const rules = Array.isArray(saved.rules) ? WARNING_RULE_KINDS.filter((k) => saved.rules!.includes(k)) : DEFAULT_THRESHOLDS.rules;
  return { ...DEFAULT_THRESHOLDS, ...saved, rules };
}

/**
 * Change the rules (设置): the fields given replace the saved ones, the others stay. Refused, with
 * nothing saved, when no rule is on or a yellow threshold is stricter than its red one.
 */
export function setThresholds(ctx: ServiceContext, t: Partial<WarningThresholds>): WarningThresholds {
  const db = requireDb(ctx, 'write');
  const saved = readSetting<Partial<WarningThresholds>>(db, THRESHOLDS_SETTING) ?? {};
  const next = { ...warningThresholds(db), ...t };
  if (next.rules.length === 0) throw new AppError('VALIDATION', '请至少选择一种预警规则');
  if (next.yellowMonthsLate > next.redMonthsLate) throw new AppError('VALIDATION', '黄色预警的逾期月数不能多于红色预警');
  if (next.yellowGap > next.redGap) throw new AppError('VALIDATION', '黄色预警的落后百分点不能大于红色预警');
  if (next.yellowShare < next.redShare) throw new AppError('VALIDATION', '黄色预警的序时进度比例不能低于红色预警');
  if (next.yellowMonthsUnreported > next.redMonthsUnreported) throw new AppError('VALIDATION', '黄色预警的未报送月数不能多于红色预警');
  if (next.yellowDaysOverdue > next.redDaysOverdue) throw new AppError('VALIDATION', '黄色预警的手续逾期天数不能多于红色预警');
  // Only what was saved or given is written: a default changed in a later version still applies
  // to the fields the office never set.
  writeSetting(db, THRESHOLDS_SETTING, { ...saved, ...t, rules: WARNING_RULE_KINDS.filter((k) => next.rules.includes(k)) });
  return warningThresholds(db);
}

/** What the rules look at of one project at month M. */
export interface WarningInput {
  nature: Nature | null;
  started: boolean;
  plannedStartMonth: number | null;
  completedToDate: number;
  annualPlan: number;
  /** The month of its latest report of the year up to M (M: reported this month); 0: none yet. */
  lastReported: number;
  /** Its most overdue 前期手续 at the end of month M (procedure-warnings.ts), or null. */
  overdueProcedure: OverdueFact | null;
}

export interface WarningOutcome {
  warning: WarningLevel;
  /** The rule that gave the colour (the first in WARNING_RULE_KINDS' order at that colour); null for green. */
  rule: WarningRuleKind | null;
}

/** Integers a·b compared with c·d exactly: above 2^53 the products are taken as BigInt. */
function productLess(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (Math.abs(l) < Number.MAX_SAFE_INTEGER && Math.abs(r) < Number.MAX_SAFE_INTEGER) return l < r;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/**
 * Whether time progress exceeds the completion rate by more than `threshold` (a fraction), exactly:
 * 12·(1000·threshold)·plan < 1000·(M·plan − 12·completed), in integers (completion is 0 without a plan).
 */
function gapAbove(completed: number, plan: number, month: number, threshold: number): boolean {
  const th = Math.round(threshold * 1000);
  if (plan <= 0) return 12 * th < 1000 * month;
  return productLess(12 * th, plan, 1000, month * plan - 12 * completed);
}

/**
 * Whether the completion rate is below `share` of time progress, exactly: completed ÷ plan <
 * share·M ÷ 12 ⇔ 12·1000·completed < (1000·share)·M·plan (completion is 0 without a plan).
 */
function shareBelow(completed: number, plan: number, month: number, share: number): boolean {
  const s = Math.round(share * 1000);
  if (plan <= 0) return s > 0;
  return productLess(12_000, completed, s * month, plan);
}

const monthsLateOf = (f: WarningInput, month: number) =>
  f.nature === 'new' && !f.started && f.plannedStartMonth !== null ? month - f.plannedStartMonth : 0;

/** The colour one rule gives a project at month M, or null when it gives none. */
function colourBy(rule: WarningRuleKind, f: WarningInput, month: number, t: WarningThresholds): 'red' | 'yellow' | null {
  switch (rule) {
    case 'late': {
      const late = monthsLateOf(f, month);
      return late >= t.redMonthsLate ? 'red' : late >= t.yellowMonthsLate ? 'yellow' : null;
    }
    case 'unreported': {
      const months = month - f.lastReported;
      return months >= t.redMonthsUnreported ? 'red' : months >= t.yellowMonthsUnreported ? 'yellow' : null;
    }
    case 'gap':
      return gapAbove(f.completedToDate, f.annualPlan, month, t.redGap) ? 'red' : gapAbove(f.completedToDate, f.annualPlan, month, t.yellowGap) ? 'yellow' : null;
    case 'share':
      return shareBelow(f.completedToDate, f.annualPlan, month, t.redShare) ? 'red' : shareBelow(f.completedToDate, f.annualPlan, month, t.yellowShare) ? 'yellow' : null;
    case 'procedure': {
      const days = f.overdueProcedure?.days ?? 0;
      return days >= t.redDaysOverdue ? 'red' : days >= t.yellowDaysOverdue ? 'yellow' : null;
    }
  }
}

/** The rules in use applied to one project at month M: the most severe colour, and which rule gave it. */
export function warningOf(f: WarningInput, month: number, t: WarningThresholds): WarningOutcome {
  let yellow: WarningRuleKind | null = null;
  for (const rule of WARNING_RULE_KINDS) {
    if (!t.rules.includes(rule)) continue;
    const colour = colourBy(rule, f, month, t);
    if (colour === 'red') return { warning: 'red', rule };
    if (colour === 'yellow') yellow ??= rule;
  }
  return yellow ? { warning: 'yellow', rule: yellow } : { warning: 'green', rule: null };
}

const COLOUR = { red: '红色', yellow: '黄色' } as const;

/** The project's rate as the reason states it; a project without any report says so (missing is not zero). */
function rateText(f: WarningInput, month: number, style: NumberStyle): string {
  if (f.lastReported === 0) return `${formatPeriod(month)}未报送，完成投资按0计`;
  const rate = f.annualPlan > 0 ? `投资完成率${percent(f.completedToDate, f.annualPlan, style)}` : '未安排年度计划投资，完成率按0计';
  return f.lastReported < month ? `${rate}（${month}月未报送，沿用${f.lastReported}月数据）` : rate;
}

/**
 * Why the project has its colour, naming the rule and its threshold:
 * "投资完成率25%，低于时序进度41.7个百分点（黄色：低于时序进度超过10个百分点）"; null for green.
 * The project's own figures are written in the office's style (设置 > 口径), the thresholds as set.
 */
export function warningReason(f: WarningInput, month: number, t: WarningThresholds, outcome: WarningOutcome, style: NumberStyle = DEFAULT_NUMBER_STYLE): string | null {
  if (outcome.warning === 'green' || outcome.rule === null) return null;
  const red = outcome.warning === 'red';
  const colour = COLOUR[outcome.warning];
  const [c, p] = f.annualPlan > 0 ? [f.completedToDate, f.annualPlan] : [0, 1];
  switch (outcome.rule) {
    case 'late':
      return `计划${f.plannedStartMonth}月开工，已逾期${monthsLateOf(f, month)}个月未开工（${colour}：逾期${red ? t.redMonthsLate : t.yellowMonthsLate}个月及以上）`;
    case 'unreported': {
      const rule = `（${colour}：连续${red ? t.redMonthsUnreported : t.yellowMonthsUnreported}个月及以上未报送）`;
      return f.lastReported === 0 ? `${formatPeriod(month)}均未报送${rule}` : `已连续${month - f.lastReported}个月未报送，最近一次报送为${f.lastReported}月${rule}`;
    }
    case 'gap': {
      const threshold = red ? t.redGap : t.yellowGap;
      return `${rateText(f, month, style)}，${belowTimeProgressPhrase(c, p, month, style)}（${colour}：低于时序进度超过${formatPointsDifference(Math.round(threshold * 1000), 1000, 0, 1).text}）`;
    }
    case 'share': {
      const threshold = red ? t.redShare : t.yellowShare;
      return `${rateText(f, month, style)}，为时序进度的${percent(12 * c, month * p, style)}（${colour}：不足时序进度的${formatPercent(Math.round(threshold * 1000), 1000)}）`;
    }
    case 'procedure': {
      const o = f.overdueProcedure!;
      const others = o.others ? `，另有${count(o.others, style, '项')}手续逾期` : '';
      return `${overdueProcedurePhrase(o.kind, o.days)}未取得（计划${o.plannedDate}办结）${others}（${colour}：前期手续逾期${red ? t.redDaysOverdue : t.yellowDaysOverdue}天及以上）`;
    }
  }
}
