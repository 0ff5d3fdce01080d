/**
 * No source file over 400 lines (issue 18): a file that long is doing more than one job, and is
 * to be split by what it does, not grown. Counts the lines of every .ts, .tsx, .mts, .cts, .mjs,
 * .cjs and .js file under electron/, renderer/, shared/ and tests/ (node_modules and generated
 * output left out). Usage: node tests/lint/file-length.mjs [root] — exits 1 naming every file over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourceFiles } from './source-files.mjs';

const MAX_LINES = 400;
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../..'));
const DIRS = ['electron', 'renderer', 'shared', 'tests'];
const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
/** Not ours to split: dependencies and what the build and the benchmarks write. */
const SKIPPED = new Set(['node_modules', 'dist', 'tests/bench/out']);

/** Lines as an editor numbers them: a last line without its newline still counts. */
function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

const files = sourceFiles(root, DIRS, SOURCE, SKIPPED);
const over = files
  .map((f) => ({ file: path.relative(root, f).split(path.sep).join('/'), lines: lineCount(fs.readFileSync(f, 'utf8')) }))
  .filter((f) => f.lines > MAX_LINES)
  .sort((a, b) => b.lines - a.lines);
if (over.length) {
  for (const { file, lines } of over) process.stderr.write(`${file}: ${lines} lines, more than ${MAX_LINES} (文件超过${MAX_LINES}行): split it by what it does\n`);
  process.exit(1);
}
process.stdout.write(`no source file over ${MAX_LINES} lines in ${files.length} files\n`);
