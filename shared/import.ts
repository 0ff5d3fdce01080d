/**
 * What an import shows before anything is written: the column mapping, every row's fate
 * (新增 / 更新 / 无变化 / 错误) and every problem with its sheet, cell and reason.
 */
import type { Money, MoneyUnit } from './money';
import type { ProjectField } from './fields';

/**
 * Where a column of a project list goes: a field, the 建设起止年限 pair, one period of the annual
 * plan's split ("1季度计划", "1-6月计划"; several columns), or nowhere (序号).
 */
export type ImportTarget = ProjectField | 'years' | 'planSplit' | 'seq';

export const IMPORT_TARGET_LABELS: Record<Exclude<ImportTarget, ProjectField>, string> = {
  years: '建设起止年限',
  planSplit: '分期计划投资（季度、半年或1-M月）',
  seq: '序号（不导入）',
};

/** Where a column of a dispatch sheet goes. */
export type ProgressTarget = 'code' | 'name' | 'completedToDate' | 'statisticsToDate' | 'startStatus' | 'startDate' | 'inStatistics' | 'visualProgress' | 'problems' | 'seq';

export const PROGRESS_TARGET_LABELS: Record<ProgressTarget, string> = {
  code: '项目编号',
  name: '项目名称',
  completedToDate: '累计完成投资',
  statisticsToDate: '纳统（统计入库）完成投资',
  startStatus: '开工/复工',
  startDate: '实际开工时间',
  inStatistics: '纳统',
  visualProgress: '形象进度',
  problems: '存在问题',
  seq: '序号（不导入）',
};

export interface ImportColumn<T extends string = ImportTarget> {
  /** 0-based column index in the sheet, and its letter. */
  index: number;
  letter: string;
  header: string;
  target: T | null;
  /** The unit amounts in this column are read in (from its header or the sheet's unit line). */
  unit: MoneyUnit | null;
}

export interface ImportIssue {
  severity: 'error' | 'warning';
  sheet: string;
  /** Excel's cell reference ("D7"), the row ("第7行") when the whole row is concerned, or "" for the sheet. */
  cell: string;
  message: string;
}

export interface ImportRowChange {
  field: string;
  label: string;
  oldText: string;
  newText: string;
}

export interface ImportRowPreview {
  /** 1-based row number in the sheet. */
  row: number;
  status: 'new' | 'update' | 'unchanged' | 'error';
  name: string;
  code: string | null;
  projectId: number | null;
  changes: ImportRowChange[];
}

export interface ImportPreview<T extends string = ImportTarget> {
  /** Identifies this analysed file for the commit that follows. */
  token: string;
  fileName: string;
  year: number;
  /** For a dispatch sheet: the reporting month. */
  month?: number;
  sheet: string;
  sheets: string[];
  headerRow: number;
  columns: ImportColumn<T>[];
  rows: ImportRowPreview[];
  counts: { new: number; update: number; unchanged: number; error: number };
  issues: ImportIssue[];
}

/** The two amounts every project list must have a column for: a list without one would import as zeros. */
export const REQUIRED_MONEY_TARGETS = ['totalInvestment', 'annualPlan'] as const;
export type RequiredMoneyTarget = (typeof REQUIRED_MONEY_TARGETS)[number];

export interface MissingColumn {
  target: RequiredMoneyTarget;
  /** 总投资 / 年度计划投资 */
  label: string;
  /** Why the import is held back and what the user can do, in Chinese. */
  message: string;
}

/** One money column added up, beside the sheet's own 合计 when it has one. */
export interface ImportMoneySum {
  target: RequiredMoneyTarget;
  label: string;
  letter: string;
  /** The unit the column is read in. */
  unit: MoneyUnit;
  /** Sum of the project rows, in 元 (exact); shown in 万元 and 亿元. */
  sum: Money;
  /** Project rows with an amount in this column. */
  rows: number;
  /** The sheet's own 合计/总计 for the whole list, when it has one. */
  sheetTotal: Money | null;
  /** Where that total is ("I11"). */
  sheetTotalCell: string | null;
  /** The total agrees with the sum at the precision it was written to (null: no total). */
  sheetTotalAgrees: boolean | null;
}

/** A heading row (section, district, nature group) as the import understood it. */
export interface ImportHeading {
  row: number;
  text: string;
  /** Nesting depth, 1 for the outermost. */
  depth: number;
  /** The count the row declares ("（12项）"), and the project rows found under it. */
  declared: number | null;
  projects: number;
  /** What it sets for the rows under it, in words ("类别：工业", "建设性质：续建"), or "". */
  sets: string;
}

/** One of the first rows, field by field, as it will be stored. */
export interface ImportSampleRow {
  row: number;
  status: ImportRowPreview['status'];
  values: { field: string; label: string; text: string }[];
}

/** The preview of a project list: the common preview and what a person needs to check it. */
export interface ProjectImportPreview extends ImportPreview<ImportTarget> {
  /** The header's last row (the same as headerRow for a one-row header). */
  headerLastRow: number;
  /** 总投资 / 年度计划投资 without a column: the commit is refused until mapped or allowed. Shown first. */
  missingRequired: MissingColumn[];
  sums: ImportMoneySum[];
  sample: ImportSampleRow[];
  headings: ImportHeading[];
  /** How values beyond the library's words were read ("竣工投产 → 续建"), true statements only. */
  notes: string[];
  /** "报送单位：…" when the sheet says. */
  reportingUnit: string | null;
  /** The year the file names in its title or plan column, when it names one. */
  yearInFile: number | null;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  warnings: number;
}

/** "工作表!单元格: 原因", the form the command line and the app use for a problem. */
export function describeIssue(issue: ImportIssue): string {
  return issue.cell ? `${issue.sheet}!${issue.cell}: ${issue.message}` : `${issue.sheet}: ${issue.message}`;
}
