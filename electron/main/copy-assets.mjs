#!/usr/bin/env node
/**
 * Part of `npm run build:electron` and `npm run build:cli`: put the files the main process and
 * the command line read at run time beside their bundles (dist/electron/main.cjs,
 * dist/cli/kpw.mjs) — the chart font (electron/assets/fonts, with its licence) and resvg's
 * WebAssembly module — so that the packaged app finds them inside its own archive.
 *
 * Usage: node electron/main/copy-assets.mjs [electron|cli]   (default electron)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(repo, 'dist', process.argv[2] === 'cli' ? 'cli' : 'electron');
fs.mkdirSync(path.join(out, 'fonts'), { recursive: true });
for (const file of fs.readdirSync(path.join(repo, 'electron', 'assets', 'fonts'))) {
  if (/\.(otf|ttf|txt)$/i.test(file)) fs.copyFileSync(path.join(repo, 'electron', 'assets', 'fonts', file), path.join(out, 'fonts', file));
}
fs.copyFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'), path.join(out, 'resvg.wasm'));
