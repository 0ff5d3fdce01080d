/**
 * The numbers of a draft as template fields: each value of the statistics engine written by the
 * phrase library (shared/phrases.ts) in the office's style and recorded as a Figure (label, definition, the projects behind it), so the
 * preview can list every number used and open the projects behind any of them.
 */
import type { ChartDimension } from '../../../shared/charts';
import type { DrillCondition } from '../../../shared/drill-down';
import type { Figure, Run } from '../../../shared/drafts';
import { LEAVE_OUT, placeholder } from '../../../shared/drafts';
import { formatPeriod } from '../../../shared/format';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../../shared/number-style';
import { ALL_STARTED, NONE_STARTED, change, count, countChange as countChangeText, growthInList, growthList as growthListOf, listSeparator, moneyText, noneFound, percent, progressGapPhrase, timeProgress } from '../../../shared/phrases';
import type { StatsFilter, Summary } from '../../../shared/statistics';
import { figureConditions, figureMeasure } from './figure-drill';

/** What STATISTICS.md says each measure is, in the words of the figure list. */
const DEFINITIONS: Record<string, string> = {
  projects: '年度清单中的项目个数',
  totalInvestment: '项目总投资之和',
  annualPlan: '年度计划投资之和',
  completed: '各项目截至统计月最近一次报送的本年累计完成投资之和（未报送的沿用此前最近一次）',
  completionRate: '累计完成投资 ÷ 年度计划投资',
  timeProgress: '统计月份 ÷ 12',
  progressGap: '投资完成率 − 时序进度，以百分点表示',
  newProjects: '建设性质为新建的项目个数',
  continuedProjects: '建设性质为续建的项目个数',
  newShare: '新建项目个数 ÷ 项目个数',
  continuedShare: '续建项目个数 ÷ 项目个数',
  started: '截至统计月底已开工的新建项目与已复工的续建项目之和',
  startRate: '（新建已开工 + 续建已复工）÷ 项目个数',
  startedNew: '截至统计月底已开工的新建项目个数',
  newStartRate: '新建已开工个数 ÷ 新建项目个数',
  resumed: '截至统计月底已复工的续建项目个数',
  resumeRate: '续建已复工个数 ÷ 续建项目个数',
  unreported: '统计月未报送的项目个数',
  red: '红色预警项目个数（规则见设置）',
  yellow: '黄色预警项目个数（规则见设置）',
  unstarted: '截至统计月底尚未开工的新建项目个数',
  growth: '本年 ÷ 上年同期 − 1',
  share: '该部分项目个数 ÷ 所在范围的项目个数',
  leaders: '联系分包这些项目的市级领导人数（不重复计数）',
  over1yi: '总投资1亿元（含）以上的项目个数',
  over30yi: '总投资30亿元（含）以上的项目个数',
  from10to30yi: '总投资10亿元（含）至30亿元的项目个数',
  problems: '截至统计月底提出的问题个数（本年清单项目）',
  solvedProblems: '截至统计月底已解决的问题个数',
  openProblems: '截至统计月底尚未解决的问题个数',
  problemProjects: '截至统计月底有问题的项目个数',
  difference: '本年个数 − 上年个数',
  statisticsCompleted: '各项目截至统计月最近一次报送的纳统（统计入库）累计完成投资之和（未报纳统数的项目不计）',
  statisticsDifference: '累计完成投资（调度数）− 纳统（统计入库）完成投资',
  statisticsRate: '纳统完成投资 ÷ 年度计划投资',
  plannedToDate: '有分期计划（或按设置分月）的项目1-M月计划投资之和；期内各月平均',
  plannedRate: '这些项目的累计完成投资 ÷ 其1-M月计划投资',
  plannedProjects: '有分期计划（或按设置分月）的项目个数',
  dueToStart: '计划开工月份不晚于统计月的新建项目个数',
  dueNotStarted: '计划开工月份不晚于统计月、截至统计月底尚未开工的新建项目个数',
  startedDue: '其中截至统计月底已开工的个数',
  timelyStartRate: '已开工个数 ÷ 应开工个数（时序开工率）',
  completionRateChange: '本月投资完成率 − 上月投资完成率，以百分点表示',
};

/** The scope a group of figures covers, and how to find its projects again. */
export interface Scope {
  /** As written: "全市", "工业", "省级". */
  label: string;
  filter: StatsFilter;
  /** A part of the filter's projects: one key of a breakdown ('all': the whole filter). */
  dimension: ChartDimension | 'all';
  key: string;
  /** Further conditions of the scope (one project: its id). */
  where?: DrillCondition[];
}

/** The figures of one draft, in the order they were first used, and the style they are written in. */
export class FigureBook {
  readonly figures: Figure[] = [];
  private readonly byId = new Map<string, Figure>();
  constructor(
    readonly year: number,
    readonly month: number,
    /** The office's style (设置 > 口径) as of the month: every number of the draft is written in it. */
    readonly style: NumberStyle = DEFAULT_NUMBER_STYLE,
  ) {}

  /**
   * A run for a figure. Its projects are the scope's and, for a part, those the figure's name
   * counts (red: the red ones; over1yi: three size buckets; see figure-drill.ts). Its key holds
   * the projects and the text, so two different sentences are two entries of the figure list.
   */
  figure(scope: Scope, name: string, text: string, definitionKey = name): Run {
    const label = `${FIELD_NAMES[name] ?? name}（${scope.label}）`;
    const where: DrillCondition[] = [
      ...(scope.dimension === 'all' ? [] : [{ dimension: scope.dimension, keys: [scope.key] }]),
      ...(scope.where ?? []),
      ...figureConditions(name),
    ];
    // Last year's count opens last year's projects.
    const year = name === 'previousProjects' ? this.year - 1 : this.year;
    const id = JSON.stringify([year, scope.filter, where, name, text]);
    if (!this.byId.has(id)) {
      const f: Figure = {
        id,
        label,
        text,
        definition: DEFINITIONS[definitionKey] ?? DEFINITIONS[name] ?? '',
        source: { year, month: this.month, filter: scope.filter, where },
        measure: figureMeasure(name),
      };
      this.byId.set(id, f);
      this.figures.push(f);
    }
    return { text, figure: id };
  }
}

const FIELD_NAMES: Record<string, string> = {
  projects: '项目个数',
  totalInvestment: '总投资',
  annualPlan: '年度计划投资',
  completed: '累计完成投资',
  completionRate: '投资完成率',
  timeProgress: '时序进度',
  progressGap: '与时序进度相比',
  newProjects: '新建项目',
  continuedProjects: '续建项目',
  newShare: '新建占比',
  continuedShare: '续建占比',
  started: '开复工项目',
  startRate: '开复工率',
  startedNew: '新建已开工',
  newStartRate: '开工率',
  resumed: '续建已复工',
  resumeRate: '复工率',
  unreported: '未报送',
  red: '红色预警',
  yellow: '黄色预警',
  projectsGrowth: '项目个数同比',
  totalInvestmentGrowth: '总投资同比',
  annualPlanGrowth: '年度计划投资同比',
  completedGrowth: '完成投资同比',
  previousProjects: '上年项目个数',
  share: '占比',
  leaders: '联系分包的市级领导',
  over1yi: '1亿元以上项目',
  over30yi: '30亿元以上项目',
  from10to30yi: '10亿-30亿元项目',
  over1yiChange: '1亿元以上项目比上年增减',
  over30yiChange: '30亿元以上项目比上年增减',
  from10to30yiChange: '10亿-30亿元项目比上年增减',
  problems: '问题个数',
  solvedProblems: '已解决问题',
  openProblems: '未解决问题',
  problemProjects: '有问题的项目',
  unstarted: '未开工新建项目',
  statisticsCompleted: '纳统完成投资',
  statisticsDifference: '纳统数与调度数之差',
  statisticsRate: '纳统完成投资占年度计划比例',
  plannedToDate: '1-M月计划投资',
  plannedRate: '完成1-M月计划',
  plannedProjects: '有分期计划的项目',
  dueToStart: '应开工新建项目',
  dueNotStarted: '已到开工时间节点未开工',
  startedDue: '应开工中已开工',
  timelyStartRate: '时序开工率',
  completionRateChange: '投资完成率比上月',
};

const text = (t: string): Run[] => [{ text: t }];

/**
 * The template fields of one group of projects: its summary for year Y at month M and, when the
 * previous year has a list, the same group in Y−1 at M.
 */
export function groupFields(book: FigureBook, scope: Scope, s: Summary, prev: Summary | null): Record<string, Run[]> {
  const f = (name: string, t: string, definitionKey?: string) => [book.figure(scope, name, t, definitionKey)];
  const { month, style } = book;
  const fields: Record<string, Run[]> = {
    year: text(`${book.year}`),
    period: text(formatPeriod(month)),
    month: text(`${month}`),
    scope: text(scope.label),
    previousYear: text(`${book.year - 1}`),
    projects: f('projects', `${s.projects}`),
    totalInvestment: f('totalInvestment', moneyText(s.totalInvestment, style)),
    annualPlan: f('annualPlan', moneyText(s.annualPlan, style)),
    completed: f('completed', moneyText(s.completedToDate, style)),
    completionRate: f('completionRate', percent(s.completedToDate, s.annualPlan, style)),
    timeProgress: f('timeProgress', timeProgress(month, style)),
    progressGap: f('progressGap', progressGapPhrase(s.completedToDate, s.annualPlan, month, style)),
    newProjects: f('newProjects', `${s.newProjects}`),
    continuedProjects: f('continuedProjects', `${s.continuedProjects}`),
    newShare: f('newShare', percent(s.newProjects, s.projects, style)),
    continuedShare: f('continuedShare', percent(s.continuedProjects, s.projects, style)),
    started: f('started', `${s.startedNew + s.resumed}`),
    startRate: f('startRate', percent(s.startedNew + s.resumed, s.projects, style)),
    startedNew: f('startedNew', `${s.startedNew}`),
    newStartRate: f('newStartRate', percent(s.startedNew, s.newProjects, style)),
    resumed: f('resumed', `${s.resumed}`),
    resumeRate: f('resumeRate', percent(s.resumed, s.continuedProjects, style)),
    unreported: f('unreported', `${s.unreported}`),
    red: f('red', `${s.warnings.red}`),
    yellow: f('yellow', `${s.warnings.yellow}`),
    startClause: startClause(book, scope, s),
    warningClause: warningClause(book, scope, s),
  };
  if (prev && prev.projects > 0) {
    const g = (name: string, cur: number, before: number) => f(name, growthInList(cur, before, style), 'growth');
    fields.previousProjects = f('previousProjects', `${prev.projects}`);
    fields.projectsGrowth = g('projectsGrowth', s.projects, prev.projects);
    fields.totalInvestmentGrowth = g('totalInvestmentGrowth', s.totalInvestment, prev.totalInvestment);
    fields.annualPlanGrowth = g('annualPlanGrowth', s.annualPlan, prev.annualPlan);
    fields.completedGrowth = [book.figure(scope, 'completedGrowth', change(s.completedToDate, prev.completedToDate, style), 'growth')];
    fields.annualPlanChange = [{ text: '同比' }, book.figure(scope, 'annualPlanGrowth', change(s.annualPlan, prev.annualPlan, style), 'growth')];
    fields.growthList = growthList(book, scope, [
      ['projectsGrowth', s.projects, prev.projects],
      ['totalInvestmentGrowth', s.totalInvestment, prev.totalInvestment],
      ['annualPlanGrowth', s.annualPlan, prev.annualPlan],
    ]);
  } else {
    const none = [placeholder(`与${book.year - 1}年比较（${book.year - 1}年无项目清单）`)];
    for (const k of ['previousProjects', 'projectsGrowth', 'totalInvestmentGrowth', 'annualPlanGrowth', 'annualPlanChange', 'growthList']) fields[k] = none;
    // A clause of its own ("完成投资同比…"): without last year's list it is left out.
    fields.completedGrowth = LEAVE_OUT;
  }
  return fields;
}

/** "已开复工项目860个，开复工率96%", or "项目均已开复工" when every project has started. */
function startClause(book: FigureBook, scope: Scope, s: Summary): Run[] {
  const started = s.startedNew + s.resumed;
  if (s.projects > 0 && started === s.projects) return [{ text: '项目' }, book.figure(scope, 'startRate', ALL_STARTED)];
  if (started === 0) return [{ text: '项目' }, book.figure(scope, 'startRate', NONE_STARTED)];
  return [{ text: '已开复工项目' }, book.figure(scope, 'started', count(started, book.style)), { text: '，开复工率' }, book.figure(scope, 'startRate', percent(started, s.projects, book.style))];
}

/** "红色预警项目3个，黄色预警项目12个"; a colour without projects reads "未发现红色预警项目". */
function warningClause(book: FigureBook, scope: Scope, s: Summary): Run[] {
  const { red, yellow } = s.warnings;
  if (red === 0 && yellow === 0) return [{ text: noneFound('红色、黄色预警项目') }];
  const part = (name: 'red' | 'yellow', label: string, n: number): Run[] => (n > 0 ? [{ text: `${label}预警项目` }, book.figure(scope, name, count(n, book.style))] : [{ text: noneFound(`${label}预警项目`) }]);
  return [...part('red', '红色', red), { text: '，' }, ...part('yellow', '黄色', yellow)];
}

/** The phrase library's growthList ("分别增长15.8%、31.3%和5.2%"), each item recorded as its figure. */
function growthList(book: FigureBook, scope: Scope, items: [name: string, cur: number, prev: number][]): Run[] {
  const list = growthListOf(items.map(([, cur, prev]) => [cur, prev] as const), book.style);
  const runs: Run[] = [{ text: list.lead }];
  items.forEach(([name], i) => {
    if (i > 0) runs.push({ text: listSeparator(i, items.length) });
    runs.push(book.figure(scope, name, list.items[i]!, 'growth'));
  });
  return runs;
}

/** A count compared with last year's: "比2023年增加19个" / "减少" / "与上年持平" (the difference a figure). */
export function countChange(book: FigureBook, scope: Scope, name: string, cur: number, prev: number | null): Run[] {
  if (prev === null) return [placeholder(`与${book.year - 1}年比较`)];
  const d = cur - prev;
  if (d === 0) return [{ text: '与上年持平' }];
  const words = countChangeText(cur, prev, book.style);
  return [{ text: `比${book.year - 1}年${words.slice(0, 2)}` }, book.figure(scope, name, count(Math.abs(d), book.style), 'difference')];
}

/** The fields of the problems sentence: problems of the year's projects as they stood at the end of month M. */
export function problemFields(book: FigureBook, counts: { total: number; solved: number; open: number; projects: number }): Record<string, Run[]> {
  const all: Scope = { label: '全市', filter: {}, dimension: 'all', key: '' };
  return {
    year: [{ text: `${book.year}` }],
    month: [{ text: `${book.month}` }],
    period: [{ text: formatPeriod(book.month) }],
    problems: [book.figure(all, 'problems', `${counts.total}`)],
    solvedProblems: [book.figure(all, 'solvedProblems', `${counts.solved}`)],
    openProblems: [book.figure(all, 'openProblems', `${counts.open}`)],
    problemProjects: [book.figure(all, 'problemProjects', `${counts.projects}`)],
  };
}
