/**
 * The contract's methods of 设置 that the statistics and the texts read: the warning rules and
 * their thresholds (预警规则), the office's number style (口径: decimals, counting word, units) and
 * how annual plans are split by month (分月计划). Kept in the library; a closed month keeps the
 * ones it was closed with. Spread into `api` (shared/api.ts); the drafts' fonts and templates are
 * in api-drafts.ts, backups in api-backups.ts.
 */
import * as z from 'zod';
import type { PlanSplitSetting, WarningThresholds } from './statistics';
import { numberStyleChanges, type NumberStyle } from './number-style';
import { method, month, none, year } from './api-schemas';

const monthsLate = z.number().int('逾期月数须为整数').min(1, '逾期月数不能小于1').max(12, '逾期月数不能大于12').optional();
const gap = z.number().min(0.01, '落后百分点不能小于1').max(1, '落后百分点不能大于100').optional();
const share = z.number().min(0.01, '序时进度比例不能小于1%').max(1, '序时进度比例不能大于100%').optional();
const monthsUnreported = z.number().int('未报送月数须为整数').min(1, '未报送月数不能小于1').max(12, '未报送月数不能大于12').optional();
const daysOverdue = z.number().int('手续逾期天数须为整数').min(1, '手续逾期天数不能小于1').max(366, '手续逾期天数不能大于366').optional();

export const settingsApi = {
  /** The warning rules in use and their thresholds (settings, with the defaults of STATISTICS.md). */
  'settings.thresholds': method(none).returns<WarningThresholds>(),
  /** 口径: the office's number style; of Y年M月 when given (a closed month keeps the one it was closed with). */
  'settings.style': method(z.object({ year: year.optional(), month: month.optional() }).strict()).returns<NumberStyle>(),
  /** Change some of the number style; returns the whole style. */
  'settings.setStyle': method(numberStyleChanges).returns<NumberStyle>(),
  /**
   * Change the warning rules: which forms are on and their thresholds (fractions: 0.1 = 10 百分点,
   * 0.8 = 80 % of 序时); a field not given keeps its saved value. Validated (yellow below red).
   */
  'settings.setThresholds': method(
    z
      .object({
        rules: z
          .array(z.enum(['late', 'gap', 'share', 'unreported', 'procedure']))
          .min(1, '请至少选择一种预警规则')
          .max(5)
          .optional(),
        redMonthsLate: monthsLate,
        yellowMonthsLate: monthsLate,
        redGap: gap,
        yellowGap: gap,
        redShare: share,
        yellowShare: share,
        redMonthsUnreported: monthsUnreported,
        yellowMonthsUnreported: monthsUnreported,
        redDaysOverdue: daysOverdue,
        yellowDaysOverdue: daysOverdue,
        /** The dispatch import's check: a cumulative above this many times the annual plan. */
        planMultiple: z.number().min(1, '倍数不能小于1').max(100, '倍数不能大于100').optional(),
      })
      .strict(),
  ).returns<WarningThresholds>(),
  /** How annual plans without a split of their own are split by month (设置 > 口径): none, evenly, or by a profile. */
  'settings.planSplit': method(none).returns<PlanSplitSetting>(),
  /** Change it; a profile is 12 cumulative percentages ending at 100 (validated). */
  'settings.setPlanSplit': method(z.object({ mode: z.enum(['none', 'even', 'profile']), profile: z.array(z.number().min(0).max(100)).max(12) }).strict()).returns<PlanSplitSetting>(),
} as const;
