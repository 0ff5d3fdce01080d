/**
 * A child process for the kill tests: opens a library and imports a workbook into it (one
 * transaction), printing "committed" when done. The parent kills it at a random moment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createContext } from '../../../electron/services/context';
import { openLibrary } from '../../../electron/services/library';
import { commitProjectImport, readWorkbook } from '../../../electron/services/import/project-list';

const [library, workbookFile] = process.argv.slice(2) as [string, string];
const ctx = createContext({ userDataDir: null, shell: 'browser' });
await openLibrary(ctx, library);
process.stdout.write('opened\n');
const workbook = readWorkbook(fs.readFileSync(workbookFile), path.basename(workbookFile));
commitProjectImport(ctx, workbook, path.basename(workbookFile), { year: 2024 });
process.stdout.write('committed\n');
