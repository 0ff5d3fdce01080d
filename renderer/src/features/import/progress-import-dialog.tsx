/**
 * 导入月调度: one or several dispatch sheets (the districts' returned templates) for a month,
 * previewed file by file before anything is written, then imported all together or not at all.
 */
import { useState } from 'react';
import { describeIssue, type ImportPreview, type ImportResult, type ProgressTarget } from '../../../../shared/import';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';

const STATUS_LABELS = { new: '新报送', update: '更新', unchanged: '无变化', error: '错误' } as const;

export function ProgressImportDialog(props: {
  token: string;
  year: number;
  month: number;
  previews: ImportPreview<ProgressTarget>[];
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = props.previews.reduce((n, p) => n + p.issues.filter((i) => i.severity === 'error').length, 0);
  const commit = async () => {
    setBusy(true);
    try {
      props.onImported(await call('import.progress.commit', { token: props.token, year: props.year, month: props.month }));
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`导入${props.year}年${props.month}月调度（${props.previews.length}个文件）`}
      onClose={props.onClose}
      testId="progress-import-dialog"
      wide
      actions={
        <>
          <button onClick={props.onClose}>取消</button>
          <button className="primary" disabled={busy || errors > 0} onClick={() => void commit()}>
            导入
          </button>
        </>
      }
    >
      {errors > 0 && <p className="error-text">有{errors}处错误，请修改文件后重新导入；全部无误才会写入。</p>}
      {error && (
        <p className="error-text" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </p>
      )}
      {props.previews.map((p) => (
        <section key={p.token} data-testid="progress-preview">
          <h3>
            {p.fileName}（工作表“{p.sheet}”）：新报送{p.counts.new}，更新{p.counts.update}，无变化{p.counts.unchanged}，错误{p.counts.error}
          </h3>
          {p.issues.length > 0 && (
            <ul className="issues">
              {p.issues.map((i, n) => (
                <li key={n} className={i.severity === 'error' ? 'error-text' : 'warning-text'}>
                  {describeIssue(i)}
                </li>
              ))}
            </ul>
          )}
          <table className="preview-rows">
            <tbody>
              {p.rows.slice(0, 200).map((r) => (
                <tr key={r.row} className={`status-row-${r.status === 'new' ? 'new' : r.status}`}>
                  <td>{r.row}</td>
                  <td>{STATUS_LABELS[r.status]}</td>
                  <td>{r.name}</td>
                  <td>{r.changes.map((c) => `${c.label}：${c.oldText || '（空）'} → ${c.newText || '（空）'}`).join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Modal>
  );
}
