/**
 * Change-log fields that are not project fields: a month's progress report and a problem, logged
 * as whole-row snapshots (null where the row did not exist), so undo and redo can restore them.
 */
export const REPORT_FIELD = 'progressReport';
export const PROBLEM_FIELD = 'problem';
