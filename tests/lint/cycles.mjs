/**
 * No import cycles in the tree, type-only imports included (import-x's no-cycle skips those, and
 * a type-only cycle still ties two rooms together). Reads every source file's imports with
 * TypeScript's own scanner, resolves the relative ones, and reports each strongly connected group
 * of files. Usage: node tests/lint/cycles.mjs [root] — exits 1 naming every cycle.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './source-files.mjs';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../..'));
const DIRS = ['electron', 'renderer/src', 'shared', 'tests'];
const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** The file a relative specifier names, as the bundlers resolve it (".js" may stand for ".ts"). */
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(m|c)?js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

// Declaration files import nothing that runs; fixtures are data.
const files = sourceFiles(root, DIRS, SOURCE, new Set(['node_modules', 'fixtures'])).filter((f) => !f.endsWith('.d.ts'));
const graph = new Map(files.map((f) => [f, []]));
for (const file of files) {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolve(file, fileName);
    if (target && graph.has(target)) graph.get(file).push(target);
  }
}

// Tarjan's strongly connected components, iterative so a deep tree cannot overflow the stack.
let counter = 0;
const index = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
const groups = [];
for (const start of files) {
  if (index.has(start)) continue;
  const work = [[start, 0]];
  index.set(start, counter);
  low.set(start, counter++);
  stack.push(start);
  onStack.add(start);
  while (work.length) {
    const frame = work[work.length - 1];
    const [node, i] = frame;
    const next = graph.get(node)[i];
    if (next !== undefined) {
      frame[1]++;
      if (!index.has(next)) {
        index.set(next, counter);
        low.set(next, counter++);
        stack.push(next);
        onStack.add(next);
        work.push([next, 0]);
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
      continue;
    }
    work.pop();
    if (work.length) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node).includes(node)) groups.push(group);
    }
  }
}

const rel = (f) => path.relative(root, f);
if (groups.length) {
  for (const group of groups) process.stderr.write(`import cycle (${group.length} files): ${group.map(rel).sort().join(' ⇄ ')}\n`);
  process.exit(1);
}
process.stdout.write(`no import cycles in ${files.length} files\n`);
