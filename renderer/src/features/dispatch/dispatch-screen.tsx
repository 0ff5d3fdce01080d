/**
 * 月调度: pick year and month; one row per project with last month's and this month's cumulative
 * figures, the increment, start status, 纳统, 形象进度 and problems, edited like the project grid
 * (saved one cell at a time, shown as saved after the commit, undoable). Unreported, red and
 * yellow projects stand out, with the reason in a column of its own. A month can be closed (关账). The
 * districts' sheets for the month are imported here (导入调度表…), and their fill-in templates
 * made (生成填报模板…). 撤销/重做 as on every editing screen; the warning's reason is a column.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, GetRowIdParams, GridApi } from 'ag-grid-community';
import type { DispatchField, DispatchRow, MonthState } from '../../../../shared/dispatch';
import type { LibraryInfo } from '../../../../shared/domain';
import { headlineClauses } from '../../../../shared/phrases';
import type { Summary } from '../../../../shared/statistics';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { SelectionChip, type ProjectSelection } from '../../ui/selection';
import { call, messageOf, onHistory } from '../../api';
import { ConfirmDialog, PromptDialog } from '../../ui/dialogs';
import { EDIT_GRID } from '../../ui/theme';
import { useNumberStyle } from '../../ui/number-style';
import { useEditingGrid } from '../../ui/editing-grid';
import { HistoryButtons } from '../../ui/history-buttons';
import { StatusText, useSaveStatus } from '../../ui/save-status';
import { buildDispatchColumns, DISPATCH_ROW_CLASSES } from './columns';
import { DispatchImport } from './dispatch-import';
import { TemplateDialog } from './template-dialog';
import { besideAnnualLine } from './beside-annual';
import { filterWords, PrintHeader } from '../../ui/print-header';
import { formatPeriod } from '../../../../shared/format';

const FIELD_OF_COLUMN: Record<string, DispatchField> = {
  completedToDate: 'completedToDate',
  statisticsToDate: 'statisticsToDate',
  started: 'started',
  startDate: 'startDate',
  inStatistics: 'inStatistics',
  visualProgress: 'visualProgress',
  problem: 'problem',
};
const getRowId = (p: GetRowIdParams<DispatchRow>) => String(p.data.projectId);

export function DispatchScreen(props: { library: LibraryInfo; years: number[]; selection: ProjectSelection | null; onClearSelection: () => void }) {
  const readOnly = props.library.readOnly;
  const { year, setYear, month, setMonth } = usePeriod(props.years);
  const { selection } = props;
  const style = useNumberStyle(year, month);
  // Projects handed over from 统计分析 come with their period.
  useEffect(() => {
    if (!selection) return;
    setYear(selection.year);
    setMonth(selection.month);
  }, [selection, setYear, setMonth]);
  const selected = useMemo(() => (selection ? new Set(selection.projectIds) : null), [selection]);
  const [rows, setRows] = useState<DispatchRow[] | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [state, setState] = useState<MonthState>({ closed: false, log: [] });
  const save = useSaveStatus();
  const { fail, saved, say } = save;
  const [dialog, setDialog] = useState<'close' | 'reopen' | 'template' | null>(null);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const apiRef = useRef<GridApi<DispatchRow> | null>(null);
  const editable = !readOnly && !state.closed;
  const columnDefs = useMemo(() => buildDispatchColumns({ month, unit: '万元', editable, style }), [month, editable, style]);

  const editing = useEditingGrid(apiRef, say);
  const refreshSummary = useCallback(() => {
    call('stats.get', { year, month }).then((s) => setSummary(s.overall), fail);
  }, [year, month, fail]);
  const reload = useCallback(async () => {
    try {
      const [list, st] = await Promise.all([call('dispatch.list', { year, month }), call('dispatch.state', { year, month })]);
      setRows(list);
      setState(st);
      refreshSummary();
    } catch (err) {
      fail(err);
    }
  }, [year, month, refreshSummary, fail]);

  useEffect(() => {
    setRows(null);
    void reload();
  }, [reload]);

  // Undo and redo (from any screen) may change figures: show the library as it now is.
  useEffect(
    () =>
      onHistory((e) => {
        if ('error' in e) return fail(e.error);
        if (e.step.label) say(`${e.direction === 'undo' ? '已撤销' : '已重做'}：${e.step.label}`, 'saved');
        void reload();
      }),
    [reload, fail, say],
  );

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<DispatchRow>) => {
      const field = FIELD_OF_COLUMN[e.column.getColId()];
      if (!field || !e.data) return;
      save.saving();
      try {
        const row = await call('dispatch.update', { projectId: e.data.projectId, year, month, field, value: e.newValue ?? null, unit: '万元' });
        apiRef.current?.applyTransaction({ update: [row] });
        saved(`已保存“${row.name}”`);
        refreshSummary();
      } catch (err) {
        fail(err);
        editing.refuse(e, messageOf(err));
      }
    },
    [year, month, refreshSummary, fail, saved, save, editing],
  );

  const shown = useMemo(
    () => rows && rows.filter((r) => (!onlyAttention || r.warning !== 'green' || !r.reported) && (!selected || selected.has(r.projectId))),
    [rows, onlyAttention, selected],
  );

  return (
    <section className="project-screen" data-testid="dispatch-screen">
      <div className="toolbar" role="toolbar" aria-label="月调度工具栏">
        <PeriodPicker years={props.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['调度年度', '调度月份选择']} />
        <label className="check">
          <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} />
          只看预警和未报送
        </label>
        {selection && <SelectionChip selection={selection} onClear={props.onClearSelection} />}
        <span className="spacer" />
        <button disabled={!rows} onClick={() => setDialog('template')}>
          生成填报模板…
        </button>
        <DispatchImport
          year={year}
          month={month}
          closed={state.closed}
          readOnly={readOnly}
          onError={fail}
          onImported={(text) => {
            saved(text);
            void reload();
          }}
        />
        {state.closed ? (
          <>
            <span className="closed-badge" data-testid="closed-badge" title="本月的统计、排名、预警、问题和文稿数字保持关账时的样子，以后修改其他月份或清单也不会变；重新开账后恢复按最新数据计算">
              {month}月已关账
            </span>
            <button disabled={readOnly} onClick={() => setDialog('reopen')}>
              重新开账…
            </button>
          </>
        ) : (
          <button disabled={readOnly} onClick={() => setDialog('close')}>
            关账…
          </button>
        )}
        <HistoryButtons readOnly={readOnly} revision={save.revision} />
      </div>
      <PrintHeader
        title={`${year}年${month}月重点项目调度`}
        period={`${year}年${formatPeriod(month)}`}
        filter={filterWords([onlyAttention && '只看预警和未报送', selection && `选定的${selection.label}`, editing.columnFilterText])}
      />
      {summary && (
        <div className="headline" data-testid="dispatch-headline">
          {headlineClauses(summary, month, style).join('；')}
        </div>
      )}
      {summary && besideAnnualLine(summary, month) && (
        <div className="headline" data-testid="dispatch-beside-annual">
          {besideAnnualLine(summary, month)}
        </div>
      )}
      <div className="grid-and-detail">
        <div {...editing.wrapProps} className={`grid-wrap ${editing.wrapProps.className}`} data-testid="dispatch-grid">
          <AgGridReact<DispatchRow>
            {...EDIT_GRID}
            {...editing.gridProps}
            rowData={shown}
            columnDefs={columnDefs}
            getRowId={getRowId}
            rowClassRules={DISPATCH_ROW_CLASSES}
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            animateRows={false}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            onGridReady={(e) => {
              apiRef.current = e.api;
            }}
            onModelUpdated={(e) => e.api.refreshCells({ columns: ['seq'], force: true })}
          />
          {editing.bubble}
        </div>
      </div>
      <footer className="statusbar">
        <StatusText status={save.status} testId="dispatch-status" />
        <span className="spacer" />
        {state.log[0]?.action === 'reopen' && <span className="muted">最近一次重新开账：{state.log[0].reason}</span>}
      </footer>
      {dialog === 'close' && (
        <ConfirmDialog
          title="关账"
          message={`关账后，${year}年${month}月的数据不能再修改或导入，本月的统计、排名、预警、问题和文稿数字保持关账时的样子：以后修改其他月份、清单或预警规则，也不会改变本月已签发的数字。可以重新开账，但须说明原因。确定关账吗？`}
          confirmLabel="关账"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            call('dispatch.close', { year, month }).then((s) => (setState(s), saved(`${month}月已关账`)), fail);
          }}
        />
      )}
      {dialog === 'template' && rows && (
        <TemplateDialog
          year={year}
          month={month}
          rows={rows}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            say(text, 'saved');
          }}
        />
      )}
      {dialog === 'reopen' && (
        <PromptDialog
          title={`重新开账：${year}年${month}月`}
          label="重新开账的原因（将记录在案）"
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            call('dispatch.reopen', { year, month, reason }).then((s) => (setState(s), saved(`${month}月已重新开账`)), fail);
          }}
        />
      )}
    </section>
  );
}
