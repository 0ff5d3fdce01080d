/**
 * 问题清单: every problem of the year's projects in a grid — type, responsible department, dates,
 * status and resolution edited in place (each edit one undoable step), overdue ones in red —
 * with counts by type, district and department, a form to record one by hand, and a 督办单 for
 * the selected problem.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GridApi, RowClassRules } from 'ag-grid-community';
import { formatDateText } from '../../../../shared/format';
import { PROBLEM_STATUS, PROBLEM_TYPES, type ProblemField, type ProblemRow, type ProblemSummary } from '../../../../shared/problems';
import { call, messageOf, onHistory } from '../../api';
import { AddProblemDialog } from './add-problem-dialog';
import { deliverFile, DOCX_TYPE } from '../../ui/download';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { filterWords, PrintHeader } from '../../ui/print-header';
import { EDIT_GRID } from '../../ui/theme';
import { useNumberStyle } from '../../ui/number-style';
import { count } from '../../../../shared/phrases';
import { useEditingGrid } from '../../ui/editing-grid';
import { HistoryButtons } from '../../ui/history-buttons';
import { StatusText, useSaveStatus } from '../../ui/save-status';
import { ConfirmDialog } from '../../ui/dialogs';

const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const getRowId = (p: { data: ProblemRow }) => String(p.data.id);
const ROW_CLASSES: RowClassRules<ProblemRow> = {
  'problem-overdue': (p) => Boolean(p.data?.overdue),
  'problem-solved': (p) => p.data?.status === 'solved',
};

function columns(editable: boolean): ColDef<ProblemRow>[] {
  const date = (field: 'raisedDate' | 'solvedDate', headerName: string): ColDef<ProblemRow> => ({
    field,
    colId: field,
    headerName,
    width: 130,
    editable,
    valueFormatter: (p) => (p.value ? formatDateText(p.value as string) : ''),
  });
  return [
    { colId: 'seq', headerName: '序号', width: 70, pinned: 'left', valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, sortable: false, filter: false },
    { field: 'projectName', colId: 'projectName', headerName: '项目名称', width: 220, pinned: 'left', filter: 'agTextColumnFilter' },
    { field: 'district', colId: 'district', headerName: '所在区市', width: 100, filter: 'agTextColumnFilter' },
    {
      colId: 'type',
      headerName: '问题类型',
      width: 100,
      editable,
      valueGetter: (p) => (p.data ? PROBLEM_TYPES[p.data.type] : ''),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: Object.values(PROBLEM_TYPES) },
      filter: 'agTextColumnFilter',
    },
    { field: 'description', colId: 'description', headerName: '问题描述', width: 280, editable, tooltipField: 'description', filter: 'agTextColumnFilter' },
    { field: 'ownerDepartment', colId: 'ownerDepartment', headerName: '责任部门', width: 140, editable, filter: 'agTextColumnFilter' },
    date('raisedDate', '提出日期'),
    {
      colId: 'status',
      headerName: '办理状态',
      width: 100,
      editable,
      valueGetter: (p) => (p.data ? PROBLEM_STATUS[p.data.status] : ''),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: Object.values(PROBLEM_STATUS) },
      filter: 'agTextColumnFilter',
    },
    date('solvedDate', '解决日期'),
    { field: 'resolution', colId: 'resolution', headerName: '解决情况', width: 220, editable, tooltipField: 'resolution', filter: 'agTextColumnFilter' },
    {
      colId: 'daysOpen',
      headerName: '已办天数',
      width: 100,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.daysOpen,
      tooltipValueGetter: (p) => (p.data?.overdue ? '已超期，请督办' : ''),
      filter: 'agNumberColumnFilter',
    },
    { field: 'contactLeader', colId: 'contactLeader', headerName: '包联领导', width: 100, filter: 'agTextColumnFilter' },
  ];
}

function Counts(props: { title: string; groups: ProblemSummary['byType'] }) {
  const shown = props.groups.filter((g) => g.total > 0);
  return (
    <div className="problem-counts">
      <h4>{props.title}</h4>
      {shown.length === 0 ? (
        <p className="muted">无</p>
      ) : (
        <table>
          <tbody>
            {shown.map((g) => (
              <tr key={g.key}>
                <td>{g.key}</td>
                <td className="num">{g.total}</td>
                <td className="num muted">已解决{g.solved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ProblemsScreen(props: { years: number[]; readOnly: boolean }) {
  const { year, setYear, month, setMonth } = usePeriod(props.years);
  const [rows, setRows] = useState<ProblemRow[] | null>(null);
  const [summary, setSummary] = useState<ProblemSummary | null>(null);
  const style = useNumberStyle();
  const save = useSaveStatus();
  const { fail, saved } = save;
  const [confirmNotice, setConfirmNotice] = useState(false);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<ProblemRow | null>(null);
  const apiRef = useRef<GridApi<ProblemRow> | null>(null);
  const columnDefs = useMemo(() => columns(!props.readOnly), [props.readOnly]);
  const editing = useEditingGrid(apiRef, save.say);

  const reload = useCallback(() => {
    Promise.all([call('problems.list', { year }), call('problems.summary', { year })]).then(([r, s]) => (setRows(r), setSummary(s)), fail);
  }, [year, fail]);
  useEffect(reload, [reload]);
  useEffect(() => onHistory(() => reload()), [reload]);

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<ProblemRow>) => {
      if (!e.data) return;
      save.saving();
      try {
        const row = await call('problems.update', { id: e.data.id, year, field: e.column.getColId() as ProblemField, value: e.newValue == null ? null : String(e.newValue) });
        apiRef.current?.applyTransaction({ update: [row] });
        saved(`已保存“${row.projectName}”的问题`);
        call('problems.summary', { year }).then(setSummary, fail);
      } catch (err) {
        fail(err);
        editing.refuse(e, messageOf(err));
      }
    },
    [year, fail, saved, save, editing],
  );

  const notice = () => {
    if (!selected) return;
    deliverFile(call('drafts.export', { kind: 'supervision', year, month, params: { problemId: String(selected.id) } }), DOCX_TYPE).then(
      (text) => text && save.say(text, 'saved'),
      fail,
    );
  };

  const shown = useMemo(() => (rows && onlyOpen ? rows.filter((r) => r.status === 'open') : rows), [rows, onlyOpen]);
  return (
    <section className="project-screen" data-testid="problems-screen">
      <div className="toolbar" role="toolbar" aria-label="问题清单工具栏">
        <PeriodPicker years={props.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['问题年度', '督办月份']} />
        <label className="check">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          只看未解决
        </label>
        <span className="spacer" />
        <button disabled={props.readOnly} onClick={() => setAdding(true)}>
          记录问题…
        </button>
        <button disabled={!selected} onClick={() => setConfirmNotice(true)} title="为所选问题生成督办单（Word）">
          生成督办单…
        </button>
        <HistoryButtons readOnly={props.readOnly} revision={save.revision} />
      </div>
      <PrintHeader title={`${year}年重点项目问题清单`} period={`${year}年`} filter={filterWords([onlyOpen && '只看未解决', editing.columnFilterText])} />
      {summary && (
        <div className="headline" data-testid="problems-headline">
          {`${year}年清单项目共反映问题${count(summary.total, style)}（涉及${count(summary.projects, style)}项目），已解决${count(summary.solved, style)}，未解决${count(summary.open, style)}，其中超期${count(summary.overdue, style)}`}
        </div>
      )}
      <div className="grid-and-detail">
        <div {...editing.wrapProps} className={`grid-wrap ${editing.wrapProps.className}`} data-testid="problems-grid">
          <AgGridReact<ProblemRow>
            {...EDIT_GRID}
            {...editing.gridProps}
            rowData={shown}
            columnDefs={columnDefs}
            getRowId={getRowId}
            rowClassRules={ROW_CLASSES}
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            rowSelection={ROW_SELECTION}
            onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0] ?? null)}
            overlayNoRowsTemplate={`<span>${year}年清单项目没有记录问题。</span>`}
            onGridReady={(e) => {
              apiRef.current = e.api;
            }}
            onModelUpdated={(e) => e.api.refreshCells({ columns: ['seq'], force: true })}
          />
          {editing.bubble}
        </div>
        {summary && (
          <aside className="problem-summary" aria-label="问题统计">
            <Counts title="按类型" groups={summary.byType} />
            <Counts title="按区市" groups={summary.byDistrict} />
            <Counts title="按责任部门" groups={summary.byDepartment} />
            <Counts title="问题最多的项目" groups={[...summary.byProject].sort((a, b) => b.open - a.open || b.total - a.total).slice(0, 10)} />
          </aside>
        )}
      </div>
      <footer className="statusbar">
        <StatusText status={save.status} testId="problems-status" />
      </footer>
      {confirmNotice && selected && (
        <ConfirmDialog
          title="生成督办单"
          message={`为“${selected.projectName}”的问题（${selected.description}）生成${year}年${month}月的督办单（Word 文档）？${selected.ownerDepartment ? `责任部门：${selected.ownerDepartment}。` : ''}`}
          confirmLabel="生成"
          onCancel={() => setConfirmNotice(false)}
          onConfirm={() => (setConfirmNotice(false), notice())}
        />
      )}
      {adding && (
        <AddProblemDialog
          year={year}
          onCancel={() => setAdding(false)}
          onAdded={(row) => {
            setAdding(false);
            saved(`已记录“${row.projectName}”的问题`);
            reload();
          }}
        />
      )}
    </section>
  );
}
