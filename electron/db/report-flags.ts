/**
 * The report bits, declared once. The engine carries each listed project's month in one small
 * integer: what its report says — started (开工) and resumed (复工), columns of progress_reports,
 * each 0 or 1 — packed by SQL with the positions below, and one bit the engine adds itself:
 * reported, the figures come from month M's own report (not carried forward from an earlier one).
 */
import type { Money } from '../../shared/money';

/** The bit position of each flag. */
const BIT = { started: 0, resumed: 1, reported: 2 } as const;

export type ReportFlag = keyof typeof BIT;

/** Each flag's mask: `(flags & REPORT_FLAG.started) !== 0`. */
export const REPORT_FLAG: Readonly<Record<ReportFlag, number>> = Object.freeze({
  started: 1 << BIT.started,
  resumed: 1 << BIT.resumed,
  reported: 1 << BIT.reported,
});

/**
 * The SQL expression packing a progress_reports row's started and resumed into the flags
 * (`alias` is the table's prefix, e.g. 'r.', or '' for none).
 */
export const REPORT_FLAGS_SQL = (alias: string): string => `(${alias}started << ${BIT.started}) | (${alias}resumed << ${BIT.resumed})`;

/**
 * A report's figures: the project, its flags (REPORT_FLAG; `reported` is never set by SQL),
 * cumulative completed (元), and the 纳统 figure (元, null when the report gives none).
 */
export type ReportFigures = [projectId: number, flags: number, completedToDate: Money, statisticsToDate: Money | null];

export type ReportFlags = Readonly<Record<ReportFlag, boolean>>;

/** The facts of the given flags. */
export function readReportFlags(flags: number): ReportFlags {
  return {
    started: (flags & REPORT_FLAG.started) !== 0,
    resumed: (flags & REPORT_FLAG.resumed) !== 0,
    reported: (flags & REPORT_FLAG.reported) !== 0,
  };
}
