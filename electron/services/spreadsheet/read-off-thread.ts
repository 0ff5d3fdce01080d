/**
 * Reading a workbook in a worker thread with a memory ceiling and a time limit. The Electron main
 * process and the harness read this way; the command-line tool, a single short run, reads in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readSpreadsheet } from './read-any';
import { WorkbookError, type Workbook } from './xlsx-reader';

export type WorkbookReader = (bytes: Buffer) => Promise<Workbook>;

/** Read in this thread (the command line and tests). */
export const readInPlace: WorkbookReader = async (bytes) => readSpreadsheet(bytes);

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * The worker script outside Electron (the harness, browser tests): the bundled
 * dist/electron/read-worker.cjs that the app itself uses, while it is newer than the sources it is
 * built from — it starts in a fraction of the time, since nothing is compiled — else
 * read-worker.ts through tsx.
 */
export function developmentWorkerScript(): URL | string {
  const here = import.meta.dirname;
  const repo = path.resolve(here, '..', '..', '..');
  const bundle = path.join(repo, 'dist', 'electron', 'read-worker.cjs');
  try {
    const built = fs.statSync(bundle).mtimeMs;
    if ([here, path.join(repo, 'shared')].every((dir) => newest(dir) <= built)) return bundle;
  } catch {
    // not built
  }
  return new URL('./read-worker-tsx.mjs', import.meta.url);
}

export interface WorkerReaderOptions {
  /** The worker script: read-worker.ts under tsx, or the bundled read-worker.cjs in Electron. */
  script: string | URL;
  execArgv?: string[];
  timeoutMs?: number;
  maxHeapMb?: number;
}

export function workerReader(options: WorkerReaderOptions): WorkbookReader {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return (bytes) =>
    new Promise<Workbook>((resolve, reject) => {
      const worker = new Worker(options.script, {
        workerData: { bytes },
        execArgv: options.execArgv ?? [],
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 600 },
      });
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => finish(() => reject(new WorkbookError(`读取超时（超过${Math.round(timeoutMs / 1000)}秒），文件过大或过于复杂`))), timeoutMs);
      worker.once('message', (m: { ok: true; workbook: Workbook } | { ok: false; known: boolean; message: string; sheet?: string; cellRef?: string }) =>
        finish(() => {
          if (m.ok) resolve(m.workbook);
          else if (m.known) reject(new WorkbookError(m.message, m.sheet, m.cellRef));
          else reject(new Error(m.message));
        }),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkbookError('文件过大，读取时超出内存限制') : err)),
      );
      worker.once('exit', (code) => finish(() => reject(new Error(`读取进程意外退出（${code}）`))));
    });
}
