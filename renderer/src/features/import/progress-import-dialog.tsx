/**
 * 导入月调度: one or several dispatch sheets (the districts' returned templates) for a month,
 * previewed file by file before anything is written, then imported all together or not at all.
 * Each file says which column(s) its completed investment comes from; a sheet without one, or whose
 * cumulative names another month, is held back until the user says so here (never a silent zero).
 */
import { useState } from 'react';
import { describeIssue, type ImportResult } from '../../../../shared/import';
import {
  COMPLETED_HOW_LABELS,
  DISPATCH_TARGET_LABELS,
  DISPATCH_TARGETS,
  type DispatchMapping,
  type ProgressImportPreview,
} from '../../../../shared/progress-import';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';
import { ColumnMapping } from './column-mapping';
import { changesText, PreviewRows } from './preview-rows';


export function ProgressImportDialog(props: {
  token: string;
  year: number;
  month: number;
  previews: ProgressImportPreview[];
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const [token, setToken] = useState(props.token);
  const [previews, setPreviews] = useState(props.previews);
  const [mapping, setMapping] = useState<DispatchMapping | undefined>(undefined);
  const [confirmMonth, setConfirmMonth] = useState(false);
  const [allowNoCompleted, setAllowNoCompleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = previews.reduce((n, p) => n + p.issues.filter((i) => i.severity === 'error').length, 0);
  const missing = previews.filter((p) => p.missingCompleted !== null);
  const otherMonth = previews.find((p) => p.otherMonth)?.otherMonth ?? null;

  // The same files analysed again with the user's choices (a column mapped, the month confirmed).
  const reanalyse = async (next: { mapping?: DispatchMapping; confirmMonth?: boolean }) => {
    setBusy(true);
    const nextMapping = next.mapping ?? mapping;
    const nextConfirm = next.confirmMonth ?? confirmMonth;
    setConfirmMonth(nextConfirm); // the box shows the click at once; undone below if refused
    try {
      const r = await call('import.progress.preview', { token, year: props.year, month: props.month, ...(nextMapping ? { mapping: nextMapping } : {}), ...(nextConfirm ? { confirmMonth: true } : {}) });
      setToken(r.token);
      setPreviews(r.previews);
      setMapping(nextMapping);
      setError(null);
    } catch (err) {
      setConfirmMonth(confirmMonth);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      props.onImported(
        await call('import.progress.commit', {
          token,
          year: props.year,
          month: props.month,
          ...(mapping ? { mapping } : {}),
          ...(confirmMonth ? { confirmMonth: true } : {}),
          ...(allowNoCompleted ? { allowNoCompleted: true } : {}),
        }),
      );
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`导入${props.year}年${props.month}月调度（${previews.length}个文件）`}
      onClose={props.onClose}
      testId="progress-import-dialog"
      wide
      actions={
        <>
          <button onClick={props.onClose}>取消</button>
          <button className="primary" disabled={busy || errors > 0 || (missing.length > 0 && !allowNoCompleted)} onClick={() => void commit()}>
            导入
          </button>
        </>
      }
    >
      {missing.length > 0 && (
        <div className="error-text" role="alert" data-testid="progress-missing-completed">
          {missing.map((p) => (
            <p key={p.token}>
              “{p.fileName}”：{p.missingCompleted}
            </p>
          ))}
          <label>
            <input type="checkbox" checked={allowNoCompleted} disabled={busy} onChange={(e) => setAllowNoCompleted(e.target.checked)} />
            确认{missing.length > 1 ? '这些表' : '本表'}只报开工、纳统、形象进度等情况，不含完成投资（各项目的累计完成投资保持原有的数）
          </label>
        </div>
      )}
      {otherMonth && (
        <p className={confirmMonth ? 'warning-text' : 'error-text'} data-testid="progress-other-month">
          <label>
            <input type="checkbox" checked={confirmMonth} disabled={busy} onChange={(e) => void reanalyse({ confirmMonth: e.target.checked })} />
            表头“{otherMonth.header}”写的是截至{otherMonth.month}月：确认该列就是1-{props.month}月的累计完成投资
          </label>
        </p>
      )}
      {errors > 0 && <p className="error-text">有{errors}处错误，请修改文件后重新导入；全部无误才会写入。</p>}
      {error && (
        <p className="error-text" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </p>
      )}
      {previews.map((p) => (
        <section key={p.token} data-testid="progress-preview">
          <h3>
            {p.fileName}（工作表“{p.sheet}”）：新报送{p.counts.new}，更新{p.counts.update}，无变化{p.counts.unchanged}，错误{p.counts.error}
          </h3>
          <p data-testid="progress-completed-from">
            {p.completedFrom
              ? `完成投资取自${p.completedFrom.letters.map((l, i) => `${l}列“${p.completedFrom!.columns[i]}”`).join('、')}（${COMPLETED_HOW_LABELS[p.completedFrom.how]}）`
              : '完成投资：本表没有可用的列'}
          </p>
          {p.notes.length > 0 && (
            <ul className="muted">
              {p.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          {p.issues.length > 0 && (
            <ul className="issues">
              {p.issues.map((i, n) => (
                <li key={n} className={i.severity === 'error' ? 'error-text' : 'warning-text'}>
                  {describeIssue(i)}
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary>列对应（{p.columns.length}列）</summary>
            <ColumnMapping
              columns={p.columns}
              targets={DISPATCH_TARGETS.map((t) => ({ value: t, label: DISPATCH_TARGET_LABELS[t] }))}
              showUnit
              disabled={busy}
              onChange={(c, target) => void reanalyse({ mapping: { ...mapping, [c.header]: target } })}
            />
          </details>
          <PreviewRows
            rows={p.rows}
            shown={200}
            newLabel="新报送"
            columns={[
              { title: '项目名称', cell: (r) => r.name },
              { title: '变化', cell: (r) => changesText(r.changes) },
            ]}
          />
        </section>
      ))}
    </Modal>
  );
}
