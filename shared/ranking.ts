/**
 * 赛马's table, one definition for the screen and the .xlsx export: its columns and each group's
 * cells (completion rate, the gap to time progress, start rate), written by the phrase library in
 * the office's style (设置 > 口径), amounts in its table unit.
 */
import type { MoneyUnit } from './money';
import type { NumberStyle } from './number-style';
import { DEFAULT_NUMBER_STYLE } from './number-style';
import { moneyHeader, percentCell, progressGap, progressGapPhrase } from './phrases';
import type { KeyedSummary } from './statistics';

export const RANK_HEADERS = (keyLabel: string, unit: MoneyUnit = '万元') => ['名次', keyLabel, '项目数', moneyHeader('年度计划投资', unit), moneyHeader('完成投资', unit), '完成率', '与时序进度比', '开复工率', '红色预警', '黄色预警'];

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

export function rankCells(g: KeyedSummary, index: number, month: number, style: NumberStyle = DEFAULT_NUMBER_STYLE): RankCells {
  const gap = g.annualPlan > 0 ? progressGap(g.completedToDate, g.annualPlan, month, style) : null;
  return {
    rank: index + 1,
    key: g.key,
    projects: g.projects,
    annualPlan: g.annualPlan,
    completedToDate: g.completedToDate,
    // A table column: every cell with the office's decimals ("77.0%" beside "112.2%").
    rate: g.annualPlan > 0 ? percentCell(g.completedToDate, g.annualPlan, style) : '—',
    gap: g.annualPlan > 0 ? progressGapPhrase(g.completedToDate, g.annualPlan, month, style, 'short') : '—',
    behind: !!gap && gap.sign < 0,
    startRate: g.projects ? percentCell(g.startedNew + g.resumed, g.projects, style) : '—',
    red: g.warnings.red,
    yellow: g.warnings.yellow,
  };
}
