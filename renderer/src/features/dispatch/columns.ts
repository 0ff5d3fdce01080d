/**
 * The dispatch grid's columns, built by a pure function (unit-tested without a DOM): last month's
 * and this month's cumulative figures, the increment, the rate, the report's fields (editable
 * unless the month is closed), open problems, and the warning colour with its reason.
 */
import type { CellClassParams, ColDef, RowClassRules } from 'ag-grid-community';
import { parseDispatchText, type DispatchRow } from '../../../../shared/dispatch';
import { NATURE_LABELS } from '../../../../shared/domain';
import type { MoneyUnit } from '../../../../shared/money';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../../../shared/number-style';
import { percent } from '../../../../shared/phrases';
import { moneyColumnParts } from '../../ui/money-column';

const WARNING_LABELS = { red: '红', yellow: '黄', green: '绿' } as const;

/** The service's own check: a value it would refuse keeps the editor open, with the reason. */
const check = (field: 'completedToDate' | 'startDate', unit: MoneyUnit) => (p: { value: unknown }) => {
  const r = parseDispatchText(field, p.value, unit);
  return r.ok ? null : [r.message];
};

export function buildDispatchColumns(options: { month: number; unit: MoneyUnit; editable: boolean; style?: NumberStyle }): ColDef<DispatchRow>[] {
  const { month, unit, editable, style = DEFAULT_NUMBER_STYLE } = options;
  const money = (field: 'annualPlan' | 'completedLastMonth' | 'completedToDate' | 'increment' | 'statisticsToDate' | 'plannedToDate', headerName: string, edit = false): ColDef<DispatchRow> => ({
    field,
    colId: field,
    headerName: `${headerName}（${unit}）`,
    type: 'rightAligned',
    width: 140,
    // null is no data, never 0: last month before the library's first report (so the increment too),
    // a month without a 纳统 figure, a project without a plan 1-M月.
    ...moneyColumnParts<DispatchRow>(unit, style, '—'),
    editable: edit && editable,
    cellEditor: 'agTextCellEditor',
    // The service's own check on this month's figure: a value it would refuse keeps the editor open.
    ...(field === 'completedToDate' ? { cellEditorParams: { ...moneyColumnParts<DispatchRow>(unit, style).cellEditorParams, getValidationErrors: check('completedToDate', unit) } } : {}),
    filter: 'agNumberColumnFilter',
  });
  const yesNo = (field: 'started' | 'inStatistics', headerName: string, get: (r: DispatchRow) => boolean): ColDef<DispatchRow> => ({
    colId: field,
    headerName,
    width: 100,
    valueGetter: (p) => (p.data ? (get(p.data) ? '是' : '否') : ''),
    editable,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['是', '否'] },
  });
  return [
    { colId: 'seq', headerName: '序号', width: 70, pinned: 'left', valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, sortable: false, filter: false },
    {
      field: 'name',
      colId: 'name',
      headerName: '项目名称',
      width: 260,
      pinned: 'left',
      filter: 'agTextColumnFilter',
      tooltipValueGetter: (p) => (p.data?.warningReason ? `${p.data.name}：${p.data.warningReason}` : (p.data?.name ?? '')),
    },
    {
      colId: 'warning',
      headerName: '预警',
      width: 80,
      valueGetter: (p) => (p.data ? WARNING_LABELS[p.data.warning] : ''),
      tooltipValueGetter: (p) => p.data?.warningReason ?? '',
      cellClass: (p: CellClassParams<DispatchRow>) => (p.data ? `warning-cell warning-${p.data.warning}` : ''),
      filter: 'agTextColumnFilter',
    },
    {
      // The reason in full, as a column people can read, sort and filter (not only a tooltip).
      field: 'warningReason',
      colId: 'warningReason',
      headerName: '预警原因',
      width: 340,
      valueGetter: (p) => p.data?.warningReason ?? '',
      tooltipValueGetter: (p) => p.data?.warningReason ?? '',
      filter: 'agTextColumnFilter',
    },
    {
      colId: 'reported',
      headerName: '本月报送',
      width: 90,
      valueGetter: (p) => (p.data ? (p.data.reported ? '已报送' : '未报送') : ''),
      filter: 'agTextColumnFilter',
    },
    { field: 'district', colId: 'district', headerName: '所在区市', width: 100, filter: 'agTextColumnFilter' },
    { field: 'category', colId: 'category', headerName: '项目类别', width: 140, filter: 'agTextColumnFilter' },
    { colId: 'nature', headerName: '建设性质', width: 90, valueGetter: (p) => (p.data?.nature ? NATURE_LABELS[p.data.nature] : '') },
    money('annualPlan', '年度计划投资'),
    money('completedLastMonth', month > 1 ? `1-${month - 1}月累计` : '上月累计'),
    money('completedToDate', month > 1 ? `1-${month}月累计完成` : '1月完成', true),
    money('increment', '本月完成'),
    // Empty is "not reported" (missing is not zero); emptying the cell removes the figure.
    money('statisticsToDate', month > 1 ? `1-${month}月纳统完成` : '1月纳统完成', true),
    money('plannedToDate', month > 1 ? `1-${month}月计划` : '1月计划'),
    {
      colId: 'rate',
      headerName: '完成率',
      width: 90,
      type: 'rightAligned',
      valueGetter: (p) => (p.data && p.data.annualPlan > 0 ? p.data.completedToDate / p.data.annualPlan : null),
      valueFormatter: (p) => (p.data && p.data.annualPlan > 0 ? percent(p.data.completedToDate, p.data.annualPlan, style) : '—'),
    },
    yesNo('started', '开工/复工', (r) => r.startedNew || r.resumed),
    { field: 'startDate', colId: 'startDate', headerName: '实际开工时间', width: 120, editable, cellEditorParams: { getValidationErrors: check('startDate', unit) } },
    yesNo('inStatistics', '纳统', (r) => r.inStatistics),
    { field: 'visualProgress', colId: 'visualProgress', headerName: '形象进度', width: 220, editable, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, tooltipField: 'visualProgress' },
    {
      colId: 'openProblems',
      headerName: '存在问题（未解决）',
      width: 240,
      valueGetter: (p) => p.data?.openProblems.join('；') ?? '',
      tooltipValueGetter: (p) => p.data?.openProblems.join('\n') ?? '',
    },
    {
      // Always empty: what is typed here is recorded as a new open problem of the project.
      colId: 'problem',
      headerName: '新增问题',
      width: 140,
      valueGetter: () => '',
      editable,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 2000 },
    },
  ];
}

/** Red and yellow rows tinted; unreported rows marked. */
export const DISPATCH_ROW_CLASSES: RowClassRules<DispatchRow> = {
  'row-red': (p) => p.data?.warning === 'red',
  'row-yellow': (p) => p.data?.warning === 'yellow',
  'row-unreported': (p) => p.data?.reported === false,
};
