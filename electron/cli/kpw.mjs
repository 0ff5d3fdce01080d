#!/usr/bin/env node
// The `kpw` command. `npm run build:cli` bundles the command-line tool into dist/cli/kpw.mjs,
// split into chunks so that each command loads only what it uses (--version and --help nothing
// but the entry); it is used while it is newer than every source it is built from, so an edited
// source is never answered by a stale bundle. Otherwise the TypeScript runs through tsx, as right
// after `npm install`. KPW_REQUIRE_BUNDLE=1 (the benchmarks) refuses to run without the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(repo, 'dist', 'cli', 'kpw.mjs');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (/\.(ts|mts|cts|js|mjs|cjs|json)$/.test(entry.name)) latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

function bundleIsCurrent() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return ['electron', 'shared'].every((dir) => newest(path.join(repo, dir)) <= built);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  // Node 22.1+ keeps the compiled bundle between runs (a no-op where it has no compile cache).
  (await import('node:module')).enableCompileCache?.();
  await import(pathToFileURL(bundle).href);
} else if (process.env.KPW_REQUIRE_BUNDLE === '1') {
  process.stderr.write('kpw: dist/cli/kpw.mjs is missing or older than the sources; run npm run build:cli\n');
  process.exit(2);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./kpw.ts');
}
