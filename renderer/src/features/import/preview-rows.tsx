/**
 * 逐行预览 of every import (project lists, dispatch sheets, ledgers): the sheet's row, what
 * committing will do with it, and the columns the import names; long previews show their first
 * rows and say how many there are.
 */
import type { ReactNode } from 'react';

export type RowOutcome = 'new' | 'update' | 'unchanged' | 'error';

const OUTCOME_LABELS: Record<RowOutcome, string> = { new: '新增', update: '更新', unchanged: '无变化', error: '错误' };

export interface PreviewColumn<R> {
  title: string;
  cell: (row: R) => ReactNode;
}

/** "字段：旧 → 新；…", how every preview writes a row's changes. */
export function changesText(changes: readonly { label: string; oldText: string; newText: string }[]): string {
  return changes.map((c) => `${c.label}：${c.oldText || '（空）'} → ${c.newText || '（空）'}`).join('；');
}

export function PreviewRows<R extends { row: number; status: RowOutcome }>(props: {
  rows: readonly R[];
  columns: readonly PreviewColumn<R>[];
  shown: number;
  testId?: string;
  /** What a new row is called here (a dispatch sheet's new row is a first report: 新报送). */
  newLabel?: string;
}) {
  const label = (s: RowOutcome) => (s === 'new' && props.newLabel ? props.newLabel : OUTCOME_LABELS[s]);
  return (
    <>
      <table className="preview-rows" {...(props.testId ? { 'data-testid': props.testId } : {})}>
        <thead>
          <tr>
            <th>行</th>
            <th>结果</th>
            {props.columns.map((c) => (
              <th key={c.title}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.slice(0, props.shown).map((r) => (
            <tr key={r.row} className={`status-row-${r.status}`}>
              <td>{r.row}</td>
              <td>{label(r.status)}</td>
              {props.columns.map((c) => (
                <td key={c.title}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length > props.shown && (
        <p className="muted">
          只显示前{props.shown}行，共{props.rows.length}行。
        </p>
      )}
    </>
  );
}
