/**
 * The IPC rule: a contract result reaches the renderer by structured clone. Electron copies what
 * the main process returns with the HTML structured clone algorithm (V8's serializer), which
 * refuses functions, symbols and promises, and turns class instances into plain objects and
 * Buffers into Uint8Arrays. A result that breaks the rule makes the call fail in the desktop app
 * with only 「与主程序通信失败」, while JSON (the browser harness) would silently drop a function
 * and hide the fault. So both shells check every result here: one rule, one clear error.
 */
import v8 from 'node:v8';
import type { ApiError, ApiResult } from '../../shared/result';

type Log = (err: unknown) => void;

/** What the renderer gets when a result cannot be copied to it. */
// Not "操作未完成": the handler has run, and what it wrote stays written; only its answer is lost.
export const NOT_CLONEABLE: ApiError = { code: 'INTERNAL', message: '结果无法传回界面（含不可复制的值）。' };

/**
 * The value as the renderer receives it over IPC: a structured clone (node's structuredClone is the
 * same algorithm Electron uses). Throws a DataCloneError for what IPC cannot carry.
 */
export function ipcCopy<T>(value: T): T {
  return structuredClone(value);
}

function refused(method: unknown, err: unknown, log: Log): ApiResult<unknown> {
  // The clone error quotes the offending value (a function's whole source): its start is enough.
  const cause = (err instanceof Error ? err.message : String(err)).slice(0, 160);
  log(new Error(`调用 ${String(method).slice(0, 64)} 的结果无法传回界面：${cause}`));
  return { ok: false, error: NOT_CLONEABLE };
}

/**
 * A result as it arrives on the other side of IPC, for the browser harness (which then writes it
 * as JSON): its structured clone, or NOT_CLONEABLE with the method and the cause in the log (a
 * programming error: the result of `method` carries something that is not plain data).
 */
export function resultOverIpc(method: unknown, result: ApiResult<unknown>, log: Log = (err) => console.error(err)): ApiResult<unknown> {
  try {
    return ipcCopy(result);
  } catch (err) {
    return refused(method, err, log);
  }
}

/**
 * The same check for the Electron main process, which hands the result itself to Electron (which
 * makes the copy): only the serializing half of the clone runs, the half that refuses. For 20,000
 * projects (projects.list, dispatch.list) that is 50–100 ms on a 2-core machine against 150–370 ms
 * for a full copy, a cost paid only by the largest results.
 */
export function checkedForIpc(method: unknown, result: ApiResult<unknown>, log: Log = (err) => console.error(err)): ApiResult<unknown> {
  try {
    v8.serialize(result);
    return result;
  } catch (err) {
    return refused(method, err, log);
  }
}
