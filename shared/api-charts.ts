/**
 * The contract's methods of the charts' own settings: the office's short names of districts and
 * categories (设置 > 图表简称, shared/chart-labels.ts). Spread into `api` (shared/api.ts).
 */
import * as z from 'zod';
import { method, none } from './api-schemas';
import { SHORT_NAME_MAX, type ShortNames } from './chart-labels';

export const chartsApi = {
  /** Full name → short name, as every chart prints it (never a table or a text). */
  'settings.chartNames': method(none).returns<ShortNames>(),
  /** Replace the short names (a short name left empty removes it); two names may not share one. */
  'settings.setChartNames': method(
    z
      .object({
        names: z.record(z.string().trim().min(1, '全称不能为空').max(100, '全称过长'), z.string().trim().max(SHORT_NAME_MAX, `简称最多${SHORT_NAME_MAX}个字`)),
      })
      .strict(),
  ).returns<ShortNames>(),
} as const;
