/**
 * 项目全周期: the year's 前期手续 in a grid (planned and actual dates edited in place, each edit one
 * undoable step, coloured by status), the counts the offices write, the overdue procedures, and
 * 挂图作战 — the wall chart per district or category, a click on a node edits it, printed on one A3
 * landscape page or saved as PNG. Sheets are imported with a preview, and exported to .xlsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { describeIssue } from '../../../../shared/import';
import { STAGE_ORDER, type ProcedureKind, type ProcedureRow, type ProcedureCounts, type OverdueProcedure, type StageCounts } from '../../../../shared/lifecycle';
import { STAGE_LABELS } from '../../../../shared/domain';
import { procedureCountsSentence } from '../../../../shared/phrases';
import type { ProcedureImportPreview } from '../../../../shared/lifecycle-import';
import { START_NODE, wallChartSvg, type WallChartGroupBy } from '../../../../shared/wall-chart';
import type { Lists } from '../../../../shared/domain';
import { call, messageOf, onHistory } from '../../api';
import { Modal } from '../../ui/dialogs';
import { deliverFile, downloadBlob } from '../../ui/download';
import { useNumberStyle } from '../../ui/number-style';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { filterWords, PrintHeader } from '../../ui/print-header';
import { PRINTS_TABLE, usePrintedGrid } from '../../ui/print-table';
import { useFittedColumns } from '../../ui/fit-columns';
import { EDIT_GRID } from '../../ui/theme';
import { NodeDialog } from './node-dialog';
import { parseProcedureColId, procedureColumns } from './procedure-columns';
import { readFileBase64 } from './read-file';
import { SupportPanel } from './support-panel';

async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('挂图无法转为图片'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('挂图无法转为图片'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}


export function LifecycleScreen(props: { lists: Lists; readOnly: boolean }) {
  const { year, setYear, month, setMonth } = usePeriod(props.lists.years);
  const style = useNumberStyle(year, month);
  const [view, setView] = useState<'grid' | 'chart' | 'support'>('grid');
  const [groupBy, setGroupBy] = useState<WallChartGroupBy>('district');
  const [district, setDistrict] = useState('');
  const [data, setData] = useState<{ kinds: ProcedureKind[]; rows: ProcedureRow[]; asOf: string } | null>(null);
  const [counts, setCounts] = useState<ProcedureCounts | null>(null);
  const [overdue, setOverdue] = useState<OverdueProcedure[]>([]);
  const [stages, setStages] = useState<StageCounts | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<{ row: ProcedureRow; kind: ProcedureKind | null } | null>(null);
  const [preview, setPreview] = useState<ProcedureImportPreview | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const apiRef = useRef<GridApi<ProcedureRow> | null>(null);
  const { wrap, printTable, columnFilter } = usePrintedGrid(apiRef);
  const fitted = useFittedColumns(apiRef);
  const fail = useCallback((err: unknown) => setStatus(messageOf(err)), []);
  const filter = useMemo(() => (district ? { districts: [district] } : {}), [district]);

  const reload = useCallback(() => {
    Promise.all([
      call('procedures.list', { year, month, filter }),
      call('procedures.counts', { year, month, filter }),
      call('procedures.overdue', { year, month, filter }),
      call('lifecycle.stages', { year, month, filter }),
    ]).then(
      ([d, c, o, s]) => (setData(d), setCounts(c), setOverdue(o), setStages(s.overall)),
      fail,
    );
  }, [year, month, filter, fail]);
  useEffect(reload, [reload]);
  useEffect(() => onHistory(() => reload()), [reload]);

  const columnDefs = useMemo(() => procedureColumns(data?.kinds ?? [], !props.readOnly), [data?.kinds, props.readOnly]);
  const chart = useMemo(() => {
    if (view !== 'chart' || !data) return null;
    const t0 = performance.now();
    const drawn = wallChartSvg(data.rows, data.kinds, { year, asOf: data.asOf, groupBy, title: `${year}年${district || '全市'}重点项目挂图作战图` });
    performance.mark('kpw:wall-chart-built', { detail: performance.now() - t0 });
    return drawn;
  }, [view, data, year, groupBy, district]);

  const onCellEditRequest = async (e: CellEditRequestEvent<ProcedureRow>) => {
    const target = parseProcedureColId(e.column.getColId());
    if (!e.data || !target) return;
    const text = e.newValue == null ? '' : String(e.newValue).trim();
    const args = { year, projectId: e.data.projectId, kindId: target.kindId };
    try {
      if (target.field === 'obtainedDate' && (text === '已办' || text === '未办' || text === '')) await call('procedures.update', { ...args, field: 'obtained', value: text || '未办' });
      else await call('procedures.update', { ...args, field: target.field, value: text || null });
      setStatus(`已保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
      reload();
    } catch (err) {
      fail(err);
    }
  };

  const onChartClick = (e: React.MouseEvent) => {
    const el = (e.target as Element).closest('[data-project]');
    if (!el || !data || props.readOnly) return;
    const row = data.rows.find((r) => r.projectId === Number(el.getAttribute('data-project')));
    const kindId = Number(el.getAttribute('data-kind'));
    if (!row || kindId < 0) return;
    setEditing({ row, kind: kindId === START_NODE ? null : (data.kinds.find((k) => k.id === kindId) ?? null) });
  };

  // The 督办 loop: an overdue procedure becomes a notice of its colour, its reason the procedure's.
  const issue = (o: OverdueProcedure) => {
    call('supervisions.issue', { projectId: o.projectId, year, month, form: 'supervision', level: o.warning, reason: `${o.name}：${o.reason}` }).then(
      (s) => setStatus(`已下发${s.number}，请到“督办”跟踪办理`),
      fail,
    );
  };

  const printChart = () => {
    document.body.classList.add('printing-wall-chart');
    window.print();
    document.body.classList.remove('printing-wall-chart');
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setPreview(await call('import.procedures.preview', { source: { fileName: file.name, data: await readFileBase64(file) }, year }));
    } catch (err) {
      fail(err);
    }
  };

  const sentence = counts ? procedureCountsSentence(counts, style) : '';
  return (
    <section className="project-screen lifecycle-screen" data-testid="lifecycle-screen">
      <div className="toolbar" role="toolbar" aria-label="项目全周期工具栏">
        <PeriodPicker years={props.lists.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['手续年度', '手续月份']} />
        <label>
          区市
          <select aria-label="手续区市" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">全部</option>
            {props.lists.districts.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button className={view === 'grid' ? 'active' : ''} onClick={() => setView('grid')}>
          手续台账
        </button>
        <button className={view === 'chart' ? 'active' : ''} onClick={() => setView('chart')}>
          挂图作战
        </button>
        <button className={view === 'support' ? 'active' : ''} onClick={() => setView('support')}>
          要素保障
        </button>
        {view === 'chart' && (
          <label>
            分组
            <select aria-label="挂图分组" value={groupBy} onChange={(e) => setGroupBy(e.target.value as WallChartGroupBy)}>
              <option value="district">按区市</option>
              <option value="category">按类别</option>
            </select>
          </label>
        )}
        <span className="spacer" />
        <input ref={fileRef} type="file" accept=".xlsx,.xls,.csv,.docx" hidden aria-label="手续表文件" onChange={(e) => void chooseFile(e.target.files?.[0])} />
        <button disabled={props.readOnly} onClick={() => fileRef.current?.click()}>
          导入手续表…
        </button>
        <button onClick={() => void deliverFile(call('export.procedures', { year, month, filter })).then((t) => t && setStatus(t), fail)}>导出Excel…</button>
        {chart && (
          <>
            <button onClick={() => void svgToPng(chart.svg, chart.width, chart.height).then((b) => downloadBlob(b, `${year}年挂图作战图.png`), fail)}>保存PNG</button>
            <button onClick={printChart}>打印（A3横向）</button>
          </>
        )}
      </div>
      <PrintHeader title={`${year}年重点项目前期手续`} period={`截至${year}年${month}月底`} filter={filterWords([district && `区市：${district}`, columnFilter.text])} />
      <div className="headline" data-testid="procedures-headline">
        {sentence}
        {data && overdue.length === 0 && '无逾期手续。'}
      </div>
      {stages && (
        <div className="headline" data-testid="stages-headline">
          {`项目阶段：${STAGE_ORDER.map((s) => `${STAGE_LABELS[s]}${stages.stages[s]}个`).join('、')}；本年储备转前期${stages.reserveToPreparation}个，前期转开工${stages.preparationToStart}个`}
        </div>
      )}
      {view === 'grid' && data && (
        <div className="grid-and-detail">
          <div ref={wrap} className={`grid-wrap ${PRINTS_TABLE}`} data-testid="procedures-grid">
            <AgGridReact<ProcedureRow>
              {...EDIT_GRID}
              rowData={data.rows}
              columnDefs={columnDefs}
              getRowId={(p) => String(p.data.projectId)}
              onCellEditRequest={(e) => void onCellEditRequest(e)}
              overlayNoRowsTemplate={`<span>${year}年清单没有项目。</span>`}
              onFilterChanged={columnFilter.onFilterChanged}
              {...fitted.gridProps}
              onGridReady={(e) => {
                apiRef.current = e.api;
              }}
            />
            {printTable}
          </div>
          {/* Without overdue procedures the list takes no room from the grid: the headline says so. */}
          {overdue.length > 0 && <aside className="problem-summary" aria-label="逾期手续" data-testid="overdue-list">
            <h4>逾期手续（{overdue.length}）</h4>
            <ul>
              {overdue.slice(0, 50).map((o) => (
                <li key={`${o.projectId}-${o.kind}`} className={`warning-${o.warning}`}>
                  {o.name}：{o.reason}
                  {!props.readOnly && (
                    <button className="link" title="为该项目下发督办（督办事由为逾期手续）" onClick={() => issue(o)}>
                      督办
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </aside>}
        </div>
      )}
      {view === 'support' && <SupportPanel year={year} readOnly={props.readOnly} onStatus={setStatus} onError={fail} />}
      {chart && (
        <div className="wall-chart" data-testid="wall-chart" data-nodes={chart.nodes} onClick={onChartClick} dangerouslySetInnerHTML={{ __html: chart.svg }} />
      )}
      <footer className="statusbar">
        <span className="status" role="status" data-testid="lifecycle-status">
          {status}
        </span>
      </footer>
      {editing && (
        <NodeDialog
          year={year}
          row={editing.row}
          kind={editing.kind}
          onClose={(changed) => {
            setEditing(null);
            if (changed) reload();
          }}
        />
      )}
      {preview && (
        <Modal
          title={`导入前期手续：${preview.fileName}`}
          testId="procedure-import"
          onClose={() => setPreview(null)}
          actions={
            <>
              <button onClick={() => setPreview(null)}>取消</button>
              <button
                className="primary"
                disabled={preview.counts.error > 0}
                onClick={() =>
                  void call('import.procedures.commit', { token: preview.token, year, validOnly: false }).then((r) => {
                    setPreview(null);
                    setStatus(`已导入：更新${r.updated}个项目`);
                    reload();
                  }, fail)
                }
              >
                导入
              </button>
            </>
          }
        >
          <p>{`工作表“${preview.sheet}”：更新${preview.counts.update}个项目的${preview.counts.procedures}项手续，无变化${preview.counts.unchanged}个，有错误${preview.counts.error}行`}</p>
          <ul className="issues">
            {preview.issues.map((i) => (
              <li key={describeIssue(i)}>{describeIssue(i)}</li>
            ))}
          </ul>
        </Modal>
      )}
    </section>
  );
}
