/**
 * The provincial project list (20,000 projects, our own export) imported as a whole process —
 * `kpw import projects` from spawn to exit: Node's start, the bundle, opening the library, reading,
 * validating, the preview, the backup and the commit — against `soffice --headless --convert-to
 * csv` of the same file (LibreOffice opening the workbook and writing it out, also spawn to exit),
 * and the app's path (the worker thread and the contract, app-import-child.ts). Interleaved run by
 * run; the ratios are printed. Each row's memory is its own process's peak.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { seedSampleProjects } from '../helpers/sample';
import { measureProcessesInTurn, median, type BenchRow, type ProcessOp } from './processes';

const repo = path.resolve(import.meta.dirname, '..', '..');

export async function benchWholeImport(projects: number, runs: number): Promise<BenchRow[]> {
  process.env.KPW_REQUIRE_BUNDLE = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-bench-whole-'));
  const at = (name: string) => path.join(dir, name);
  const size = `${projects} projects (.xlsx, our export)`;
  const ctx = createContext({ userDataDir: null, shell: 'browser' });
  createLibrary(ctx, at('source.kpw'), (db) => void seedSampleProjects(db, 2024, projects));
  await exportProjectsToFile(ctx, { year: 2024, unit: '万元' }, at('projects.xlsx'));
  closeLibrary(ctx);
  createLibrary(ctx, at('empty.kpw'));
  closeLibrary(ctx);
  const fresh = (name: string) => () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(at(name) + suffix, { force: true });
    fs.rmSync(at(`${name}.备份`), { recursive: true, force: true });
    fs.copyFileSync(at('empty.kpw'), at(name));
  };
  const added = (stdout: string) => {
    if (!stdout.includes(`新增${projects}个`) && !stdout.includes(`"added":${projects}`)) throw new Error(`not all ${projects} imported: ${stdout.slice(0, 300)}`);
  };
  const ops: ProcessOp[] = [
    {
      operation: 'kpw import projects, whole process (start-up, read, validate, preview, backup, commit; in place)',
      size,
      target: '≤ 0.8 × LibreOffice; ≤ 400 MB',
      prepare: fresh('kpw.kpw'),
      command: () => ({ command: process.execPath, args: [path.join(repo, 'electron', 'cli', 'kpw.mjs'), 'import', 'projects', at('projects.xlsx'), '--db', at('kpw.kpw'), '--year', '2024'] }),
      check: added,
    },
    {
      operation: "the app's import path: worker thread read, contract preview + backup + commit (no start-up)",
      size,
      target: '≤ 0.8 × LibreOffice',
      prepare: fresh('app.kpw'),
      command: () => ({ command: process.execPath, args: ['--import', 'tsx', path.join(import.meta.dirname, 'app-import-child.ts'), at('projects.xlsx'), at('app.kpw')] }),
      check: (stdout) => {
        added(stdout);
        if (!stdout.includes('"worker":"bundle"')) throw new Error('the bundled read-worker.cjs is stale: npm run build:electron');
      },
      timeFrom: (stdout) => (JSON.parse(stdout) as { ms: number }).ms,
      note: 'memory includes tsx in that process',
    },
  ];
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (soffice) {
    ops.push({
      operation: 'LibreOffice: soffice --headless --convert-to csv, whole process',
      size,
      target: 'reference',
      command: () => ({ command: 'soffice', args: ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv', '--outdir', dir, at('projects.xlsx')] }),
    });
  } else {
    process.stderr.write('  (LibreOffice not installed: apt-get install -y libreoffice-calc to compare)\n');
  }
  try {
    const rows = measureProcessesInTurn(ops, runs);
    if (soffice) {
      const reference = median(rows[2]!.times);
      const [kpwRatio, appRatio] = [rows[0]!, rows[1]!].map((r) => median(r.times) / reference);
      // By CPU too (steadier than wall time on a shared machine); the app path's CPU includes tsx's start.
      const cpuRatio = (r: BenchRow) => (r.cpuS !== undefined && rows[2]!.cpuS ? ` (CPU ${(r.cpuS / rows[2]!.cpuS).toFixed(2)})` : '');
      process.stderr.write(`    kpw import / LibreOffice = ${kpwRatio!.toFixed(2)}${cpuRatio(rows[0]!)}; app path / LibreOffice = ${appRatio!.toFixed(2)}\n`);
      rows[0]!.memory += `; ratio to LibreOffice ${kpwRatio!.toFixed(2)}${cpuRatio(rows[0]!)}`;
      rows[1]!.memory += `; ratio to LibreOffice ${appRatio!.toFixed(2)}`;
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
