/**
 * One measured import, in its own process so its peak memory is its own: a new library, the
 * workbook read, previewed and committed. Prints {"ms", "maxRssMb", "added"} as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { commitProjectImport, previewProjectImport, readWorkbook } from '../../electron/services/import/project-list';

const file = process.argv[2]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-bench-import-'));
const ctx = createContext({ userDataDir: null, shell: 'browser' });
createLibrary(ctx, path.join(dir, 'lib.kpw'));
const start = performance.now();
const workbook = readWorkbook(fs.readFileSync(file), path.basename(file));
const preview = previewProjectImport(ctx, workbook, path.basename(file), { year: 2024 });
if (preview.counts.error > 0) throw new Error(`import has ${preview.counts.error} errors`);
const result = commitProjectImport(ctx, workbook, path.basename(file), { year: 2024 });
const ms = performance.now() - start;
closeLibrary(ctx);
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, added: result.added }));
