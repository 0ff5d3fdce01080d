/**
 * The columns "导出" may write for a list of projects: every project field (shared/fields.ts), and
 * the figures of a month that 统计分析's and 赛马's project lists show beside them (完成投资, 完成率,
 * 预警). The screen sends the columns it shows, in its order, so the workbook is what was seen.
 */
import { PROJECT_FIELDS, type ProjectField } from './fields';

export const FIGURE_COLUMNS = {
  completedToDate: '完成投资',
  completionRate: '完成率',
  warning: '预警',
  warningReason: '预警原因',
} as const;
export type FigureColumn = keyof typeof FIGURE_COLUMNS;
export type ExportColumn = ProjectField | FigureColumn;

export const EXPORT_COLUMNS = [...PROJECT_FIELDS.map((f) => f.key), ...(Object.keys(FIGURE_COLUMNS) as FigureColumn[])] as [ExportColumn, ...ExportColumn[]];

export function isFigureColumn(column: string): column is FigureColumn {
  return column in FIGURE_COLUMNS;
}

/** 统计分析's and 赛马's project list (ui/projects-dialog.tsx), column by column. */
export const PROJECTS_DIALOG_COLUMNS: ExportColumn[] = ['name', 'district', 'category', 'annualPlan', 'completedToDate', 'completionRate', 'warning'];
