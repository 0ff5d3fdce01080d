/**
 * The bulletin's named lists (REAL-DOCUMENTS.md, "How monthly bulletins are written"): the red and
 * the most lagging yellow projects with why each lags （投资滞后）/（开工滞后）/（未报送）, projects
 * due to start and not started with the reason their open problems give ("因…尚未开工"), 续建
 * projects not resumed, unreported projects by district, and what changed since last month. A list
 * without projects is no sentence at all.
 */
import type { Block, Run } from '../../../shared/drafts';
import { LAG_TAGS, count, monthPointsPhrase, nameList, noneFound, notStartedBecause, type LagReason } from '../../../shared/phrases';
import type { ProjectFigures } from '../../../shared/statistics';
import { openProblemsByProject, problemCounts } from '../../db/progress';
import { projectFigures, statistics } from '../statistics';
import type { FigureBook, Scope } from './figures';
import { para, t, type DraftInput } from './parts';

/** How many projects a sentence names before "等N个". */
export const NAMED_IN_TEXT = 10;

/** Why a project is behind: no report this month, a new project past its start month not started, else its investment. */
export function lagReason(f: ProjectFigures, month: number): LagReason {
  if (!f.reported) return 'unreported';
  if (dueNotStarted(f, month)) return 'start';
  return 'investment';
}

/** A new project whose planned start month has come and that has not started. */
export function dueNotStarted(f: ProjectFigures, month: number): boolean {
  return f.nature === 'new' && !f.startedNew && f.plannedStartMonth !== null && f.plannedStartMonth <= month;
}

/** The lagging first: lowest completion rate, then the larger plan (more money behind). */
export function mostLagging(a: ProjectFigures, b: ProjectFigures): number {
  return a.rate - b.rate || b.annualPlan - a.annualPlan;
}

/** "A（投资滞后）、B（未报送）等" — the first NAMED_IN_TEXT (the sentence has given the count). */
function named(projects: readonly ProjectFigures[], label: (f: ProjectFigures) => string): string {
  const shown = projects.slice(0, NAMED_IN_TEXT).map(label);
  return projects.length > shown.length ? `${shown.join('、')}等` : nameList(shown);
}

export interface BulletinLists {
  red: ProjectFigures[];
  yellow: ProjectFigures[];
  /** New projects not started, due or not. */
  unstarted: ProjectFigures[];
  dueNotStarted: ProjectFigures[];
  notResumed: ProjectFigures[];
  unreported: ProjectFigures[];
}

export function bulletinLists(figures: readonly ProjectFigures[], month: number): BulletinLists {
  return {
    red: figures.filter((f) => f.warning === 'red').sort(mostLagging),
    yellow: figures.filter((f) => f.warning === 'yellow').sort(mostLagging),
    unstarted: figures.filter((f) => f.nature === 'new' && !f.startedNew),
    dueNotStarted: figures.filter((f) => dueNotStarted(f, month)),
    notResumed: figures.filter((f) => f.nature === 'continued' && !f.resumed),
    unreported: figures.filter((f) => !f.reported),
  };
}

/**
 * 四、预警项目情况: the red and yellow projects named with their reasons, the projects due and not
 * started with theirs, those not resumed and the unreported, each only when it has projects.
 */
export function warningBlocks(input: DraftInput, book: FigureBook, all: Scope, lists: BulletinLists, attachmentOf: (what: 'warnings' | 'unstarted') => number | null): Block[] {
  const { month, style } = input;
  const tagged = (f: ProjectFigures) => `${f.name}${LAG_TAGS[lagReason(f, month)]}`;
  // After the sentence, so it never stands beside a name's own brackets.
  const see = (n: number | null) => (n ? `名单见附件${n}。` : '');
  const colour = (name: 'red' | 'yellow', label: string, projects: ProjectFigures[], lead: string): Run[] =>
    projects.length
      ? [t(`${label}预警项目`), book.figure(all, name, count(projects.length, style)), t(`${lead}${named(projects, tagged)}`)]
      : [t(noneFound(`${label}预警项目`))];
  const blocks: Block[] = [
    para(
      t(`按照预警规则，截至${month}月底，`),
      ...colour('red', '红色', lists.red, '：'),
      t('；'),
      ...colour('yellow', '黄色', lists.yellow, lists.yellow.length > NAMED_IN_TEXT ? '，滞后较多的有' : '：'),
      t(`。${see(attachmentOf('warnings'))}`),
    ),
  ];
  if (lists.unstarted.length) {
    const problems = openProblemsByProject(input.db);
    const why = (f: ProjectFigures) => `${f.name}（${notStartedBecause(problems.get(f.projectId) ?? [])}）`;
    const due = lists.dueNotStarted.length;
    // The due ones are a figure of their own: it opens exactly them (by id, as no breakdown says "due").
    const dueScope: Scope = { ...all, where: [...(all.where ?? []), { dimension: 'project', keys: lists.dueNotStarted.map((f) => String(f.projectId)) }] };
    const which: Run[] =
      due === 0
        ? [t('，均未到计划开工时间。')]
        : [
            ...(due === lists.unstarted.length ? [t('，均已到开工时间节点')] : [t('，其中已到开工时间节点的'), book.figure(dueScope, 'dueNotStarted', count(due, style))]),
            t(`：${named(lists.dueNotStarted, why)}。${see(attachmentOf('unstarted'))}`),
          ];
    blocks.push(para(t('新建项目中尚未开工的'), book.figure(all, 'unstarted', count(lists.unstarted.length, style)), ...which));
  }
  if (lists.notResumed.length) blocks.push(para(t(`续建项目尚未复工（停工）的${count(lists.notResumed.length, style)}：${named(lists.notResumed, (f) => f.name)}。`)));
  if (lists.unreported.length) {
    const byDistrict = new Map<string, number>();
    for (const f of lists.unreported) byDistrict.set(f.district ?? '未填区市', (byDistrict.get(f.district ?? '未填区市') ?? 0) + 1);
    const units = [...byDistrict].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d}${count(n, style)}`);
    blocks.push(
      para(
        t('本月未报送调度数据的项目'),
        book.figure(all, 'unreported', count(lists.unreported.length, style)),
        t(`（${units.join('、')}）：${named(lists.unreported, (f) => f.name)}。`),
      ),
    );
  }
  if (lists.red.length + lists.yellow.length + lists.dueNotStarted.length + lists.notResumed.length + lists.unreported.length > 0) {
    blocks.push(para(t('请各区市、各牵头部门对照名单，逐个研究解决。')));
  }
  return blocks;
}

/**
 * 较上月: the completion rate against last month's, projects started this month, projects newly
 * red and problems solved this month; null in January or when nothing can be compared.
 */
export function monthOverMonth(input: DraftInput, book: FigureBook, all: Scope, figures: readonly ProjectFigures[]): Block | null {
  const { db, year, month, style } = input;
  if (month <= 1) return null;
  const before = statistics(db, year, month - 1).overall;
  if (before.projects === 0) return null;
  const now = statistics(db, year, month).overall;
  const earlier = new Map(projectFigures(db, year, month - 1).map((f) => [f.projectId, f]));
  const started = (f: ProjectFigures | undefined) => !!f && (f.startedNew || f.resumed);
  const newlyStarted = figures.filter((f) => started(f) && !started(earlier.get(f.projectId)));
  const newlyRed = figures.filter((f) => f.warning === 'red' && earlier.get(f.projectId)?.warning !== 'red');
  const solved = problemCounts(db, year, month).solved - problemCounts(db, year, month - 1).solved;
  const clauses: Run[][] = [];
  const rate = monthPointsPhrase(now.completedToDate, now.annualPlan, before.completedToDate, before.annualPlan, style);
  if (rate) clauses.push([t('投资完成率'), book.figure(all, 'completionRateChange', rate)]);
  if (newlyStarted.length) clauses.push([t(`本月新开复工项目${count(newlyStarted.length, style)}`)]);
  if (newlyRed.length) clauses.push([t(`新增红色预警项目${count(newlyRed.length, style)}（${named(newlyRed, (f) => f.name)}）`)]);
  if (solved > 0) clauses.push([t(`本月解决问题${count(solved, style)}`)]);
  if (!clauses.length) return null;
  return para(...clauses.flatMap((c, i) => [...(i ? [t('；')] : []), ...c]), t('。'));
}
