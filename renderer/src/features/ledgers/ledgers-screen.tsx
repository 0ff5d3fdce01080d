/**
 * 台账: an action plan's five ledgers, one at a time in an editable grid (status chosen from
 * 已完成 / 序时推进 / 滞后), the counts by status and department beside it; import a ledger
 * workbook (previewed first: ledger-import-dialog.tsx), export the plan's ledgers, and the
 * quarterly progress report as Word.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GridApi } from 'ag-grid-community';
import { withoutImportExtension } from '../../../../shared/import-formats';
import {
  CONTENT_TITLES,
  LEDGER_FIELDS,
  LEDGER_KIND_KEYS,
  LEDGER_KINDS,
  LEDGER_STATUS,
  NO_STATUS,
  ledgerFields,
  planSpan,
  type ActionPlan,
  type LedgerField,
  type LedgerImportPreview,
  type LedgerItem,
  type LedgerKind,
  type LedgerSummary,
} from '../../../../shared/ledgers';
import { call, messageOf, onHistory } from '../../api';
import { deliverFile, DOCX_TYPE } from '../../ui/download';
import { EDIT_GRID } from '../../ui/theme';
import { useEditingGrid } from '../../ui/editing-grid';
import { HistoryButtons } from '../../ui/history-buttons';
import { latestYear } from '../../ui/period-picker';
import { PrintHeader } from '../../ui/print-header';
import { StatusText, useSaveStatus } from '../../ui/save-status';
import { readFileAsBase64 } from '../import/import-dialog';
import { LedgerImportDialog, type LedgerImported } from './ledger-import-dialog';
import { HiddenFileInput } from '../../ui/file-input';

const WIDTHS: Partial<Record<LedgerField, number>> = { code: 70, content: 320, progress: 260, q1: 150, q2: 150, q3: 150, q4: 150, department: 150 };

function columns(kind: LedgerKind, editable: boolean): ColDef<LedgerItem>[] {
  return ledgerFields(kind).map((field) => ({
    colId: field,
    headerName: field === 'content' ? CONTENT_TITLES[kind] : LEDGER_FIELDS[field],
    width: WIDTHS[field] ?? 110,
    pinned: field === 'code' || field === 'content' ? 'left' : undefined,
    editable,
    tooltipValueGetter: (p) => (field === 'content' || field === 'progress' ? String(p.value ?? '') : ''),
    valueGetter: (p) => {
      const v = p.data?.[field];
      if (v === null || v === undefined) return '';
      if (field === 'status') return LEDGER_STATUS[v as keyof typeof LEDGER_STATUS];
      if (field === 'onTrack') return v ? '是' : '否';
      return String(v);
    },
    ...(field === 'status'
      ? { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', ...Object.values(LEDGER_STATUS)] }, cellClass: (p: { data?: LedgerItem }) => (p.data?.status ? `ledger-${p.data.status}` : '') }
      : field === 'onTrack'
        ? { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', '是', '否'] } }
        : field === 'content' || field === 'progress'
          ? { cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 2000, rows: 6, cols: 50 } }
          : {}),
    filter: 'agTextColumnFilter',
  }));
}

const getRowId = (p: { data: LedgerItem }) => String(p.data.id);

export function LedgersScreen(props: { readOnly: boolean; years: number[] }) {
  const [plans, setPlans] = useState<ActionPlan[]>([]);
  const [planId, setPlanId] = useState<number | null>(null);
  const [ledger, setLedger] = useState<LedgerKind>('tasks');
  const [items, setItems] = useState<LedgerItem[] | null>(null);
  const [summaries, setSummaries] = useState<LedgerSummary[]>([]);
  const save = useSaveStatus();
  const { fail } = save;
  const [importing, setImporting] = useState<LedgerImportPreview | null>(null);
  const [quarter, setQuarter] = useState(() => ['一', '二', '三', '四'][Math.floor(new Date().getMonth() / 3)]!);
  const fileInput = useRef<HTMLInputElement>(null);
  const apiRef = useRef<GridApi<LedgerItem> | null>(null);
  const editing = useEditingGrid(apiRef, save.say);

  const loadPlans = useCallback(
    (select?: number | null) =>
      call('ledgers.plans', {}).then((list) => {
        setPlans(list);
        setPlanId((current) => select ?? (current && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null)));
      }, fail),
    [fail],
  );
  useEffect(() => void loadPlans(), [loadPlans]);
  const loadItems = useCallback(() => {
    if (planId === null) return setItems(null);
    call('ledgers.items', { planId, ledger }).then(setItems, fail);
    call('ledgers.summaries', { planId }).then(setSummaries, fail);
  }, [planId, ledger, fail]);
  useEffect(loadItems, [loadItems]);
  // 撤销/重做 (here or on any screen) may change the items shown.
  useEffect(() => onHistory((e) => ('step' in e && e.step.label ? (save.say(`${e.direction === 'undo' ? '已撤销' : '已重做'}：${e.step.label}`, 'saved'), loadItems()) : undefined)), [loadItems, save]);

  const columnDefs = useMemo(() => columns(ledger, !props.readOnly), [ledger, props.readOnly]);
  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<LedgerItem>) => {
      if (!e.data || planId === null) return;
      save.saving();
      try {
        const item = await call('ledgers.update', { id: e.data.id, field: e.column.getColId() as LedgerField, value: e.newValue == null ? null : String(e.newValue) });
        apiRef.current?.applyTransaction({ update: [item] });
        save.saved(`已保存“${item.content.slice(0, 20)}”`);
        call('ledgers.summaries', { planId }).then(setSummaries, fail);
      } catch (err) {
        fail(err);
        editing.refuse(e, messageOf(err));
      }
    },
    [planId, fail, save, editing],
  );

  // A picked file is previewed at once (nothing written): into the plan shown, else one named after the file.
  const previewFile = async (file: File) => {
    const base = withoutImportExtension(file.name);
    const plan = plans.find((p) => p.id === planId)?.name ?? (base.replace(/台账$/, '') || base);
    save.saving(`正在读取“${file.name}”…`);
    try {
      setImporting(await call('ledgers.import.preview', { plan, source: { fileName: file.name, data: await readFileAsBase64(file) } }));
      save.say('');
    } catch (err) {
      fail(err);
    }
  };
  const imported = async (r: LedgerImported) => {
    setImporting(null);
    const counts = LEDGER_KIND_KEYS.filter((k) => r.counts[k] !== undefined).map((k) => `${LEDGER_KINDS[k]}${r.counts[k]}项`).join('，');
    save.saved(`已导入“${r.plan}”：${counts}${r.warnings ? `（警告${r.warnings}条）` : ''}`);
    await loadPlans(r.planId);
    loadItems();
  };
  const delivered = (text: string | null) => text && save.say(text, 'saved');
  const exportPlan = () => planId !== null && deliverFile(call('ledgers.export', { planId })).then(delivered, fail);
  const report = () => {
    const plan = plans.find((p) => p.id === planId);
    const year = latestYear(props.years);
    if (plan) deliverFile(call('drafts.export', { kind: 'ledger-report', year, month: 1, params: { plan: plan.name, quarter } }), DOCX_TYPE).then(delivered, fail);
  };

  const current = summaries.find((s) => s.ledger === ledger);
  const planName = plans.find((p) => p.id === planId)?.name ?? '';
  return (
    <section className="project-screen" data-testid="ledgers-screen">
      <div className="toolbar" role="toolbar" aria-label="台账工具栏">
        <label>
          行动计划
          <select aria-label="行动计划" value={planId ?? ''} onChange={(e) => setPlanId(Number(e.target.value) || null)}>
            {plans.length === 0 && <option value="">（尚无，请导入台账）</option>}
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="tabs" role="tablist" aria-label="台账">
          {LEDGER_KIND_KEYS.map((k) => {
            const n = summaries.find((s) => s.ledger === k)?.counts.items ?? 0;
            return (
              <button key={k} role="tab" aria-selected={k === ledger} className={`tab${k === ledger ? ' active' : ''}`} onClick={() => setLedger(k)}>
                {LEDGER_KINDS[k]}（{n}）
              </button>
            );
          })}
        </div>
        <span className="spacer" />
        <button disabled={props.readOnly} onClick={() => fileInput.current?.click()}>
          导入台账…
        </button>
        <button disabled={planId === null} onClick={exportPlan}>
          导出台账…
        </button>
        <label>
          季度
          <select aria-label="报告季度" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {['一', '二', '三', '四'].map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <button disabled={planId === null} onClick={report}>
          季度推进情况（Word）…
        </button>
        <HistoryButtons readOnly={props.readOnly} revision={save.revision} />
        <HiddenFileInput inputRef={fileInput} testId="ledger-file" onFiles={(files) => void previewFile(files[0]!)} />
      </div>
      <PrintHeader
        title={`${planName}${LEDGER_KINDS[ledger]}台账`}
        period={planSpan(planName)}
        filter={editing.columnFilterText}
      />
      {current && (
        <div className="headline" data-testid="ledger-headline">
          {`${LEDGER_KINDS[ledger]}共${current.counts.items}项：${LEDGER_STATUS.done}${current.counts.done}项，${LEDGER_STATUS.onTrack}${current.counts.onTrack}项，${LEDGER_STATUS.lagging}${current.counts.lagging}项，${NO_STATUS}${current.counts.none}项`}
          {current.indicators ? `；达到序时${current.indicators.onTrack}项，未达到${current.indicators.offTrack}项` : ''}
        </div>
      )}
      <div className="grid-and-detail">
        <div {...editing.wrapProps} className={`grid-wrap ${editing.wrapProps.className}`} data-testid="ledger-grid">
          <AgGridReact<LedgerItem>
            {...EDIT_GRID}
            {...editing.gridProps}
            rowData={items}
            columnDefs={columnDefs}
            getRowId={getRowId}
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            suppressColumnVirtualisation
            overlayNoRowsTemplate="<span>还没有台账条目。点击“导入台账…”导入各部门报来的台账工作簿。</span>"
            onGridReady={(e) => {
              apiRef.current = e.api;
            }}
          />
          {editing.bubble}
        </div>
        {current && current.byDepartment.length > 0 && (
          <aside className="problem-summary" aria-label="按责任部门">
            <div className="problem-counts">
              <h4>按责任部门</h4>
              <table>
                <tbody>
                  {current.byDepartment.map((d) => (
                    <tr key={d.key}>
                      <td>{d.key}</td>
                      <td className="num">{d.items}</td>
                      <td className="num muted">滞后{d.lagging}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </aside>
        )}
      </div>
      <footer className="statusbar">
        <StatusText status={save.status} testId="ledger-status" />
      </footer>
      {importing && <LedgerImportDialog initial={importing} plans={plans} onClose={() => setImporting(null)} onImported={(r) => void imported(r)} />}
    </section>
  );
}
