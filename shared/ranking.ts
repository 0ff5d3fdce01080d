/**
 * 赛马's table, one definition for the screen and the .xlsx export: its columns and each group's
 * cells (completion rate, the gap to time progress, start rate) written by the one formatter.
 */
import { formatPercent, formatPointsDifference } from './format';
import type { KeyedSummary } from './statistics';

export const RANK_HEADERS = (keyLabel: string) => ['名次', keyLabel, '项目数', '年度计划投资（万元）', '完成投资（万元）', '完成率', '与时序进度比', '开复工率', '红色预警', '黄色预警'];

export interface RankCells {
  rank: number;
  key: string;
  projects: number;
  /** 元 */
  annualPlan: number;
  /** 元 */
  completedToDate: number;
  rate: string;
  gap: string;
  behind: boolean;
  startRate: string;
  red: number;
  yellow: number;
}

export function rankCells(g: KeyedSummary, index: number, month: number): RankCells {
  const gap = g.annualPlan > 0 ? formatPointsDifference(g.completedToDate, g.annualPlan, month, 12) : null;
  return {
    rank: index + 1,
    key: g.key,
    projects: g.projects,
    annualPlan: g.annualPlan,
    completedToDate: g.completedToDate,
    rate: g.annualPlan > 0 ? formatPercent(g.completedToDate, g.annualPlan) : '—',
    gap: gap ? `${gap.sign < 0 ? '低于' : gap.sign > 0 ? '超过' : '持平'}${gap.sign ? gap.text : ''}` : '—',
    behind: !!gap && gap.sign < 0,
    startRate: g.projects ? formatPercent(g.startedNew + g.resumed, g.projects) : '—',
    red: g.warnings.red,
    yellow: g.warnings.yellow,
  };
}
