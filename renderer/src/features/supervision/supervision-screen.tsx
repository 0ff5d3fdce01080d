/**
 * 督办: the year's 预警通知书 and 督办单 as a loop — send one for a lagging project, record the
 * responsible unit's written feedback, accept it or return it to be redone, close it — overdue
 * ones in red, each step undoable, and the Word document of the selected one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, RowClassRules } from 'ag-grid-community';
import { formatDateText } from '../../../../shared/format';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, SUPERVISION_STATUS, type SupervisionRow } from '../../../../shared/supervision';
import { call, messageOf, onHistory } from '../../api';
import { deliverFile, DOCX_TYPE } from '../../ui/download';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { filterWords, PrintHeader } from '../../ui/print-header';
import { PRINTS_TABLE, usePrintedGrid } from '../../ui/print-table';
import { useFittedColumns } from '../../ui/fit-columns';
import { EDIT_GRID } from '../../ui/theme';
import { IssueDialog, TextDialog } from './issue-dialog';

const ROW_CLASSES: RowClassRules<SupervisionRow> = {
  'problem-overdue': (p) => Boolean(p.data?.overdue),
  'problem-solved': (p) => p.data?.status === 'closed',
};

const date = (field: 'issuedDate' | 'deadline' | 'feedbackDate', headerName: string): ColDef<SupervisionRow> => ({
  field,
  colId: field,
  headerName,
  width: 130,
  valueFormatter: (p) => (p.value ? formatDateText(p.value as string) : ''),
});

const COLUMNS: ColDef<SupervisionRow>[] = [
  { field: 'number', colId: 'number', headerName: '督办编号', width: 110, pinned: 'left' },
  { colId: 'level', headerName: '等级', width: 80, valueGetter: (p) => (p.data ? SUPERVISION_LEVELS[p.data.level] : ''), cellClass: (p) => `level-${p.data?.level ?? ''}` },
  { colId: 'form', headerName: '文书', width: 110, valueGetter: (p) => (p.data ? SUPERVISION_FORMS[p.data.form] : '') },
  { field: 'projectName', colId: 'projectName', headerName: '项目名称', width: 200, filter: 'agTextColumnFilter' },
  { field: 'district', colId: 'district', headerName: '所在区市', width: 100, filter: 'agTextColumnFilter' },
  { field: 'responsibleUnit', colId: 'responsibleUnit', headerName: '责任单位', width: 140, filter: 'agTextColumnFilter' },
  { colId: 'month', headerName: '督办月份', width: 90, valueGetter: (p) => (p.data ? `${p.data.month}月` : '') },
  { field: 'reason', colId: 'reason', headerName: '督办事由', width: 240, tooltipField: 'reason' },
  date('issuedDate', '下发日期'),
  date('deadline', '办理时限'),
  { colId: 'status', headerName: '办理状态', width: 120, valueGetter: (p) => (p.data ? `${SUPERVISION_STATUS[p.data.status]}${p.data.overdue ? '（逾期）' : ''}` : ''), filter: 'agTextColumnFilter' },
  { field: 'feedback', colId: 'feedback', headerName: '反馈情况', width: 240, tooltipField: 'feedback' },
  date('feedbackDate', '反馈日期'),
  { field: 'reviewNote', colId: 'reviewNote', headerName: '审核意见', width: 160, tooltipField: 'reviewNote' },
];

type Dialog = null | 'issue' | 'feedback' | 'return';

export function SupervisionScreen(props: { years: number[]; readOnly: boolean }) {
  const { year, setYear, month, setMonth } = usePeriod(props.years);
  const [rows, setRows] = useState<SupervisionRow[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const apiRef = useRef<GridApi<SupervisionRow> | null>(null);
  const { wrap, printTable, columnFilter } = usePrintedGrid(apiRef);
  const fitted = useFittedColumns(apiRef);
  const fail = useCallback((err: unknown) => setStatus({ kind: 'error', text: messageOf(err) }), []);
  const reload = useCallback(() => {
    call('supervisions.list', { year }).then(setRows, fail);
  }, [year, fail]);
  useEffect(reload, [reload]);
  useEffect(() => onHistory(() => reload()), [reload]);

  const selected = rows?.find((r) => r.id === selectedId) ?? null;
  const shown = useMemo(() => (rows && onlyOpen ? rows.filter((r) => r.status !== 'closed') : rows), [rows, onlyOpen]);
  const done = (text: string) => {
    setDialog(null);
    setStatus({ kind: 'saved', text });
    reload();
  };
  const act = (work: Promise<SupervisionRow>, text: (r: SupervisionRow) => string) => work.then((r) => done(text(r)), fail);
  const writable = !props.readOnly && selected !== null;
  const counts = rows && {
    total: rows.length,
    waiting: rows.filter((r) => r.status === 'issued' || r.status === 'returned').length,
    review: rows.filter((r) => r.status === 'answered').length,
    overdue: rows.filter((r) => r.overdue).length,
    closed: rows.filter((r) => r.status === 'closed').length,
  };

  return (
    <section className="project-screen" data-testid="supervision-screen">
      <div className="toolbar" role="toolbar" aria-label="督办工具栏">
        <PeriodPicker years={props.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['督办年度', '督办月份']} />
        <label className="check">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          只看未办结
        </label>
        <span className="spacer" />
        <button disabled={props.readOnly} onClick={() => setDialog('issue')}>
          下发督办单…
        </button>
        <button disabled={!writable || selected.status === 'closed' || selected.status === 'accepted'} onClick={() => setDialog('feedback')}>
          登记反馈…
        </button>
        <button disabled={!writable || selected.status !== 'answered'} onClick={() => void act(call('supervisions.review', { id: selected!.id, accepted: true }), (r) => `已审核通过督办${r.number}的反馈`)}>
          审核通过
        </button>
        <button disabled={!writable || selected.status !== 'answered'} onClick={() => setDialog('return')}>
          退回重办…
        </button>
        <button disabled={!writable || selected.status === 'closed'} onClick={() => void act(call('supervisions.close', { id: selected!.id }), (r) => `督办${r.number}已办结`)}>
          办结
        </button>
        <button
          disabled={!selected}
          onClick={() =>
            deliverFile(call('drafts.export', { kind: 'supervision', year: selected!.year, month: selected!.month, params: { supervisionId: String(selected!.id) } }), DOCX_TYPE).then(
              (text) => text && setStatus({ kind: 'saved', text }),
              fail,
            )
          }
        >
          生成文书…
        </button>
        <button
          disabled={!writable}
          onClick={() => call('supervisions.remove', { id: selected!.id }).then(() => done(`已删除督办${selected!.number}（可撤销）`), fail)}
        >
          删除
        </button>
      </div>
      <PrintHeader title={`${year}年督办单和预警通知书`} period={`${year}年`} filter={filterWords([onlyOpen && '只看未办结', columnFilter.text])} />
      {counts && (
        <div className="headline" data-testid="supervision-headline">
          {counts.total === 0
            ? `${year}年尚未下发督办单。`
            : `${year}年共下发督办单、预警通知书${counts.total}份：待反馈${counts.waiting}份（其中逾期${counts.overdue}份），待审核${counts.review}份，已办结${counts.closed}份。`}
        </div>
      )}
      <div ref={wrap} className={`grid-wrap ${PRINTS_TABLE}`} data-testid="supervision-grid">
        <AgGridReact<SupervisionRow>
          {...EDIT_GRID}
          rowData={shown}
          columnDefs={COLUMNS}
          getRowId={(p) => String(p.data.id)}
          rowClassRules={ROW_CLASSES}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSelectedId(e.api.getSelectedRows()[0]?.id ?? null)}
          overlayNoRowsTemplate={`<span>${year}年没有督办记录。选择“下发督办单…”为滞后项目下发。</span>`}
          onFilterChanged={columnFilter.onFilterChanged}
          {...fitted.gridProps}
          onGridReady={(e) => {
            apiRef.current = e.api;
          }}
        />
        {printTable}
      </div>
      <footer className="statusbar">
        <span data-testid="supervision-status" className={`status status-${status.kind}`} role="status">
          {status.text}
        </span>
      </footer>
      {dialog === 'issue' && <IssueDialog year={year} month={month} onCancel={() => setDialog(null)} onIssued={(r) => done(`已向“${r.projectName}”下发${SUPERVISION_LEVELS[r.level]}${SUPERVISION_FORMS[r.form]}${r.number}，${formatDateText(r.deadline)}前办理`)} />}
      {dialog === 'feedback' && selected && (
        <TextDialog
          title={`登记反馈：督办${selected.number}`}
          label="反馈内容"
          withDate
          onCancel={() => setDialog(null)}
          onSubmit={(text, day) => call('supervisions.feedback', { id: selected.id, text, ...(day.trim() ? { date: day } : {}) }).then((r) => done(`已登记督办${r.number}的反馈`))}
        />
      )}
      {dialog === 'return' && selected && (
        <TextDialog
          title={`退回重办：督办${selected.number}`}
          label="退回原因"
          withDate={false}
          onCancel={() => setDialog(null)}
          onSubmit={(note) => call('supervisions.review', { id: selected.id, accepted: false, note }).then((r) => done(`已退回督办${r.number}，请责任单位重新反馈`))}
        />
      )}
    </section>
  );
}
