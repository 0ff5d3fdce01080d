/**
 * Change-log fields that are not project fields: a month’s progress report, a problem and a 督办 record, logged
 * as whole-row snapshots (null where the row did not exist), so undo and redo can restore them.
 */
export const REPORT_FIELD = 'progressReport';
export const PROBLEM_FIELD = 'problem';
/** A project's split plan of a year (import/project-plan-split.ts), logged the same way. */
export const PLAN_SPLIT_FIELD = 'planSplit';
export const SUPERVISION_FIELD = 'supervision';
/** A project's preparatory procedure (前期手续) of one kind (migration 0009). */
export const PROCEDURE_FIELD = 'procedure';
/**
 * A list entry (区市, 标签, 包联领导) an import added, logged whole (db/lists.ts ListEntrySnapshot) before the
 * projects: undone last, it goes once nothing uses it; redone first, it is back before the rows naming it.
 */
export const LIST_ENTRY_FIELD = 'listEntry';
