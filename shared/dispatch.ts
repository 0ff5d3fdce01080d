/** The monthly dispatch (月调度) screen's rows and the fields it edits. */
import type { ProjectFigures } from './statistics';

/** One project's month: its figures and what the month's report says besides. */
export interface DispatchRow extends ProjectFigures {
  /** completedToDate − completedLastMonth: this month's increment (null when last month has no data). */
  increment: number | null;
  startDate: string | null;
  inStatistics: boolean;
  visualProgress: string | null;
  /** Open problems of the project, oldest first. */
  openProblems: string[];
}

/** Fields of a month's report a user edits in the dispatch grid. */
export const DISPATCH_FIELDS = {
  completedToDate: '累计完成投资',
  statisticsToDate: '纳统完成投资',
  started: '开工/复工',
  startDate: '实际开工时间',
  inStatistics: '纳统',
  visualProgress: '形象进度',
  problem: '存在问题',
} as const;
export type DispatchField = keyof typeof DISPATCH_FIELDS;

export interface MonthState {
  closed: boolean;
  log: { action: 'close' | 'reopen'; reason: string | null; at: string }[];
}
