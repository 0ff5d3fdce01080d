/**
 * kpw --version and --help load only the bundle's entry: the chunks it imports statically are
 * small and hold no service, no better-sqlite3, exceljs, docx or ECharts (each command's module is
 * imported when it runs). The time itself is measured in the benchmark (KPW_BENCH_ONLY=cli).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist/cli');

/** The entry and every chunk it imports statically (import … from "./x.mjs" / import "./x.mjs"), transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(path.join(DIST, file), 'utf8');
  for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']\.\/([^"']+)["'];?$/gm)) staticGraph(m[1]!, seen);
  return seen;
}

describe('kpw start-up', () => {
  it('the entry loads a few small chunks, none of the libraries', () => {
    if (!fs.existsSync(path.join(DIST, 'kpw.mjs'))) spawnSync('npm', ['run', 'build:cli'], { cwd: path.resolve(DIST, '../..'), encoding: 'utf8' });
    const graph = [...staticGraph('kpw.mjs')];
    const bytes = graph.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(100_000);
    const text = graph.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    for (const heavy of ['better-sqlite3', 'exceljs', 'node_modules/docx', 'node_modules/echarts', 'node_modules/zod']) expect(text, heavy).not.toContain(heavy);
    // Lazily: a command's module is there, imported dynamically.
    expect(text).toMatch(/import\("\.\/kpw-import-projects-[A-Z0-9]+\.mjs"\)/);
  });

  it('kpw import loads neither the writers nor the chart renderer: exceljs, docx, ECharts, resvg and zod\'s other locales come on first use', () => {
    const entry = fs.readFileSync(path.join(DIST, 'kpw.mjs'), 'utf8');
    const command = /import\("\.\/(kpw-import-projects-[A-Z0-9]+\.mjs)"\)/.exec(entry)![1]!;
    const graph = [...staticGraph(command)];
    const bytes = graph.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(2_500_000);
    const text = graph.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    for (const heavy of ['node_modules/exceljs', 'node_modules/docx', 'node_modules/echarts', 'node_modules/zrender', 'node_modules/@resvg', 'node_modules/zod/v4/locales/ru.js']) expect(text, heavy).not.toContain(heavy);
    expect(text).toContain('node_modules/zod/v4/locales/zh-CN.js');
  });
});
