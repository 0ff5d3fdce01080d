/**
 * 项目库: one year's list in an editable grid. Edits go to the main process one cell at a time and
 * show as saved only once committed; paste, add, delete and copy-to-next-year are single undoable
 * actions; Ctrl+Z / Ctrl+Y undo and redo, also across a restart. The grid edits as Excel and WPS do
 * (ui/editing-grid.tsx); the toolbar, the actions, the clipboard and the dialogs are beside this file.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { rowsFromTable, type LibraryInfo, type Lists } from '../../../../shared/domain';
import { FIELD_BY_KEY, isProjectField } from '../../../../shared/fields';
import type { MoneyUnit } from '../../../../shared/money';
import { moneyTable } from '../../../../shared/phrases';
import { useNumberStyle } from '../../ui/number-style';
import { call, messageOf, onCommand, onHistory } from '../../api';
import { EDIT_GRID } from '../../ui/theme';
import { useEditingGrid } from '../../ui/editing-grid';
import { StatusText, useSaveStatus } from '../../ui/save-status';
import { buildColumnDefs, rankNames, totalsRow, type GridRow } from './columns';
import { lastMonth, listYear, listYearChoices } from '../../ui/period-picker';
import { useProjectClipboard } from './project-clipboard';
import { ProjectDialogs, type ProjectDialog } from './project-dialogs';
import { useProjectActions } from './project-actions';
import { ProjectToolbar } from './project-toolbar';
import { DetailPanel } from './detail-panel';
import type { ProjectSelection } from '../../ui/selection';
import { filterWords, PrintHeader } from '../../ui/print-header';

// Grid options that never change live outside the component: a new object on every render would
// make AG Grid re-apply them (and drop its quick-filter cache) on every keystroke.
// Rows of one height: the list holds up to 20,000 projects, and its columns are sized to their text
// (the other grids wrap long text instead, ui/theme.ts).
const DEFAULT_COL_DEF: ColDef<GridRow> = { ...EDIT_GRID.defaultColDef, wrapText: false, autoHeight: false };
const ROW_SELECTION: RowSelectionOptions<GridRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false, selectAll: 'filtered' };
const SELECTION_COLUMN: SelectionColumnDef = { pinned: 'left' };
const getRowId = (p: GetRowIdParams<GridRow>) => String(p.data.projectId);

export function ProjectScreen(props: {
  library: LibraryInfo;
  lists: Lists;
  onListsChanged: () => void;
  /** Projects handed over from another screen: only they are shown until the chip is cleared. */
  selection: ProjectSelection | null;
  onClearSelection: () => void;
}) {
  const { library, lists, onListsChanged } = props;
  const readOnly = library.readOnly;
  const [year, setYear] = useState(() => listYear(lists.years));
  const [unit, setUnit] = useState<MoneyUnit>('万元');
  const [rowData, setRowData] = useState<GridRow[] | null>(null);
  const [totals, setTotals] = useState<GridRow[]>([]);
  const [search, setSearch] = useState('');
  const save = useSaveStatus();
  const { saving, saved, fail, say } = save;
  const [dialog, setDialog] = useState<ProjectDialog>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [showDetail, setShowDetail] = useState(true);
  const [loads, setLoads] = useState(0);
  const [selectedCount, setSelectedCount] = useState(0);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const progressInput = useRef<HTMLInputElement>(null);
  const [progressMonth, setProgressMonth] = useState(lastMonth);
  const focusAfterLoad = useRef<number | null>(null);
  const editing = useEditingGrid(apiRef, say);
  const { fitColumns } = editing;
  // The grid's external filter reads the selection through a ref (its callbacks are set once).
  const selected = useRef<Set<number> | null>(null);
  const { selection } = props;
  useEffect(() => {
    selected.current = selection ? new Set(selection.projectIds) : null;
    if (selection) setYear(selection.year);
    apiRef.current?.onFilterChanged();
  }, [selection]);
  const isSelectionPresent = useCallback(() => selected.current !== null, []);
  // Stable: a new function would make the grid filter again, which closes an open editor.
  const passesSelection = useCallback((node: IRowNode<GridRow>) => selected.current?.has(node.data!.projectId) ?? true, []);

  const style = useNumberStyle();
  const columnDefs = useMemo(() => buildColumnDefs({ unit, lists, readOnly, style }), [unit, lists, readOnly, style]);
  const yearOptions = useMemo(() => listYearChoices(lists.years, year), [lists.years, year]);

  const reload = useCallback(async () => {
    try {
      // User-timing marks: tests/bench measures "database to painted grid" between these two.
      performance.mark('kpw:projects-requested');
      const table = await call('projects.list', { year });
      performance.mark('kpw:projects-received');
      setRowData(rowsFromTable(table));
      setLoads((r) => r + 1);
    } catch (err) {
      fail(err);
    }
  }, [year, fail]);

  useEffect(() => {
    setRowData(null);
    void reload();
  }, [reload]);

  const recomputeTotals = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    // 序号 is the position in the shown order: renumber the rendered rows after a sort or filter.
    api.refreshCells({ columns: ['seq'], force: true });
    const shown: GridRow[] = [];
    api.forEachNodeAfterFilter((node) => node.data && shown.push(node.data));
    const next = totalsRow(shown);
    setTotals((prev) =>
      prev[0] && prev[0].name === next.name && prev[0].totalInvestment === next.totalInvestment && prev[0].annualPlan === next.annualPlan ? prev : [next],
    );
  }, []);

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<GridRow>) => {
      const field = e.colDef.field;
      if (!field || !isProjectField(field) || !e.data) return;
      const value = e.newValue === undefined ? null : Array.isArray(e.newValue) ? e.newValue.join('、') : e.newValue;
      saving('保存中…');
      try {
        const row = await call('projects.update', { projectId: e.data.projectId, year, field, value, unit });
        apiRef.current?.applyTransaction({ update: [row] });
        recomputeTotals();
        saved(`已保存“${FIELD_BY_KEY[field].label}”`);
        if (field === 'tags' || field === 'contactLeader') onListsChanged();
      } catch (err) {
        fail(err);
        editing.refuse(e, messageOf(err));
      }
    },
    [year, unit, saving, saved, recomputeTotals, fail, onListsChanged, editing],
  );

  // Undo and redo (toolbar, keyboard or menu) may change this year's list: reload and say what was done.
  useEffect(
    () =>
      onHistory((e) => {
        if ('error' in e) return fail(e.error);
        const done = e.direction === 'undo' ? '已撤销' : '已重做';
        if (!e.step.label) return say(e.direction === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
        void reload();
        onListsChanged();
        const elsewhere = e.step.years.length && !e.step.years.includes(year) ? `（${e.step.years.join('、')}年清单）` : '';
        say(`${done}：${e.step.label}${elsewhere}`, 'saved');
      }),
    [reload, year, fail, say, onListsChanged],
  );

  const showMessages = useCallback((title: string, intro: string, messages: string[]) => setDialog({ kind: 'messages', title, intro, messages }), []);
  const clipboard = useProjectClipboard({ apiRef, year, unit, readOnly, reload, saving, saved, refused: (t) => say(t, 'error'), fail, showMessages });
  const actions = useProjectActions({ apiRef, year, progressMonth, reload, setDialog, saving, saved, say, fail, onListsChanged, focusAfterLoad });

  // The file menu's commands (Electron): a file chooser must be opened by a click in the page,
  // so import commands open a dialog whose button does it.
  useEffect(
    () =>
      onCommand((command) => {
        if (command === 'import.projects' && !readOnly) setDialog({ kind: 'pickProjects' });
        if (command === 'import.progress' && !readOnly) setDialog({ kind: 'progressMonth' });
        if (command === 'export.projects') actions.askExport();
      }),
    [readOnly, actions],
  );

  const onRowDataUpdated = useCallback(() => {
    // The bench's end of "database to painted grid": the first frame that shows rows (the grid draws
    // them a frame or more after this event, and fits its columns by then) has been painted.
    const painted = (frames: number) =>
      requestAnimationFrame(() => {
        const drawn = !apiRef.current?.getDisplayedRowCount() || document.querySelector('[data-testid="project-grid"] .ag-row[row-index="0"]');
        if (drawn || frames > 120) setTimeout(() => performance.mark('kpw:projects-painted'), 0);
        else painted(frames + 1);
      });
    painted(0);
    recomputeTotals();
    fitColumns();
    // The names' pinyin ranks make a sort by 项目名称 quick (columns.ts): found while the user reads the list.
    requestIdleCallback(
      () => {
        const api = apiRef.current;
        if (!api || api.isDestroyed()) return;
        const rows: GridRow[] = [];
        api.forEachNode((node) => node.data && rows.push(node.data));
        rankNames(rows);
      },
      { timeout: 1000 },
    );
    const id = focusAfterLoad.current;
    const api = apiRef.current;
    if (id === null || !api) return;
    focusAfterLoad.current = null;
    const node: IRowNode<GridRow> | undefined = api.getRowNode(String(id));
    if (node && node.rowIndex !== null) {
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, 'name');
      setDetailId(id);
    }
  }, [recomputeTotals, fitColumns]);

  const totalsText = totals[0]
    ? `${totals[0].name}，总投资${moneyTable(totals[0].totalInvestment ?? 0, style, unit)}${unit}，年度计划投资${moneyTable(totals[0].annualPlan ?? 0, style, unit)}${unit}`
    : '';

  return (
    <section className="project-screen">
      <ProjectToolbar
        year={year}
        yearOptions={yearOptions}
        onYear={setYear}
        selection={selection}
        onClearSelection={props.onClearSelection}
        search={search}
        onSearch={setSearch}
        unit={unit}
        onUnit={setUnit}
        readOnly={readOnly}
        revision={save.revision + loads}
        selectedCount={selectedCount}
        showDetail={showDetail}
        onToggleDetail={() => setShowDetail((s) => !s)}
        fileInput={fileInput}
        progressInput={progressInput}
        onImportFile={(f) => void actions.startImport(f)}
        onProgressFiles={(f) => void actions.startProgressImport(f)}
        onImport={() => setDialog({ kind: 'pickProjects' })}
        onProgress={() => setDialog({ kind: 'progressMonth' })}
        onExport={actions.askExport}
        onAdd={() => setDialog({ kind: 'add' })}
        onRemove={actions.askRemove}
        onCopyToNextYear={() => void actions.copyToNextYear()}
      />
      <PrintHeader
        title={`${year}年重点项目清单`}
        period={`${year}年`}
        filter={filterWords([selection && `选定的${selection.label}`, search.trim() && `搜索“${search.trim()}”`, editing.columnFilterText])}
      />
      <div className="grid-and-detail">
        <div {...editing.wrapProps} className={`grid-wrap ${editing.wrapProps.className}`} data-testid="project-grid" onPaste={(e) => void clipboard.onPaste(e)} onCopy={clipboard.onCopy}>
          <AgGridReact<GridRow>
            {...EDIT_GRID}
            {...editing.gridProps}
            rowData={rowData}
            columnDefs={columnDefs}
            defaultColDef={DEFAULT_COL_DEF}
            getRowId={getRowId}
            pinnedBottomRowData={totals}
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            quickFilterText={search}
            isExternalFilterPresent={isSelectionPresent}
            doesExternalFilterPass={passesSelection}
            cacheQuickFilter
            animateRows={false}
            rowSelection={ROW_SELECTION}
            selectionColumnDef={SELECTION_COLUMN}
            onSelectionChanged={(e) => setSelectedCount(e.api.getSelectedRows().length)}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            undoRedoCellEditing={false}
            tooltipShowDelay={400}
            overlayNoRowsTemplate={`<span>${year}年清单中还没有项目。点击“新增项目…”添加，或从上一年复制续建项目。</span>`}
            onGridReady={(e: GridReadyEvent<GridRow>) => {
              apiRef.current = e.api;
            }}
            onModelUpdated={recomputeTotals}
            onRowDataUpdated={onRowDataUpdated}
            onCellFocused={(e) => {
              if (e.rowPinned || e.rowIndex === null || e.rowIndex === undefined) return;
              const row = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
              if (row) setDetailId(row.projectId);
            }}
          />
          {editing.bubble}
        </div>
        {showDetail && detailId !== null && <DetailPanel projectId={detailId} year={year} unit={unit} revision={save.revision + loads} onClose={() => setShowDetail(false)} />}
      </div>
      <footer className="statusbar">
        <StatusText status={save.status} testId="save-status" />
        <span className="spacer" />
        <span data-testid="totals">{totalsText}</span>
      </footer>
      <ProjectDialogs
        dialog={dialog}
        year={year}
        unit={unit}
        progressMonth={progressMonth}
        onProgressMonth={setProgressMonth}
        close={() => setDialog(null)}
        onAdd={(name) => void actions.add(name)}
        onRemove={(ids) => void actions.remove(ids)}
        onExport={(u) => void actions.exportShown(u)}
        onCancelRead={actions.cancelRead}
        onChooseProjects={() => (setDialog(null), fileInput.current?.click())}
        onChooseProgress={() => (setDialog(null), progressInput.current?.click())}
        onImported={(r, fileName, importedYear) => {
          setDialog(null);
          // The user may import into any year, not only the one on screen: show that year's list.
          if (importedYear !== year) setYear(importedYear);
          else void reload();
          onListsChanged();
          saved(`已导入“${fileName}”：新增${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.skipped ? `，跳过有错误的${r.skipped}行` : ''}`);
        }}
        onProgressImported={(text) => (setDialog(null), saved(text))}
      />
    </section>
  );
}
