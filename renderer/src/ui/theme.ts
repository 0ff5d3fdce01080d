/** The grid's look: AG Grid's Quartz theme with fonts that carry Chinese on Windows, UOS and Kylin. */
import { themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

export const FONT_STACK = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'];

export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK.join(', '),
  fontSize: 14,
  headerFontWeight: 600,
  spacing: 6,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#eef2f7',
});

/**
 * What every editing grid shares (项目库 aside, which has more): the look, the Chinese locale, edits
 * sent as requests (saved by the main process, shown only after the commit), editing ended when
 * the cell loses focus, and quick tooltips.
 */
export const EDIT_GRID = {
  theme: gridTheme,
  localeText: AG_GRID_LOCALE_CN,
  readOnlyEdit: true,
  stopEditingWhenCellsLoseFocus: true,
  // A value the column's check refuses keeps its editor open (ui/editing-grid.tsx says why).
  invalidEditValueMode: 'block',
  tooltipShowDelay: 300,
  // A header wider than its column ("年度计划投资（万元）" at 1280 px) wraps onto a second line instead of
  // being cut, and so does a cell's text (a 预警原因, a 责任部门, a long project name): the row grows
  // to hold it, so nothing an analyst reads is hidden behind "…" or only in a tooltip.
  defaultColDef: { resizable: true, sortable: true, floatingFilter: true, cellDataType: false, wrapHeaderText: true, autoHeaderHeight: true, wrapText: true, autoHeight: true },
} as const;
