/**
 * The renderer's only way to the main process: the contract of shared/api.ts, carried by the
 * Electron preload (window.kpw) or, in the browser harness, by POST /api/invoke on the same origin.
 */
import { isCommand, type ArgsOf, type Command, type HistoryStep, type Method, type ResultOf } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/result';

/** A failed call, carrying the contract's error value. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** The harness's token for this run, in the page it served (electron/harness/server.ts). */
const harnessToken = () => document.querySelector('meta[name="kpw-token"]')?.getAttribute('content') ?? '';

async function invoke<M extends Method>(method: M, args: ArgsOf<M>): Promise<ApiResult<ResultOf<M>>> {
  if (window.kpw) return window.kpw.invoke(method, args);
  try {
    const response = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-KPW-Token': harnessToken() },
      body: JSON.stringify({ method, args }),
    });
    return (await response.json()) as ApiResult<ResultOf<M>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到重点项目工作台服务，请确认程序仍在运行。' } };
  }
}

/** Call one method; resolves with its result or rejects with an ApiFailure. */
export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invoke(method, args);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

/** The message to show for any failure. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiFailure) return err.error.message;
  return '操作失败：' + (err instanceof Error ? err.message : String(err));
}

type Listener = (command: Command) => void;
const listeners = new Set<Listener>();

/** Menu commands from Electron; in the browser the app raises them itself (see raiseCommand). */
export function onCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function raiseCommand(command: Command): void {
  for (const l of listeners) l(command);
}

window.kpw?.onCommand((command) => {
  if (isCommand(command)) raiseCommand(command);
});

/** What an undo or redo did (or why it failed), for every screen to show and reload. */
export type HistoryEvent = { direction: 'undo' | 'redo'; step: HistoryStep } | { direction: 'undo' | 'redo'; error: unknown };
const historyListeners = new Set<(e: HistoryEvent) => void>();

export function onHistory(listener: (e: HistoryEvent) => void): () => void {
  historyListeners.add(listener);
  return () => historyListeners.delete(listener);
}

/** Undo or redo the library's last change, whichever screen asked, and tell every screen. */
export async function runHistory(direction: 'undo' | 'redo'): Promise<void> {
  let event: HistoryEvent;
  try {
    event = { direction, step: await call(direction === 'undo' ? 'history.undo' : 'history.redo', {}) };
  } catch (error) {
    event = { direction, error };
  }
  for (const l of historyListeners) l(event);
}
