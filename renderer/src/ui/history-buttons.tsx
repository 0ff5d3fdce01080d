/**
 * 撤销 / 重做 for every screen where edits happen: the library's one history (every screen's
 * edits, imports and deletions), with what each would undo in its tooltip. Ctrl+Z / Ctrl+Y do the same.
 */
import { useEffect, useState } from 'react';
import type { HistoryState } from '../../../shared/domain';
import { call, onHistory, runHistory } from '../api';

export function HistoryButtons(props: { readOnly: boolean; /** Moves on every save of the screen. */ revision: number }) {
  const [history, setHistory] = useState<HistoryState>({ undoLabel: null, redoLabel: null });
  useEffect(() => {
    call('history.state', {}).then(setHistory, () => setHistory({ undoLabel: null, redoLabel: null }));
  }, [props.revision]);
  useEffect(() => onHistory((e) => 'step' in e && setHistory(e.step.state)), []);
  return (
    <>
      <button disabled={props.readOnly || !history.undoLabel} title={history.undoLabel ? `撤销：${history.undoLabel}（Ctrl+Z）` : '没有可撤销的操作'} onClick={() => void runHistory('undo')}>
        撤销
      </button>
      <button disabled={props.readOnly || !history.redoLabel} title={history.redoLabel ? `重做：${history.redoLabel}（Ctrl+Y）` : '没有可重做的操作'} onClick={() => void runHistory('redo')}>
        重做
      </button>
    </>
  );
}
