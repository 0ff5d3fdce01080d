/** The monthly dispatch (月调度) screen's rows and the fields it edits. */
import { cleanText, parseDateText } from './fields';
import { parseMoney, type MoneyUnit } from './money';
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

/**
 * The typed 累计完成投资 (元; empty is 0) or 实际开工时间 (ISO date; empty clears it), or why not: the
 * one check of the service and of the grid, which keeps a refused cell open with the reason.
 */
export function parseDispatchText(field: 'completedToDate' | 'startDate', value: unknown, unit: MoneyUnit): { ok: true; value: number | string | null } | { ok: false; message: string } {
  const text = value === null || value === undefined ? '' : cleanText(String(value));
  const label = DISPATCH_FIELDS[field];
  if (field === 'completedToDate') {
    const r = parseMoney(text === '' ? '0' : text, unit);
    return r.ok ? r : { ok: false, message: `${label}：${r.message}` };
  }
  const iso = text === '' ? null : parseDateText(text);
  return text !== '' && !iso ? { ok: false, message: `${label}“${text}”不是有效的日期，例如2024年3月21日` } : { ok: true, value: iso };
}

export interface MonthState {
  closed: boolean;
  log: { action: 'close' | 'reopen'; reason: string | null; at: string }[];
}
