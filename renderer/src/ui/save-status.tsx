/**
 * The status bar's one line of every editing screen: saving…, saved (with the time), or the reason
 * a change was refused. Each save also moves `revision`, which the 撤销/重做 buttons follow.
 */
import { useCallback, useMemo, useState } from 'react';
import { messageOf } from '../api';

export type SaveStatusKind = 'idle' | 'saving' | 'saved' | 'error';
export interface SaveStatusValue {
  kind: SaveStatusKind;
  text: string;
}

export function timeNow(): string {
  return new Date().toLocaleTimeString('zh-CN', { hour12: false });
}

export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatusValue>({ kind: 'idle', text: '' });
  const [revision, setRevision] = useState(0);
  const saving = useCallback((text = '保存中…') => setStatus({ kind: 'saving', text }), []);
  /** A change committed: said with the time, and the history buttons asked again. */
  const saved = useCallback((text: string) => {
    setStatus({ kind: 'saved', text: `${text}（${timeNow()}）` });
    setRevision((r) => r + 1);
  }, []);
  const fail = useCallback((err: unknown) => setStatus({ kind: 'error', text: messageOf(err) }), []);
  const say = useCallback((text: string, kind: SaveStatusKind = 'idle') => setStatus({ kind, text }), []);
  return useMemo(() => ({ status, revision, saving, saved, fail, say }), [status, revision, saving, saved, fail, say]);
}

export function StatusText(props: { status: SaveStatusValue; testId: string }) {
  return (
    <span data-testid={props.testId} className={`status status-${props.status.kind}`} role="status" aria-live="polite">
      {props.status.text}
    </span>
  );
}
