/**
 * What each figure of a draft counts within its scope, by the figure's name: the conditions its
 * projects meet (shared/drill-down.ts) and what it says of them. 红色预警 counts the red projects,
 * 未开工新建 the new ones not started, 1亿元以上 three size buckets, 有问题的项目 the projects with
 * problems; a rate opens the projects it is a rate of (开工率: the new projects).
 */
import type { DrillCondition, FigureMeasure } from '../../../shared/drill-down';
import { DEFAULT_SIZE_BUCKETS } from '../../../shared/statistics';

const YI = 100_000_000;
const buckets = (test: (min: number) => boolean): DrillCondition => ({ dimension: 'size', keys: DEFAULT_SIZE_BUCKETS.filter((b) => test(b.min)).map((b) => b.key) });
const newOnes: DrillCondition = { dimension: 'nature', keys: ['new'] };
const continuedOnes: DrillCondition = { dimension: 'nature', keys: ['continued'] };
const started: DrillCondition = { dimension: 'started', keys: ['started'] };

const CONDITIONS: Record<string, DrillCondition[]> = {
  newProjects: [newOnes],
  newShare: [newOnes],
  newStartRate: [newOnes],
  continuedProjects: [continuedOnes],
  continuedShare: [continuedOnes],
  resumeRate: [continuedOnes],
  started: [started],
  startedNew: [newOnes, started],
  resumed: [continuedOnes, started],
  unstarted: [newOnes, { dimension: 'started', keys: ['notStarted'] }],
  unreported: [{ dimension: 'reported', keys: ['unreported'] }],
  red: [{ dimension: 'warning', keys: ['red'] }],
  yellow: [{ dimension: 'warning', keys: ['yellow'] }],
  over1yi: [buckets((min) => min >= YI)],
  over30yi: [buckets((min) => min >= 30 * YI)],
  from10to30yi: [buckets((min) => min >= 10 * YI && min < 30 * YI)],
  problems: [{ dimension: 'problems', keys: ['any'] }],
  problemProjects: [{ dimension: 'problems', keys: ['any'] }],
  solvedProblems: [{ dimension: 'problems', keys: ['solved'] }],
  openProblems: [{ dimension: 'problems', keys: ['open'] }],
};
// A count compared with last year's opens this year's projects of the same part.
for (const name of ['over1yi', 'over30yi', 'from10to30yi']) CONDITIONS[`${name}Change`] = CONDITIONS[name]!;

const COUNTS = new Set(['projects', 'previousProjects', 'newProjects', 'continuedProjects', 'started', 'startedNew', 'resumed', 'unstarted', 'dueNotStarted', 'unreported', 'red', 'yellow', 'over1yi', 'over30yi', 'from10to30yi', 'problemProjects']);
const SUMS: Record<string, FigureMeasure> = { totalInvestment: 'totalInvestment', annualPlan: 'annualPlan', completed: 'completedToDate' };

export function figureConditions(name: string): DrillCondition[] {
  return CONDITIONS[name] ?? [];
}

export function figureMeasure(name: string): FigureMeasure {
  return COUNTS.has(name) ? 'count' : (SUMS[name] ?? null);
}
