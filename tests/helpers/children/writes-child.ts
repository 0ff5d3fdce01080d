/**
 * A child process writing to a library while others do (tests/unit/concurrent-writers.test.ts):
 * `count` edits of 建设内容 across the given projects and an added project every fifth edit, each
 * through the contract; a refused write ends it with exit 1 and the message. Prints JSON of what it
 * wrote, for the parent to find afterwards.
 */
import { createContext } from '../../../electron/services/context';
import { openLibrary } from '../../../electron/services/library';
import { contractCaller } from '../contract';

const [library, ids, count, tag] = process.argv.slice(2) as [string, string, string, string];
const projectIds = ids.split(',').map(Number);
const ctx = createContext({ userDataDir: null, shell: 'browser' });
await openLibrary(ctx, library);
const { call } = contractCaller(() => ctx);
const scopes: Record<number, string> = {};
const added: string[] = [];
process.stdout.write('opened\n');
for (let n = 0; n < Number(count); n++) {
  const projectId = projectIds[n % projectIds.length]!;
  const value = `${tag}修改${n}`;
  await call('projects.update', { projectId, year: 2024, field: 'scope', value, unit: '万元' });
  scopes[projectId] = value;
  if (n % 5 === 0) {
    const name = `${tag}新增${n}`;
    await call('projects.add', { year: 2024, name });
    added.push(name);
  }
}
process.stdout.write(`${JSON.stringify({ scopes, added })}\n`);
