/**
 * The bench's "load ~1,000,000 monthly reports" row, before and after migration 0011, in one
 * process and in turn (old, new, old, new …): a library at schema 10 (the reports' money checked by
 * triggers) against one at the latest schema (named CHECKs). Wall and CPU time of each run, medians.
 *
 *   npx tsx tests/bench/report-load-ab.ts          (KPW_BENCH_PROJECTS, KPW_BENCH_RUNS to change)
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../../electron/db/connection';
import { seedDefaultLists } from '../../electron/db/lists';
import { MIGRATIONS } from '../../electron/db/migrations';
import { openDatabase, type Db } from '../../electron/db/open-database';
import { tempDir } from '../helpers/library';
import { seedReportsOnly, seedSampleProjects } from '../helpers/sample';

const PROJECTS = Number(process.env.KPW_BENCH_PROJECTS ?? 20_000);
const RUNS = Number(process.env.KPW_BENCH_RUNS ?? 5);
const YEARS = [2021, 2022, 2023, 2024];

function library(label: string, version: number): { label: string; db: Db; dir: string } {
  const dir = tempDir('kpw-report-load-');
  const db = openDatabase(path.join(dir, `${label}.kpw`));
  // As the app opens a library (db/connection.ts).
  db.pragma('cache_size = -65536');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  db.transaction(() => seedDefaultLists(db)).immediate();
  seedSampleProjects(db, YEARS[0]!, PROJECTS, 11);
  return { label, db, dir };
}

function load(db: Db): { wall: number; cpu: number; reports: number } {
  db.prepare('DELETE FROM progress_reports').run();
  db.prepare(`DELETE FROM year_plans WHERE year > ${YEARS[0]}`).run();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const reports = seedReportsOnly(db, YEARS);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, reports };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const before = MIGRATIONS.find((m) => m.name === '0011-report-money-checks')!.version - 1;
const libs = [library(`schema ${before} (triggers)`, before), library(`schema ${MIGRATIONS.at(-1)!.version} (CHECKs)`, MIGRATIONS.at(-1)!.version)];
const runs = libs.map(() => [] as { wall: number; cpu: number; reports: number }[]);
for (const lib of libs) load(lib.db); // warm-up, not counted
for (let i = 0; i < RUNS; i++) {
  for (const [k, lib] of libs.entries()) {
    const r = load(lib.db);
    runs[k]!.push(r);
    process.stderr.write(`  ${lib.label}: ${r.wall.toFixed(0)} ms wall, ${r.cpu.toFixed(0)} ms CPU\n`);
  }
}
const ratios = runs[1]!.map((r, i) => r.wall / runs[0]![i]!.wall);
const cpuRatios = runs[1]!.map((r, i) => r.cpu / runs[0]![i]!.cpu);
for (const [k, lib] of libs.entries()) {
  const rs = runs[k]!;
  console.log(`${lib.label}: ${rs[0]!.reports} reports, median ${median(rs.map((r) => r.wall)).toFixed(0)} ms wall (min ${Math.min(...rs.map((r) => r.wall)).toFixed(0)}, max ${Math.max(...rs.map((r) => r.wall)).toFixed(0)}), median ${median(rs.map((r) => r.cpu)).toFixed(0)} ms CPU`);
}
console.log(`new/old, pair by pair: median wall ratio ${median(ratios).toFixed(2)}, median CPU ratio ${median(cpuRatios).toFixed(2)}`);
for (const lib of libs) {
  lib.db.close();
  fs.rmSync(lib.dir, { recursive: true, force: true });
}
