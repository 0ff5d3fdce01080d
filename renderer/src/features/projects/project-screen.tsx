/**
 * 项目库: one year's list in an editable grid. Edits go to the main process one cell at a time and
 * show as saved only once committed; paste, add, delete and copy-to-next-year are single undoable
 * actions; Ctrl+Z / Ctrl+Y undo and redo, also across a restart.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { rowsFromTable, type HistoryState, type LibraryInfo, type Lists } from '../../../../shared/domain';
import { FIELD_BY_KEY, fieldDisplayText, isProjectField } from '../../../../shared/fields';
import type { MoneyUnit } from '../../../../shared/money';
import { moneyTable } from '../../../../shared/phrases';
import { useNumberStyle } from '../../ui/number-style';
import { call, messageOf, onCommand, onHistory, runHistory } from '../../api';
import { BusyDialog, ChooseFileDialog, ConfirmDialog, MessageListDialog, PromptDialog } from '../../ui/dialogs';
import { gridTheme } from '../../ui/theme';
import { downloadBase64 } from '../../ui/download';
import { buildColumnDefs, totalsRow, type GridRow } from './columns';
import { parseClipboardTable, toClipboardTable } from './clipboard';
import { DetailPanel } from './detail-panel';
import { SelectionChip, type ProjectSelection } from '../../ui/selection';
import { ImportDialog, readFileAsBase64 } from '../import/import-dialog';
import type { ProjectImportPreview } from '../../../../shared/import';
import type { ProgressImportPreview } from '../../../../shared/progress-import';
import { IMPORT_FILE_ACCEPT, IMPORT_FORMATS_TEXT } from '../../../../shared/import-formats';
import { ProgressImportDialog } from '../import/progress-import-dialog';

type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string };
type Dialog =
  | { kind: 'add' }
  | { kind: 'import'; preview: ProjectImportPreview }
  | { kind: 'progressMonth' }
  | { kind: 'pickProjects' }
  | { kind: 'progress'; month: number; token: string; previews: ProgressImportPreview[] }
  | { kind: 'busy'; message: string }
  | { kind: 'remove'; ids: number[] }
  | { kind: 'messages'; title: string; intro: string; messages: string[] }
  | null;

// Grid options that never change live outside the component: a new object on every render would
// make AG Grid re-apply them (and drop its quick-filter cache) on every keystroke.
const DEFAULT_COL_DEF: ColDef<GridRow> = { resizable: true, sortable: true, cellDataType: false, floatingFilter: true };
const ROW_SELECTION: RowSelectionOptions<GridRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false, selectAll: 'filtered' };
const SELECTION_COLUMN: SelectionColumnDef = { pinned: 'left' };
const getRowId = (p: GetRowIdParams<GridRow>) => String(p.data.projectId);

import { isTextTarget } from '../../ui/keys';

function timeNow(): string {
  return new Date().toLocaleTimeString('zh-CN', { hour12: false });
}

function pickYear(years: number[]): number {
  const current = new Date().getFullYear();
  const candidates = years.filter((y) => y <= current + 1);
  return candidates.length ? Math.max(...candidates) : years.length ? Math.max(...years) : current;
}

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
  const [year, setYear] = useState(() => pickYear(lists.years));
  const [unit, setUnit] = useState<MoneyUnit>('万元');
  const [rowData, setRowData] = useState<GridRow[] | null>(null);
  const [totals, setTotals] = useState<GridRow[]>([]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [history, setHistory] = useState<HistoryState>({ undoLabel: null, redoLabel: null });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [showDetail, setShowDetail] = useState(true);
  const [revision, setRevision] = useState(0);
  const [selectedCount, setSelectedCount] = useState(0);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const progressInput = useRef<HTMLInputElement>(null);
  const [progressMonth, setProgressMonth] = useState(() => Math.max(1, new Date().getMonth()));
  // Each long read gets a number; 取消 moves on to the next, and a late answer is dropped.
  const readSeq = useRef(0);
  const focusAfterLoad = useRef<number | null>(null);
  // The grid's external filter reads the selection through a ref (its callbacks are set once).
  const selected = useRef<Set<number> | null>(null);
  const { selection } = props;
  useEffect(() => {
    selected.current = selection ? new Set(selection.projectIds) : null;
    if (selection) setYear(selection.year);
    apiRef.current?.onFilterChanged();
  }, [selection]);
  const isSelectionPresent = useCallback(() => selected.current !== null, []);

  const style = useNumberStyle();
  const columnDefs = useMemo(() => buildColumnDefs({ unit, lists, readOnly, style }), [unit, lists, readOnly, style]);
  const yearOptions = useMemo(() => {
    const set = new Set([...lists.years, new Date().getFullYear(), year]);
    set.add(Math.max(...set) + 1);
    return [...set].sort((a, b) => b - a);
  }, [lists.years, year]);

  const fail = useCallback((err: unknown) => setStatus({ kind: 'error', text: messageOf(err) }), []);

  const refreshHistory = useCallback(() => {
    call('history.state', {}).then(setHistory, fail);
  }, [fail]);

  const reload = useCallback(async () => {
    try {
      // User-timing marks: tests/bench measures "database to painted grid" between these two.
      performance.mark('kpw:projects-requested');
      const table = await call('projects.list', { year });
      performance.mark('kpw:projects-received');
      setRowData(rowsFromTable(table));
      setRevision((r) => r + 1);
    } catch (err) {
      fail(err);
    }
  }, [year, fail]);

  useEffect(() => {
    setRowData(null);
    void reload();
    refreshHistory();
  }, [reload, refreshHistory]);

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

  const afterChange = useCallback(
    (text: string) => {
      setStatus({ kind: 'saved', text: `${text}（${timeNow()}）` });
      setRevision((r) => r + 1);
      refreshHistory();
    },
    [refreshHistory],
  );

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<GridRow>) => {
      const field = e.colDef.field;
      if (!field || !isProjectField(field) || !e.data) return;
      const value = e.newValue === undefined ? null : Array.isArray(e.newValue) ? e.newValue.join('、') : e.newValue;
      setStatus({ kind: 'saving', text: '保存中…' });
      try {
        const saved = await call('projects.update', { projectId: e.data.projectId, year, field, value, unit });
        apiRef.current?.applyTransaction({ update: [saved] });
        recomputeTotals();
        afterChange(`已保存“${FIELD_BY_KEY[field].label}”`);
        if (field === 'tags' || field === 'contactLeader') onListsChanged();
      } catch (err) {
        fail(err);
      }
    },
    [year, unit, afterChange, recomputeTotals, fail, onListsChanged],
  );

  // Undo and redo (toolbar, keyboard or menu) may change this year's list: reload and say what was done.
  useEffect(
    () =>
      onHistory((e) => {
        if ('error' in e) return fail(e.error);
        setHistory(e.step.state);
        const done = e.direction === 'undo' ? '已撤销' : '已重做';
        if (!e.step.label) return setStatus({ kind: 'idle', text: e.direction === 'undo' ? '没有可撤销的操作' : '没有可重做的操作' });
        void reload();
        onListsChanged();
        const elsewhere = e.step.years.length && !e.step.years.includes(year) ? `（${e.step.years.join('、')}年清单）` : '';
        setStatus({ kind: 'saved', text: `${done}：${e.step.label}${elsewhere}` });
      }),
    [reload, year, fail, onListsChanged],
  );

  const onPaste = useCallback(
    async (e: ClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || isTextTarget(e.target) || readOnly) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      e.preventDefault();
      const cells = parseClipboardTable(e.clipboardData.getData('text/plain'));
      if (cells.length === 0) return;
      const columns = api.getAllDisplayedColumns();
      const start = columns.findIndex((c) => c.getColId() === focused.column.getColId());
      const width = Math.max(...cells.map((r) => r.length));
      const targets = columns.slice(start, start + width);
      const notEditable = targets.find((c) => !isProjectField(c.getColId()));
      if (notEditable || targets.length < width) {
        setDialog({
          kind: 'messages',
          title: '无法粘贴',
          intro: '粘贴的区域超出了可编辑的列：',
          messages: [notEditable ? `“${notEditable.getColDef().headerName}”列不能粘贴` : `粘贴的内容有${width}列，超出了表格的最后一列`],
        });
        return;
      }
      const projectIds: number[] = [];
      for (let i = 0; i < cells.length; i++) {
        const node = api.getDisplayedRowAtIndex(focused.rowIndex + i);
        if (!node?.data) break;
        projectIds.push(node.data.projectId);
      }
      if (projectIds.length < cells.length) {
        setDialog({ kind: 'messages', title: '无法粘贴', intro: '粘贴的区域超出了表格：', messages: [`粘贴的内容有${cells.length}行，下方只有${projectIds.length}行`] });
        return;
      }
      const fields = targets.map((c) => c.getColId());
      setStatus({ kind: 'saving', text: '粘贴中…' });
      try {
        const outcome = await call('projects.paste', { year, projectIds, fields, cells, unit });
        if (outcome.errors.length > 0) {
          setStatus({ kind: 'error', text: `粘贴未保存：${outcome.errors.length}个单元格有误` });
          setDialog({
            kind: 'messages',
            title: '粘贴未保存',
            intro: '以下单元格有误，整块内容均未写入。请修改后重新粘贴：',
            messages: outcome.errors.map((er) => `第${er.row}行第${er.column}列（${isProjectField(er.field) ? FIELD_BY_KEY[er.field].label : er.field}）：${er.message}`),
          });
          return;
        }
        await reload();
        afterChange(`已粘贴${outcome.written}个单元格`);
      } catch (err) {
        fail(err);
      }
    },
    [year, unit, readOnly, reload, afterChange, fail],
  );

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || isTextTarget(e.target)) return;
      const columns = api.getAllDisplayedColumns().filter((c) => isProjectField(c.getColId()));
      const selected = api.getSelectedRows();
      const text = (row: GridRow, colId: string) => (isProjectField(colId) ? fieldDisplayText(colId, row[colId], unit) : '');
      let table: string[][];
      if (selected.length > 0) {
        table = selected.map((row) => columns.map((c) => text(row, c.getColId())));
      } else {
        const focused = api.getFocusedCell();
        const row = focused && api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
        if (!focused || !row) return;
        table = [[text(row, focused.column.getColId())]];
      }
      e.preventDefault();
      e.clipboardData.setData('text/plain', toClipboardTable(table));
    },
    [unit],
  );

  const selectedIds = useCallback((): number[] => {
    const api = apiRef.current;
    if (!api) return [];
    const selected = api.getSelectedRows().map((r) => r.projectId);
    if (selected.length) return selected;
    const focused = api.getFocusedCell();
    const row = focused && !focused.rowPinned ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    return row ? [row.projectId] : [];
  }, []);

  const addProject = useCallback(
    async (name: string) => {
      setDialog(null);
      try {
        const row = await call('projects.add', { year, name });
        focusAfterLoad.current = row.projectId;
        await reload();
        onListsChanged();
        afterChange(`已新增项目“${row.name}”`);
      } catch (err) {
        fail(err);
      }
    },
    [year, reload, afterChange, fail, onListsChanged],
  );

  const removeProjects = useCallback(
    async (ids: number[]) => {
      setDialog(null);
      try {
        const { removed } = await call('projects.remove', { year, projectIds: ids });
        await reload();
        afterChange(`已删除${removed}个项目（可撤销）`);
      } catch (err) {
        fail(err);
      }
    },
    [year, reload, afterChange, fail],
  );

  const copyToNextYear = useCallback(async () => {
    const ids = selectedIds();
    if (ids.length === 0) {
      setStatus({ kind: 'error', text: '请先勾选要复制到下一年的续建项目' });
      return;
    }
    try {
      const r = await call('projects.copyToNextYear', { year, projectIds: ids });
      const skipped = [r.skippedFinished && `${r.skippedFinished}个已到竣工年份`, r.skippedPresent && `${r.skippedPresent}个已在${year + 1}年清单中`].filter(Boolean);
      afterChange(`已复制${r.copied}个项目到${year + 1}年清单${skipped.length ? `，跳过${skipped.join('、')}` : ''}`);
      onListsChanged();
    } catch (err) {
      fail(err);
    }
  }, [year, selectedIds, afterChange, fail, onListsChanged]);

  const startImport = useCallback(
    async (file: File) => {
      const seq = ++readSeq.current;
      setDialog({ kind: 'busy', message: `正在读取“${file.name}”…` });
      try {
        const preview = await call('import.projects.preview', { source: { fileName: file.name, data: await readFileAsBase64(file) }, year });
        if (seq !== readSeq.current) return;
        setDialog({ kind: 'import', preview });
      } catch (err) {
        if (seq !== readSeq.current) return;
        setDialog(null);
        fail(err);
      }
    },
    [year, fail],
  );

  const startProgressImport = useCallback(
    async (files: File[]) => {
      const seq = ++readSeq.current;
      const month = progressMonth;
      setDialog({ kind: 'busy', message: `正在读取${files.length}个文件…` });
      try {
        const data = await Promise.all(files.map(async (f) => ({ fileName: f.name, data: await readFileAsBase64(f) })));
        const { token, previews } = await call('import.progress.preview', { files: data, year, month });
        if (seq !== readSeq.current) return;
        setDialog({ kind: 'progress', month, token, previews });
      } catch (err) {
        if (seq !== readSeq.current) return;
        setDialog(null);
        fail(err);
      }
    },
    [year, progressMonth, fail],
  );

  const exportShown = useCallback(async () => {
    const api = apiRef.current;
    if (!api) return;
    // What the grid shows, in its order: filters and sorting apply to the export too.
    const projectIds: number[] = [];
    api.forEachNodeAfterFilterAndSort((node) => node.data && projectIds.push(node.data.projectId));
    setStatus({ kind: 'saving', text: '正在导出…' });
    try {
      const r = await call('export.projects', { year, unit, projectIds });
      if (r.data) downloadBase64(r.data, r.fileName);
      setStatus({ kind: 'saved', text: `已导出${r.rows}个项目${r.savedTo ? `到“${r.savedTo}”` : `（${r.fileName}）`}` });
    } catch (err) {
      if ((err as { error?: { code?: string } }).error?.code === 'CANCELLED') setStatus({ kind: 'idle', text: '' });
      else fail(err);
    }
  }, [year, unit, fail]);

  // The file menu's commands (Electron): a file chooser must be opened by a click in the page,
  // so import commands open a dialog whose button does it.
  useEffect(
    () =>
      onCommand((command) => {
        if (command === 'import.projects' && !readOnly) setDialog({ kind: 'pickProjects' });
        if (command === 'import.progress' && !readOnly) setDialog({ kind: 'progressMonth' });
        if (command === 'export.projects') void exportShown();
      }),
    [readOnly, exportShown],
  );

  const onRowDataUpdated = useCallback(() => {
    requestAnimationFrame(() => performance.mark('kpw:projects-painted'));
    recomputeTotals();
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
  }, [recomputeTotals]);

  const totalsText = totals[0]
    ? `${totals[0].name}，总投资${moneyTable(totals[0].totalInvestment ?? 0, style, unit)}${unit}，年度计划投资${moneyTable(totals[0].annualPlan ?? 0, style, unit)}${unit}`
    : '';

  return (
    <section className="project-screen">
      <div className="toolbar" role="toolbar" aria-label="项目库工具栏">
        <label>
          年度
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年度">
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        {selection && <SelectionChip selection={selection} onClear={props.onClearSelection} />}
        <input
          className="search"
          type="search"
          placeholder="快速查找（支持拼音首字母）"
          aria-label="快速查找"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="segmented" role="group" aria-label="金额单位">
          {(['万元', '亿元'] as const).map((u) => (
            <button key={u} className={u === unit ? 'active' : ''} aria-pressed={u === unit} onClick={() => setUnit(u)}>
              {u}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button disabled={readOnly} onClick={() => fileInput.current?.click()} title="从 Excel/WPS 工作簿、CSV 或 Word 表格导入本年度项目清单">
          导入…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={IMPORT_FILE_ACCEPT}
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void startImport(file);
          }}
        />
        <button disabled={readOnly} onClick={() => setDialog({ kind: 'progressMonth' })} title="导入某月调度表或各区市交回的填报模板">
          导入月调度…
        </button>
        <input
          ref={progressInput}
          type="file"
          multiple
          accept={IMPORT_FILE_ACCEPT}
          hidden
          data-testid="progress-files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void startProgressImport(files);
          }}
        />
        <button onClick={() => void exportShown()} title="把表格当前显示的项目导出为 Excel 工作簿">
          导出…
        </button>
        <button disabled={readOnly} onClick={() => setDialog({ kind: 'add' })}>
          新增项目
        </button>
        <button
          disabled={readOnly}
          onClick={() => {
            const ids = selectedIds();
            if (ids.length) setDialog({ kind: 'remove', ids });
            else setStatus({ kind: 'error', text: '请先勾选或选中要删除的项目' });
          }}
        >
          删除{selectedCount ? `（${selectedCount}）` : ''}
        </button>
        <button disabled={readOnly} onClick={() => void copyToNextYear()} title="把勾选的续建项目加入下一年清单">
          复制到{year + 1}年
        </button>
        <button disabled={readOnly || !history.undoLabel} title={history.undoLabel ? `撤销：${history.undoLabel}（Ctrl+Z）` : '没有可撤销的操作'} onClick={() => void runHistory('undo')}>
          撤销
        </button>
        <button disabled={readOnly || !history.redoLabel} title={history.redoLabel ? `重做：${history.redoLabel}（Ctrl+Y）` : '没有可重做的操作'} onClick={() => void runHistory('redo')}>
          重做
        </button>
        <button aria-pressed={showDetail} onClick={() => setShowDetail((s) => !s)}>
          详情
        </button>
      </div>
      <div className="grid-and-detail">
        <div className="grid-wrap" data-testid="project-grid" onPaste={(e) => void onPaste(e)} onCopy={onCopy}>
          <AgGridReact<GridRow>
            theme={gridTheme}
            localeText={AG_GRID_LOCALE_CN}
            rowData={rowData}
            columnDefs={columnDefs}
            defaultColDef={DEFAULT_COL_DEF}
            getRowId={getRowId}
            pinnedBottomRowData={totals}
            readOnlyEdit
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            quickFilterText={search}
            isExternalFilterPresent={isSelectionPresent}
            doesExternalFilterPass={(node) => selected.current?.has(node.data!.projectId) ?? true}
            cacheQuickFilter
            animateRows={false}
            rowSelection={ROW_SELECTION}
            selectionColumnDef={SELECTION_COLUMN}
            onSelectionChanged={(e) => setSelectedCount(e.api.getSelectedRows().length)}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            undoRedoCellEditing={false}
            stopEditingWhenCellsLoseFocus
            tooltipShowDelay={400}
            overlayNoRowsTemplate={`<span>${year}年清单中还没有项目。点击“新增项目”添加，或从上一年复制续建项目。</span>`}
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
        </div>
        {showDetail && detailId !== null && (
          <DetailPanel projectId={detailId} year={year} unit={unit} revision={revision} onClose={() => setShowDetail(false)} />
        )}
      </div>
      <footer className="statusbar">
        <span data-testid="save-status" className={`status status-${status.kind}`} role="status" aria-live="polite">
          {status.text}
        </span>
        <span className="spacer" />
        <span data-testid="totals">{totalsText}</span>
      </footer>
      {dialog?.kind === 'add' && <PromptDialog title="新增项目" label="项目名称" onSubmit={(name) => void addProject(name)} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title="删除项目"
          message={`确定从${year}年清单中删除所选的${dialog.ids.length}个项目吗？删除后可以撤销（Ctrl+Z）。`}
          confirmLabel="删除"
          onConfirm={() => void removeProjects(dialog.ids)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          initial={dialog.preview}
          onClose={() => setDialog(null)}
          onImported={(r, fileName, importedYear) => {
            setDialog(null);
            // The user may import into any year, not only the one on screen: show that year's list.
            if (importedYear !== year) setYear(importedYear);
            else void reload();
            onListsChanged();
            afterChange(`已导入“${fileName}”：新增${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.skipped ? `，跳过有错误的${r.skipped}行` : ''}`);
          }}
        />
      )}
      {dialog?.kind === 'busy' && (
        <BusyDialog
          message={dialog.message}
          onCancel={() => {
            readSeq.current++;
            setDialog(null);
            setStatus({ kind: 'idle', text: '已取消' });
          }}
        />
      )}
      {dialog?.kind === 'pickProjects' && (
        <ChooseFileDialog title={`导入${year}年项目清单`} onCancel={() => setDialog(null)} onChoose={() => (setDialog(null), fileInput.current?.click())}>
          <p>选择区市报送的项目清单：{IMPORT_FORMATS_TEXT}。导入前会先显示预览，确认后才写入。</p>
        </ChooseFileDialog>
      )}
      {dialog?.kind === 'progressMonth' && (
        <ChooseFileDialog
          title={`导入${year}年月调度`}
          testId="progress-month-dialog"
          onCancel={() => setDialog(null)}
          onChoose={() => (setDialog(null), progressInput.current?.click())}
        >
          <label className="field">
            调度月份（1至该月的累计数）
            <select aria-label="调度月份" value={progressMonth} onChange={(e) => setProgressMonth(Number(e.target.value))}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {m}月
                </option>
              ))}
            </select>
          </label>
          <p className="muted">可一次选择多个文件（如各区市交回的填报模板），全部无误才会写入。</p>
        </ChooseFileDialog>
      )}
      {dialog?.kind === 'progress' && (
        <ProgressImportDialog
          token={dialog.token}
          year={year}
          month={dialog.month}
          previews={dialog.previews}
          onClose={() => setDialog(null)}
          onImported={(r) => {
            setDialog(null);
            afterChange(`已导入${year}年${dialog.month}月调度：新报送${r.added}个，更新${r.updated}个，无变化${r.unchanged}个`);
          }}
        />
      )}
      {dialog?.kind === 'messages' && <MessageListDialog title={dialog.title} intro={dialog.intro} messages={dialog.messages} onClose={() => setDialog(null)} />}
    </section>
  );
}
