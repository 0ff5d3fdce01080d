/**
 * Two programs on one library never lose a write: a `kpw import projects` (3,000 new projects and
 * new plans for the existing ones, one transaction), a second process editing and adding through
 * the services, and this process doing the same, all at once on one real file. Every write is
 * there afterwards, and the import's updates leave the other programs' fields alone. Each write
 * waits for the lock (BEGIN IMMEDIATE with the busy timeout); one that cannot get it in time is
 * refused in Chinese, never lost silently (reliability.test.ts holds the lock to see that).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { seedSampleProjects } from '../helpers/sample';
import { buildWorkbook } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
const WRITER = path.resolve(import.meta.dirname, '../helpers/children/writes-child.ts');

let lib: TempLibrary;
beforeEach(() => (lib = createTempLibrary()));
afterEach(() => lib.close());
const { call } = contractCaller(() => lib.ctx);

function run(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; started: Promise<void>; alive: () => boolean } {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let alive = true;
  const started = new Promise<void>((resolve) => {
    proc.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      resolve();
    });
    proc.on('exit', () => resolve());
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('close', (code) => {
    alive = false;
    resolve({ code, stdout, stderr });
  }));
  return { done, started, alive: () => alive };
}

describe('two programs on one library', { timeout: 300_000 }, () => {
  it('an import by kpw, edits and additions by two other processes at once: every write is there', async () => {
    const db = lib.ctx.library!.db;
    const ids = seedSampleProjects(db, 2024, 60, 5);
    const existing = db.prepare('SELECT p.id, p.name FROM projects p ORDER BY p.id').all() as { id: number; name: string }[];
    // The import: the 60 existing projects with a new 年度计划投资, and 3,000 new ones.
    const rows = [
      ['项目名称', '总投资（万元）', '年度计划投资（万元）'],
      ...existing.map((p, i) => [p.name, 50_000 + i, 7_000 + i]),
      ...Array.from({ length: 3000 }, (_, i) => [`并发导入项目${i + 1}`, 1000 + i, 100 + i]),
    ];
    const workbook = path.join(lib.dir, 'import.xlsx');
    fs.writeFileSync(workbook, await buildWorkbook([{ name: '清单', rows }]));
    const half = Math.floor(ids.length / 2);
    const mine = ids.slice(0, half);
    const theirs = ids.slice(half);

    const other = run(['--import', 'tsx', WRITER, lib.file, theirs.join(','), '150', '乙']);
    await other.started;
    const importer = run([KPW, 'import', 'projects', workbook, '--db', lib.file, '--year', '2024']);
    // This process writes until both others have finished, and at least 150 times.
    const scopes: Record<number, string> = {};
    const added: string[] = [];
    let n = 0;
    let whileImporting = 0;
    while (n < 150 || other.alive() || importer.alive()) {
      const projectId = mine[n % mine.length]!;
      const value = `甲修改${n}`;
      await call('projects.update', { projectId, year: 2024, field: 'scope', value, unit: '万元' });
      scopes[projectId] = value;
      if (n % 5 === 0) {
        await call('projects.add', { year: 2024, name: `甲新增${n}` });
        added.push(`甲新增${n}`);
      }
      if (importer.alive()) whileImporting++;
      n++;
      await new Promise((r) => setImmediate(r));
    }
    const [imported, edited] = [await importer.done, await other.done];
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/新增3000个，更新60个/);
    expect(edited.code, edited.stderr).toBe(0);
    expect(whileImporting).toBeGreaterThan(0);
    const theirWrites = JSON.parse(edited.stdout.split('\n').filter(Boolean).pop()!) as { scopes: Record<string, string>; added: string[] };

    // Read the file afresh, as a third program would.
    const check = new Database(lib.file, { readonly: true });
    try {
      const scopeOf = check.prepare('SELECT scope FROM projects WHERE id = ?').pluck();
      for (const [id, value] of [...Object.entries(scopes), ...Object.entries(theirWrites.scopes)]) expect(scopeOf.get(Number(id)), `project ${id}`).toBe(value);
      const names = new Set(check.prepare('SELECT name FROM projects').pluck().all() as string[]);
      for (const name of [...added, ...theirWrites.added]) expect(names.has(name), name).toBe(true);
      for (let i = 1; i <= 3000; i++) expect(names.has(`并发导入项目${i}`)).toBe(true);
      const plan = check.prepare('SELECT annual_plan FROM year_plans WHERE project_id = ? AND year = 2024').pluck();
      existing.forEach((p, i) => expect(plan.get(p.id), p.name).toBe((7_000 + i) * 10_000));
      expect(check.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(60 + 3000 + added.length + theirWrites.added.length);
    } finally {
      check.close();
    }
  });
});
