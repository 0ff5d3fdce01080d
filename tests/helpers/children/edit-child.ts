/**
 * A child process for the kill tests: edits one project's name again and again through the
 * contract (each edit its own transaction), printing "ack N" after each commit returns.
 */
import { dispatch } from '../../../electron/services/handlers';
import { createContext } from '../../../electron/services/context';
import { openLibrary } from '../../../electron/services/library';

const [library, projectId] = process.argv.slice(2) as [string, string];
const ctx = createContext({ userDataDir: null, shell: 'browser' });
await openLibrary(ctx, library);
for (let n = 1; ; n++) {
  const r = await dispatch(ctx, 'projects.update', { projectId: Number(projectId), year: 2024, field: 'scope', value: `第${n}次修改`, unit: '万元' });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`ack ${n}\n`);
}
