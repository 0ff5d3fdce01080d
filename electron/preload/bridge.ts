/**
 * window.kpw, the renderer's only door to the main process (the `Bridge` of shared/api.ts): call a
 * contract method, or listen to menu commands. Built from an ipcRenderer passed in, so tests run it
 * with a fake; preload.ts hands it to contextBridge.
 *
 * Nothing of Electron leaks through: no ipcRenderer, no IPC event objects (their `sender` would
 * give the page a way to send on any channel), no raw errors.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ArgsOf, Bridge, Command, Method, ResultOf } from '../../shared/api';
import type { ApiResult } from '../../shared/result';
import { IPC_COMMAND, IPC_INVOKE, isCommandName, isMethodName } from './contract-names';

export function createBridge(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  async function invoke<M extends Method>(method: M, args: ArgsOf<M>): Promise<ApiResult<ResultOf<M>>> {
    // A name outside the contract never reaches the main process (which would refuse it too).
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `未知的调用“${String(method).slice(0, 64)}”` } };
    }
    try {
      return (await ipcRenderer.invoke(IPC_INVOKE, method, args)) as ApiResult<ResultOf<M>>;
    } catch {
      // Only IPC itself fails here (e.g. an argument that cannot be cloned): the main process
      // answers every call with a value.
      return { ok: false, error: { code: 'INTERNAL', message: '与主程序通信失败，操作未完成。' } };
    }
  }

  function onCommand(listener: (command: Command) => void): () => void {
    const forward = (_event: IpcRendererEvent, name: unknown) => {
      if (isCommandName(name)) listener(name);
    };
    ipcRenderer.on(IPC_COMMAND, forward);
    return () => {
      ipcRenderer.removeListener(IPC_COMMAND, forward);
    };
  }

  return { invoke, onCommand };
}
