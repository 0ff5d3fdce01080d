/**
 * The IPC side of the contract. Every call from the renderer is checked for its sender (a frame
 * showing app://bundle/) before anything runs, then goes through the same `dispatch` as the
 * harness and the tests, which checks the method name (isMethod) and the argument (the contract's
 * schema) before any handler runs; one place, so the shells cannot disagree. Refusals and
 * failures travel back as ApiResult values; nothing thrown, and no stack trace, ever reaches the
 * renderer.
 */
import type { IpcMain } from 'electron';
import { IPC_INVOKE, type ArgsOf, type Method } from '../../shared/api';
import type { ApiResult } from '../../shared/result';
import type { ServiceContext } from '../services/context';
import { dispatch, toApiError } from '../services/handlers';
import { checkedForIpc } from '../services/session';
import { isTrustedSender } from './security';

type Log = (err: unknown) => void;

/**
 * Runs tasks one at a time, in order. The renderer's calls and the menu's (打开项目库…) share one
 * queue, so a library is never swapped out while a call on it is half done, and calls behave as
 * in the browser harness, which also runs them one at a time.
 */
export type CallQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createCallQueue(): CallQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One call from the renderer: the sender checked first, then `dispatch`. Never throws. */
export async function handleInvoke(
  ctx: ServiceContext,
  senderUrl: string | null | undefined,
  method: unknown,
  args: unknown,
  log: Log = (err) => console.error(err),
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    log(new Error(`已拒绝来自非本程序页面的调用：${String(senderUrl).slice(0, 200)}`));
    return { ok: false, error: { code: 'UNSUPPORTED', message: '此页面无权调用重点项目工作台。' } };
  }
  try {
    // Electron clones the result only after this handler has returned, and a result it cannot
    // clone reaches the renderer as a bare IPC failure. Checking here first turns that into the
    // clear error the browser harness gives too, with the method named in the log.
    return checkedForIpc(method, await dispatch(ctx, method, args, log), log);
  } catch (err) {
    // dispatch does not throw; this is the last guard that keeps a stack trace in the main process.
    log(err);
    return { ok: false, error: toApiError(err) };
  }
}

/** A call the main process makes itself (from the menu): trusted, but through the same queue. */
export function callFromMain<M extends Method>(
  ctx: ServiceContext,
  queue: CallQueue,
  method: M,
  args: ArgsOf<M>,
  log: Log = (err) => console.error(err),
): Promise<ApiResult<unknown>> {
  return queue(() => dispatch(ctx, method, args, log));
}

/**
 * Wire the one IPC channel. The sender frame's URL is read at call time: a frame may have navigated.
 * `afterCall` lets main.ts react to what a call changed (the recent list in the menu).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  ctx: ServiceContext,
  queue: CallQueue,
  options: { log?: Log; afterCall?: (method: unknown, result: ApiResult<unknown>) => void } = {},
): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, args: unknown) => {
    const senderUrl = event.senderFrame?.url ?? null;
    const result = await queue(() => handleInvoke(ctx, senderUrl, method, args, options.log));
    try {
      options.afterCall?.(method, result);
    } catch (err) {
      (options.log ?? console.error)(err);
    }
    return result;
  });
}

/** Calls after which the recent-libraries list (and so the 最近打开 menu) may have changed. */
export function changesLibrary(method: unknown, result: ApiResult<unknown>): boolean {
  return result.ok && typeof method === 'string' && /^library\.(open|create)/.test(method);
}

/** What the menu does with the result of opening or creating a library. */
export function reportLibraryResult(
  result: ApiResult<unknown>,
  ui: { changed(): void; showError(message: string): void },
): void {
  if (result.ok) ui.changed();
  else if (result.error.code !== 'CANCELLED') ui.showError(result.error.message);
}
