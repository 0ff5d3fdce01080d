/**
 * kpw's way to the services: every call goes through dispatch, as the app's IPC bridge and the
 * browser harness make them, so validation, backups before imports, limits and messages are the
 * app's. kpw's context remembers nothing between runs, and where the app would show a save dialog
 * the answer is the command line's --out.
 */
import path from 'node:path';
import type { ArgsOf, Method, ResultOf } from '../../shared/api';
import { AppError } from '../../shared/result';
import { createContext, type ServiceContext } from '../services/context';
import { dispatch } from '../services/handlers';
import { closeLibrary } from '../services/session';
import { VERSION } from './version';

export type Call = <M extends Method>(method: M, args: ArgsOf<M>) => Promise<ResultOf<M>>;

/** An unexpected failure is printed as 程序内部错误; its stack only with KPW_DEBUG set. */
const log = (err: unknown) => {
  if (process.env.KPW_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
};

function session(out: string | null): { ctx: ServiceContext; call: Call } {
  const none = async () => null;
  const ctx = createContext({
    userDataDir: null,
    shell: 'browser',
    version: VERSION,
    dialogs: out === null ? null : { chooseLibraryToOpen: none, chooseLibraryToCreate: none, chooseExportPath: async () => out },
  });
  const call: Call = async (method, args) => {
    const result = await dispatch(ctx, method, args, log);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    return result.value as ResultOf<typeof method>;
  };
  return { ctx, call };
}

/**
 * Open the library named by --db for one command (a missing or damaged file is refused as it is),
 * and close it after.
 */
export async function withLibrary<T>(db: string, work: (call: Call) => Promise<T>, out: string | null = null): Promise<T> {
  const { ctx, call } = session(out);
  try {
    const file = path.resolve(db);
    const info = await call('library.open', { path: file });
    // A library on a network share: the app's warning, on stderr (stdout is for scripts), and how to copy it.
    if (info.networkShare) process.stderr.write(`警告：${info.networkShare.warning}（命令行：kpw backup --db ${file} --out 本机文件.kpw 复制到本机）\n`);
    return await work(call);
  } finally {
    closeLibrary(ctx);
  }
}

/** Create a library at `file` (with demo, the demo city) and close it. */
export async function createNewLibrary(file: string, demo: boolean): Promise<string> {
  const { ctx, call } = session(null);
  try {
    return (await call('library.create', { path: path.resolve(file), ...(demo ? { demo } : {}) })).path;
  } finally {
    closeLibrary(ctx);
  }
}
