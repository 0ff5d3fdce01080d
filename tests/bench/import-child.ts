/**
 * One measured import, in its own process so its peak memory is its own: a new library, the
 * workbook read, previewed and committed. With "worker" after the file the workbook is read as the
 * app reads it, in the worker thread under its limits (read-off-thread.ts: the bundled
 * read-worker.cjs when it is current, else read-worker.ts under tsx); without, in place, as `kpw`
 * reads. Prints {"ms", "cpuMs", "maxRssMb", "added", "reader"} as JSON: wall and CPU time (every
 * thread of the process: V8's helpers, the worker) from the file's bytes to the commit's end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { commitProjectImport, previewProjectImport, readWorkbookWith } from '../../electron/services/import/project-list';
import { developmentWorkerScript, readInPlace, workerReader } from '../../electron/services/spreadsheet/read-off-thread';

const [file, how] = process.argv.slice(2) as [string, string | undefined];
const script = how === 'worker' ? developmentWorkerScript() : null;
const reader = script ? `worker (${typeof script === 'string' ? 'bundle' : 'tsx'})` : 'in place';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-bench-import-'));
const ctx = createContext({ userDataDir: null, shell: 'browser', readWorkbook: script ? workerReader({ script }) : readInPlace });
createLibrary(ctx, path.join(dir, 'lib.kpw'));
const start = performance.now();
const cpu = process.cpuUsage();
const workbook = await readWorkbookWith(ctx, fs.readFileSync(file), path.basename(file));
const preview = previewProjectImport(ctx, workbook, path.basename(file), { year: 2024 });
if (preview.counts.error > 0) throw new Error(`import has ${preview.counts.error} errors`);
const result = commitProjectImport(ctx, workbook, path.basename(file), { year: 2024 });
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
closeLibrary(ctx);
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, added: result.added, reader }));
