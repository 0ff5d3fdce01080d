/**
 * The contract's methods of 撤销/重做: one change log, kept in the library, behind the undoable
 * writes of every domain (a method's doc says "undoable"), so a change can be undone after a
 * restart. Spread into `api` (shared/api.ts).
 */
import type { HistoryState } from './domain';
import { method, none } from './api-schemas';

export const historyApi = {
  /** Undo the latest change (edit, paste, add, delete, copy), also one made before a restart. */
  'history.undo': method(none).returns<HistoryStep>(),
  /** Redo the latest undone change. */
  'history.redo': method(none).returns<HistoryStep>(),
  /** What 撤销 and 重做 would do now. */
  'history.state': method(none).returns<HistoryState>(),
} as const;

export interface HistoryStep {
  /** What was undone or redone, e.g. "修改 项目名称"; null when there was nothing to do. */
  label: string | null;
  /** Years whose list changed, so the renderer knows what to reload. */
  years: number[];
  state: HistoryState;
}
