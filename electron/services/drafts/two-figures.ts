/**
 * The bulletin's sentences beside the annual figures (shared/drafts-two-figures.ts has their
 * wording): the 纳统（统计入库）figure when it differs from the dispatch figure, the plan 1-M月
 * when projects have one, the 时序开工率 when new projects were due to start. A sentence whose
 * figures do not exist is left out.
 */
import type { Run } from '../../../shared/drafts';
import { formatPeriod } from '../../../shared/format';
import { count, moneyText, percent } from '../../../shared/phrases';
import type { Summary } from '../../../shared/statistics';
import type { FigureBook, Scope } from './figures';
import { fill, t, type DraftInput } from './parts';

export function twoFigureRuns(input: DraftInput, book: FigureBook, scope: Scope, s: Summary): Run[] {
  const { style } = input;
  const money = (amount: number) => moneyText(amount, style);
  const percentOf = (part: number, whole: number) => percent(part, whole, style);
  const f = (name: string, text: string) => [book.figure(scope, name, text)];
  const base = { year: [t(`${book.year}`)], period: [t(formatPeriod(book.month))], month: [t(`${book.month}`)] };
  const runs: Run[] = [];
  if (s.statisticsToDate !== null && s.statisticsDifference !== null && s.statisticsDifference !== 0) {
    const d = s.statisticsDifference;
    runs.push(
      ...fill(input, 'bulletin.statistics', {
        ...base,
        completed: f('completed', money(s.completedToDate)),
        statisticsCompleted: f('statisticsCompleted', money(s.statisticsToDate)),
        statisticsDifference: [t(`比调度数${d > 0 ? '少' : '多'}`), book.figure(scope, 'statisticsDifference', money(Math.abs(d)))],
        statisticsRate: s.annualPlan > 0 ? f('statisticsRate', percentOf(s.statisticsToDate, s.annualPlan)) : [t('—')],
      }),
    );
  }
  if (s.plannedToDate !== null && s.plannedToDate > 0) {
    runs.push(
      ...fill(input, 'bulletin.planToDate', {
        ...base,
        plannedScope: s.plannedProjects < s.projects ? [t('有分期计划的'), book.figure(scope, 'plannedProjects', count(s.plannedProjects, style)), t('项目')] : [],
        plannedToDate: f('plannedToDate', money(s.plannedToDate)),
        plannedRate: f('plannedRate', percentOf(s.plannedCompleted, s.plannedToDate)),
        completionRate: s.annualPlan > 0 ? f('completionRate', percentOf(s.completedToDate, s.annualPlan)) : [t('—')],
      }),
    );
  }
  if (s.dueToStart > 0) {
    runs.push(
      ...fill(input, 'bulletin.timelyStart', {
        ...base,
        dueToStart: f('dueToStart', `${s.dueToStart}`),
        startedDue: f('startedDue', `${s.startedDue}`),
        timelyStartRate: f('timelyStartRate', percentOf(s.startedDue, s.dueToStart)),
      }),
    );
  }
  return runs;
}
