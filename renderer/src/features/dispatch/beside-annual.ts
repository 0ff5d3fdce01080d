/**
 * The figures beside the annual ones (issue 14, "Two figures and two plans"), as 月调度 and 统计分析
 * show them: the 纳统（统计入库）figure and its difference from the dispatch figure, the share of
 * the plan 1-M月 completed, and the 时序开工率 — each only when it exists (no figure is not zero).
 */
import { formatMoneyText, formatPercent, formatPeriod } from '../../../../shared/format';
import type { Summary } from '../../../../shared/statistics';

export interface BesideAnnualItem {
  label: string;
  value: string;
  note: string;
}

export function besideAnnualItems(s: Summary, month: number): BesideAnnualItem[] {
  const items: BesideAnnualItem[] = [];
  if (s.statisticsToDate !== null && s.statisticsDifference !== null) {
    const d = s.statisticsDifference;
    const gap = d === 0 ? '与调度数一致' : `比调度数${d > 0 ? '少' : '多'}${formatMoneyText(Math.abs(d))}`;
    items.push({ label: `${formatPeriod(month)}纳统完成投资`, value: formatMoneyText(s.statisticsToDate), note: `${gap}（${s.statisticsReported}个项目报纳统数）` });
  }
  if (s.plannedToDate !== null && s.plannedToDate > 0) {
    const scope = s.plannedProjects < s.projects ? `${s.plannedProjects}个有分期计划的项目，` : '';
    items.push({ label: `完成${formatPeriod(month)}计划`, value: formatPercent(s.plannedCompleted, s.plannedToDate), note: `${scope}${formatPeriod(month)}计划投资${formatMoneyText(s.plannedToDate)}` });
  }
  if (s.dueToStart > 0) {
    items.push({ label: '时序开工率', value: formatPercent(s.startedDue, s.dueToStart), note: `截至${month}月底应开工${s.dueToStart}个，已开工${s.startedDue}个` });
  }
  return items;
}

/** The same as one line for the dispatch screen's headline; '' when there is none. */
export function besideAnnualLine(s: Summary, month: number): string {
  return besideAnnualItems(s, month).map((i) => `${i.label}${i.value}（${i.note.replace(/（|）/g, '')}）`).join('；');
}
