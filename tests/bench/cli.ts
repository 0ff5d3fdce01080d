/**
 * KPW_BENCH_ONLY=cli: every kpw command's start-up as a whole process (spawn to exit: Node's own
 * start, loading the bundle's chunks, opening the library, the work, closing), on a small library
 * (the demo city), interleaved run by run; and the whole-process import of the provincial list
 * against LibreOffice (import-whole.ts). Each row's memory is its own process's peak.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { fillDemoLibrary } from '../../electron/services/demo';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { seedLedgerWorkbook } from '../helpers/workbooks';
import { measureProcessesInTurn, type BenchRow, type ProcessOp } from './processes';

const repo = path.resolve(import.meta.dirname, '..', '..');
const KPW = path.join(repo, 'electron', 'cli', 'kpw.mjs');
const CITY = 'city (demo, 896 projects)';

/** A kpw command as a user types it, run through the launcher (which must find the bundle current). */
function kpw(operation: string, args: (run: number) => string[], extra: Partial<ProcessOp> = {}): ProcessOp {
  return { operation: `kpw ${operation}`, size: CITY, target: '—', command: (run) => ({ command: process.execPath, args: [KPW, ...args(run)] }), ...extra };
}

export async function benchCliStartup(runs: number): Promise<BenchRow[]> {
  // The benchmark measures the bundle, never tsx by accident (the launcher exits 2 without it).
  process.env.KPW_REQUIRE_BUNDLE = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-bench-cli-'));
  const at = (name: string) => path.join(dir, name);
  const demo = at('demo.kpw');
  const ctx = createContext({ userDataDir: null, shell: 'browser' });
  createLibrary(ctx, demo, (db) => fillDemoLibrary(db, '2024-09-01T00:00:00.000Z'));
  await exportProjectsToFile(ctx, { year: 2024, unit: '万元' }, at('list.xlsx'));
  closeLibrary(ctx);
  fs.writeFileSync(at('ledger.xlsx'), await seedLedgerWorkbook());
  const db = ['--db', demo];
  const month = ['--year', '2024', '--month', '8'];
  const says = (pattern: RegExp) => (stdout: string) => {
    if (!pattern.test(stdout)) throw new Error(`unexpected output: ${stdout.slice(0, 300)}`);
  };
  const ops: ProcessOp[] = [
    { operation: 'node -e 0 (Node alone, for reference)', size: '—', target: '—', command: () => ({ command: process.execPath, args: ['-e', '0'] }) },
    kpw('--version', () => ['--version'], { target: '≤ 250 ms', check: says(/^0\.\d+\.\d+/), note: 'entry chunk only' }),
    kpw('--help', () => ['--help'], { target: '≤ 250 ms', check: says(/kpw init/) }),
    {
      operation: 'kpw --version without the bundle (tsx compiles at start)',
      size: '—',
      target: '—',
      command: () => ({ command: process.execPath, args: ['--import', 'tsx', path.join(repo, 'electron', 'cli', 'kpw.ts'), '--version'] }),
    },
    kpw('init (new empty library)', (r) => ['init', '--db', at(`init-${r}.kpw`)], { size: '—', check: says(/已新建项目库/) }),
    kpw('demo (new demo library)', (r) => ['demo', '--db', at(`demo-${r}.kpw`)], { check: says(/已新建示例项目库/) }),
    kpw('stats (text)', () => ['stats', ...db, ...month], { check: says(/重点项目896个/) }),
    kpw('stats --json', () => ['stats', ...db, ...month, '--json'], { check: says(/"overall"/) }),
    kpw('import projects --dry-run (read, validate, preview)', () => ['import', 'projects', at('list.xlsx'), ...db, '--year', '2024', '--dry-run'], { check: says(/未写入/) }),
    kpw('template (district fill-in workbook)', (r) => ['template', ...db, ...month, '--district', '荣成市', '--out', at(`template-${r}.xlsx`)], { check: says(/填报模板/) }),
    kpw('import progress --dry-run (a returned template)', () => ['import', 'progress', at('template--1.xlsx'), ...db, ...month, '--dry-run'], { check: says(/未写入/) }),
    kpw('export projects (.xlsx)', (r) => ['export', 'projects', ...db, '--year', '2024', '--out', at(`export-${r}.xlsx`)], { check: says(/已导出/) }),
    kpw('draft bulletin (.docx, 2 charts as PNG)', (r) => ['draft', 'bulletin', ...db, ...month, '--out', at(`bulletin-${r}.docx`)], { check: says(/已生成/) }),
    kpw('backup (verified copy)', (r) => ['backup', ...db, '--out', at(`backup-${r}.kpw`)], { check: says(/已备份/) }),
    kpw('import ledger --dry-run', () => ['import', 'ledger', at('ledger.xlsx'), ...db, '--plan', '三年行动计划', '--dry-run'], { check: says(/未写入/) }),
    kpw('ledgers', () => ['ledgers', ...db]),
    kpw('close (关账 of 3月: frozen copy written)', () => ['close', ...db, '--year', '2024', '--month', '3'], { check: says(/已关账/) }),
    kpw('reopen (3月, with reason)', () => ['reopen', ...db, '--year', '2024', '--month', '3', '--reason', '基准测试'], { check: says(/已重新开账/) }),
  ];
  try {
    return measureProcessesInTurn(ops, runs);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
