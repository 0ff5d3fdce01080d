/**
 * The app's import path in its own process (so its peak memory is its own): the workbook's bytes
 * as the renderer sends them (base64), read in the worker thread with the app's limits
 * (read-off-thread.ts, the bundled read-worker.cjs as in Electron), previewed and committed through
 * the contract (dispatch), with the backup before the import. Timed from the file's bytes to the
 * commit's end; the process's start-up is not included. Prints {"ms","added","worker"} as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createContext } from '../../electron/services/context';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { contractCaller } from '../helpers/contract';
import { developmentWorkerScript, workerReader } from '../../electron/services/spreadsheet/read-off-thread';

const [file, library] = process.argv.slice(2) as [string, string];
const script = developmentWorkerScript();
const ctx = createContext({ userDataDir: null, shell: 'browser', readWorkbook: workerReader({ script }) });
await openLibrary(ctx, library);
const start = performance.now();
const data = fs.readFileSync(file).toString('base64');
const { call } = contractCaller(() => ctx);
const preview = await call('import.projects.preview', { source: { fileName: path.basename(file), data }, year: 2024 });
if (preview.counts.error > 0) throw new Error(`import has ${preview.counts.error} errors`);
const commit = await call('import.projects.commit', { token: preview.token, year: 2024, validOnly: false });
const ms = performance.now() - start;
closeLibrary(ctx);
process.stdout.write(JSON.stringify({ ms, added: commit.added, worker: typeof script === 'string' ? 'bundle' : 'tsx' }));
