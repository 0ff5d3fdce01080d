/**
 * Action-plan ledgers (台账, GLOSSARY and seed 003): a plan has five ledgers — tasks, key tasks,
 * indicators, pilots, innovations — of items, each with a responsible city leader, department,
 * office and staff, quarterly plans, progress and a status; indicators also have a unit, a
 * baseline, a target, the current value and whether they are on track.
 */
import type { ImportIssue } from './import';

export const LEDGER_KINDS = {
  tasks: '工作任务',
  keyTasks: '重点任务',
  indicators: '重点指标',
  pilots: '试点示范',
  innovations: '创新性工作',
} as const;
export type LedgerKind = keyof typeof LEDGER_KINDS;
export const LEDGER_KIND_KEYS = Object.keys(LEDGER_KINDS) as LedgerKind[];

export const LEDGER_STATUS = { done: '已完成', onTrack: '序时推进', lagging: '滞后' } as const;
export type LedgerStatus = keyof typeof LEDGER_STATUS;
/** How an item without a status is counted and shown. */
export const NO_STATUS = '未填报';

export interface ActionPlan {
  id: number;
  name: string;
}

/** The span a plan's name gives ("…三年行动计划（2023—2025年）" → "2023—2025年"), or undefined. */
export function planSpan(name: string): string | undefined {
  return /[（(](\d{4}\s*[—–-]+\s*\d{4}年?)[）)]/.exec(name)?.[1];
}

export interface LedgerItem {
  id: number;
  planId: number;
  ledger: LedgerKind;
  /** Order in the ledger (1-based). */
  seq: number;
  /** The item's own number as the office writes it ("1", "（一）1", "A-3"). */
  code: string | null;
  content: string;
  leader: string | null;
  department: string | null;
  office: string | null;
  staff: string | null;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  q4: string | null;
  progress: string | null;
  status: LedgerStatus | null;
  unit: string | null;
  baseline: string | null;
  target: string | null;
  actual: string | null;
  onTrack: boolean | null;
}

/** The editable fields of an item, with their column titles (also the export's header). */
export const LEDGER_FIELDS = {
  code: '序号',
  content: '内容',
  leader: '分管市领导',
  department: '责任部门',
  office: '责任科室',
  staff: '工作人员',
  q1: '一季度计划',
  q2: '二季度计划',
  q3: '三季度计划',
  q4: '四季度计划',
  progress: '推进情况',
  status: '推进状态',
  unit: '单位',
  baseline: '基期值',
  target: '目标值',
  actual: '当前值',
  onTrack: '是否达到序时',
} as const;
export type LedgerField = keyof typeof LEDGER_FIELDS;

/** The columns of a ledger: indicators add unit, baseline, target, current value and on-track. */
export function ledgerFields(kind: LedgerKind): LedgerField[] {
  // The status right after the content: it is what a reader of the ledger looks for first.
  const common: LedgerField[] = ['code', 'content', 'status', 'leader', 'department', 'office', 'staff', 'q1', 'q2', 'q3', 'q4', 'progress'];
  return kind === 'indicators' ? [...common.slice(0, 2), 'unit', 'baseline', 'target', 'actual', 'onTrack', ...common.slice(2)] : common;
}

/** The content column's title in each ledger. */
export const CONTENT_TITLES: Record<LedgerKind, string> = {
  tasks: '工作任务',
  keyTasks: '重点任务',
  indicators: '指标名称',
  pilots: '试点示范内容',
  innovations: '创新性工作内容',
};

/** Counts of a group of items by status. */
export interface StatusCounts {
  items: number;
  done: number;
  onTrack: number;
  lagging: number;
  none: number;
}

export interface LedgerSummary {
  ledger: LedgerKind;
  counts: StatusCounts;
  byDepartment: ({ key: string } & StatusCounts)[];
  /** Indicators only: how many are on track, off track, not judged. */
  indicators?: { onTrack: number; offTrack: number; unknown: number };
}

/** One row of a ledger sheet in an import's preview: what importing it will do to the plan. */
export interface LedgerRowPreview {
  /** 1-based row number in the sheet. */
  row: number;
  /** 新增 (no such item in the plan's ledger), 更新, 无变化 (matched by content), 错误 (not importable). */
  status: 'new' | 'update' | 'unchanged' | 'error';
  code: string | null;
  content: string;
  /** The status the item will have (null: none, e.g. not recognised). */
  itemStatus: LedgerStatus | null;
  /** For an update: each field that changes, as the user reads it. */
  changes: { field: LedgerField; label: string; oldText: string; newText: string }[];
}

/** One sheet of a ledger workbook as the import understood it. */
export interface LedgerSheetPreview {
  sheet: string;
  /** The ledger it is read as; null when it is not a ledger sheet (skipped). */
  ledger: LedgerKind | null;
  /** Whether the user chose the ledger (else recognised by the sheet's name or title). */
  ledgerChosen: boolean;
  /** The header's last row (0 when no header was found). */
  headerRow: number;
  /** Every header column: letter, header text and the field it goes to (null: not imported). */
  columns: { index: number; letter: string; header: string; target: LedgerField | null }[];
  rows: LedgerRowPreview[];
  /** removed: items of this ledger in the plan that the sheet does not have (the sheet replaces the ledger). */
  counts: { new: number; update: number; unchanged: number; error: number; removed: number };
}

/** A ledger workbook read for import: nothing written yet. */
export interface LedgerImportPreview {
  token: string;
  fileName: string;
  /** The plan it goes into, and whether that plan exists already (else it is created). */
  plan: string;
  planExists: boolean;
  sheets: LedgerSheetPreview[];
  /** Every problem as 工作表!单元格 and reason; any error holds the import back. */
  issues: ImportIssue[];
}

/** A sheet's choices in the preview: the ledger it is, and its column mapping (column index → field). */
export interface LedgerSheetChoice {
  ledger?: LedgerKind | null;
  mapping?: Record<string, LedgerField | null>;
}
