/** The detail panel: every field of the focused project, the years it is listed in, and its history. */
import { useEffect, useState } from 'react';
import type { ProjectDetail } from '../../../../shared/domain';
import { FIELD_BY_KEY, fieldDisplayText, isProjectField, PROJECT_FIELDS } from '../../../../shared/fields';
import type { MoneyUnit } from '../../../../shared/money';
import { call, messageOf } from '../../api';

const STATE_LABELS = { done: '', undone: '已撤销', discarded: '已撤销' } as const;

export function DetailPanel(props: { projectId: number; year: number; unit: MoneyUnit; revision: number; onClose: () => void }) {
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('projects.get', { projectId: props.projectId, year: props.year })
      .then((d) => live && (setDetail(d), setError(null)))
      .catch((err) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [props.projectId, props.year, props.revision]);

  return (
    <aside className="detail-panel" data-testid="detail-panel" aria-label="项目详情">
      <header>
        <h2>{detail?.row.name ?? '项目详情'}</h2>
        <button className="icon" title="关闭详情" onClick={props.onClose}>
          ×
        </button>
      </header>
      {error && <p className="error-text">{error}</p>}
      {detail && (
        <>
          <dl className="detail-fields">
            {PROJECT_FIELDS.map((f) => (
              <div key={f.key}>
                <dt>{f.kind === 'money' ? `${f.label}（${props.unit}）` : f.label}</dt>
                <dd>{fieldDisplayText(f.key, detail.row[f.key], props.unit) || '—'}</dd>
              </div>
            ))}
            <div>
              <dt>所在年度清单</dt>
              <dd>{detail.years.map((y) => `${y}年`).join('、')}</dd>
            </div>
          </dl>
          <h3>修改记录</h3>
          {detail.history.length === 0 && <p className="muted">暂无修改记录</p>}
          <ol className="history" data-testid="history">
            {detail.history.map((h) => (
              <li key={h.id} className={h.state === 'done' ? '' : 'history-undone'}>
                <time>{h.at.slice(0, 19).replace('T', ' ')}</time>
                <span>
                  {h.op === 'update' && h.field && isProjectField(h.field) ? (
                    <>
                      {FIELD_BY_KEY[h.field].label}：{h.oldText || '（空）'} → {h.newText || '（空）'}
                    </>
                  ) : (
                    h.newText || h.oldText
                  )}
                </span>
                {STATE_LABELS[h.state] && <em>{STATE_LABELS[h.state]}</em>}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
