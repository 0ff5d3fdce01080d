/**
 * What a dispatch sheet's preview shows beyond the common import preview: which column(s) gave
 * each project's cumulative completed investment and how (a cumulative column, one column per
 * month added up, 本月完成 plus 上月累计, or a since-start column the user chose), what was read
 * beyond the plain case, and, when no column gives the figure, why the import is held back.
 */
import type { ImportPreview, ProgressTarget } from './import';
import { PROGRESS_TARGET_LABELS } from './import';

/**
 * Where a column of a dispatch sheet goes: the fields of a report, or one of the figures the
 * cumulative is computed from.
 */
export type DispatchTarget = ProgressTarget | 'monthly' | 'monthCompleted' | 'previousToDate' | 'sinceStart';

export const DISPATCH_TARGETS = [
  'code', 'name', 'completedToDate', 'monthly', 'monthCompleted', 'previousToDate', 'sinceStart', 'statisticsToDate',
  'startStatus', 'startDate', 'inStatistics', 'visualProgress', 'problems', 'seq',
] as const satisfies readonly DispatchTarget[];

export const DISPATCH_TARGET_LABELS: Record<DispatchTarget, string> = {
  ...PROGRESS_TARGET_LABELS,
  completedToDate: '1-M月累计完成投资',
  monthly: '某月完成投资（按月相加）',
  monthCompleted: '本月完成投资',
  previousToDate: '上月累计完成投资',
  sinceStart: '自开工累计完成投资',
};

/** How the year's cumulative completed investment (1-M月) comes out of the sheet. */
export type CompletedHow = 'cumulative' | 'monthly-sum' | 'month-plus-previous' | 'since-start';

export const COMPLETED_HOW_LABELS: Record<CompletedHow, string> = {
  cumulative: '累计数直接读入',
  'monthly-sum': '1月至本月各月相加',
  'month-plus-previous': '本月完成＋上月累计',
  'since-start': '自开工累计（按您的指定作为本年累计）',
};

export interface CompletedFrom {
  how: CompletedHow;
  /** The columns' names as the sheet writes them, in the order they are used. */
  columns: string[];
  /** Their letters ("D", "E"), same order. */
  letters: string[];
}

/** Column header (as the preview shows it) → where it goes, as the user chose; applies to every file. */
export type DispatchMapping = Record<string, DispatchTarget | null>;

export interface ProgressImportPreview extends ImportPreview<DispatchTarget> {
  /** Which column(s) gave the completed investment; null when none does. */
  completedFrom: CompletedFrom | null;
  /**
   * No column gives the completed investment: why, in Chinese, shown first. The commit is refused
   * unless the user confirms the sheet reports only start status and the like (allowNoCompleted).
   */
  missingCompleted: string | null;
  /**
   * The cumulative column names another month than the one imported ("1-7月完成投资" for 8月): an
   * error until the user confirms it is this month's figure (confirmMonth), then a warning.
   */
  otherMonth: { header: string; month: number } | null;
  /** How columns were read beyond the plain case (columns ignored, a column chosen by the user), true statements only. */
  notes: string[];
}

/** The choices a user makes about a dispatch sheet, the same for its preview and its commit. */
export interface DispatchChoices {
  mapping?: DispatchMapping;
  /** A cumulative column naming another month than the one imported is to be read as this month's. */
  confirmMonth?: boolean;
  /** The sheets give no completed investment: import them anyway (the figures stay as they were). */
  allowNoCompleted?: boolean;
}

/** Why sheets without any completed investment are not imported as they are (null when all have one, or the user confirmed). */
export function missingCompletedRefusal(previews: ProgressImportPreview[], options: DispatchChoices): string | null {
  const missing = previews.filter((p) => p.missingCompleted !== null);
  if (missing.length === 0 || options.allowNoCompleted) return null;
  const lines = missing.map((p) => `“${p.fileName}” ${p.sheet}: ${p.missingCompleted}`);
  return `未导入任何内容：\n${lines.join('\n')}\n如${missing.length > 1 ? '这些表' : '本表'}只报开工、纳统、形象进度等情况，请确认“不含完成投资”后再导入。`;
}
