/** A child process (run as another user) that opens a library and tries an edit; prints JSON. */
import { dispatch } from '../../../electron/services/handlers';
import { createContext } from '../../../electron/services/context';
import { openLibrary } from '../../../electron/services/library';

const ctx = createContext({ userDataDir: null, shell: 'browser' });
const info = await openLibrary(ctx, process.argv[2]!);
const edit = await dispatch(ctx, 'projects.update', { projectId: Number(process.argv[3]), year: 2024, field: 'scope', value: '改不了', unit: '万元' });
const list = await dispatch(ctx, 'projects.list', { year: 2024 });
process.stdout.write(JSON.stringify({ info, edit, rows: list.ok ? (list.value as { rows: unknown[] }).rows.length : -1 }));
