/**
 * Benchmarks (npm run bench): the targets of ../shared/engineering/PERFORMANCE.md for the project
 * library, at provincial scale (20,000 projects), generated deterministically. Prints one table:
 * operation, size, median, min, max over the runs, and peak memory. Not a test: nothing here fails
 * on time; the table is read against the targets.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { statistics } from '../../electron/services/statistics';
import { draftDocx } from '../../electron/services/drafts/index';
import { createTempLibrary } from '../helpers/library';
import { seedProvincial, seedReportsOnly } from '../helpers/sample';
import { fillDemoLibrary } from '../../electron/services/demo';
import type { Page } from 'playwright-core';
import { dispatch } from '../../electron/services/handlers';
import { launchBrowser, openPage } from '../helpers/browser';
import { serveTempLibrary } from '../helpers/harness';
import { seedSampleProjects } from '../helpers/sample';
import { benchCliStartup } from './cli';
import { benchWholeImport } from './import-whole';
import { benchWallChart } from './wall-chart';
import { timeInPage } from './grid-timing';

const PROJECTS = Number(process.env.KPW_BENCH_PROJECTS ?? 20_000);
const RUNS = Number(process.env.KPW_BENCH_RUNS ?? 7);
/** KPW_BENCH_ONLY=statistics,analysis runs only those parts (cli, grid, spreadsheets, statistics, analysis, drafts, wallchart). */
const only = (part: 'cli' | 'grid' | 'spreadsheets' | 'statistics' | 'analysis' | 'drafts' | 'wallchart') => !process.env.KPW_BENCH_ONLY || process.env.KPW_BENCH_ONLY.split(',').includes(part);

interface Row {
  operation: string;
  size: string;
  target: string;
  times: number[];
  memory: string;
}

const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Peak memory per operation, not cumulative: before each run the process's high-water mark of
 * resident memory is reset (Linux: /proc/self/clear_refs "5", then VmHWM), so a row's figure is the
 * highest RSS reached during that operation's runs (what the bench process already held included;
 * rows measured in child processes report their own process instead). Elsewhere a 20 ms sampler
 * started with the operation stands in.
 */
let peakRss = 0;
let sampled = 0;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
function resetPeak(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the sampler's figure is used
  }
  sampled = process.memoryUsage().rss;
}
function peakSinceReset(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return Math.max(sampled, process.memoryUsage().rss);
}

async function measure(operation: string, size: string, target: string, run: () => Promise<number>, memory: () => string): Promise<void> {
  await run(); // warm-up, not counted
  const times: number[] = [];
  peakRss = 0;
  for (let i = 0; i < RUNS; i++) {
    resetPeak();
    times.push(await run());
    peakRss = Math.max(peakRss, peakSinceReset());
  }
  rows.push({ operation, size, target, times, memory: memory() || `${mb(peakRss)} peak RSS during it (bench process)` });
  process.stderr.write(`  ${operation}: median ${median(times).toFixed(1)} ms\n`);
}

/** Several operations measured run by run in turn (a, b, a, b…), so a busy moment of the machine falls on all of them. */
async function measureInTurn(ops: { operation: string; size: string; target: string; run: () => Promise<number>; memory: () => string }[]): Promise<void> {
  for (const op of ops) await op.run(); // warm-up, not counted
  const times = ops.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) for (const [k, op] of ops.entries()) times[k]!.push(await op.run());
  for (const [k, op] of ops.entries()) {
    rows.push({ operation: op.operation, size: op.size, target: op.target, times: times[k]!, memory: op.memory() });
    process.stderr.write(`  ${op.operation}: median ${median(times[k]!).toFixed(1)} ms\n`);
  }
}

async function browserHeap(page: Page): Promise<string> {
  const used = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  return used ? `${mb(used)} JS heap (page)` : '—';
}

async function main(): Promise<void> {
  // kpw as whole processes (cli.ts, import-whole.ts): each command's start-up, and the import against LibreOffice.
  if (only('cli')) rows.push(...(await benchCliStartup(RUNS)), ...(await benchWholeImport(PROJECTS, RUNS)));
  if (!(['grid', 'spreadsheets', 'statistics', 'analysis', 'drafts'] as const).some(only)) return printTable();
  process.stderr.write(`Generating ${PROJECTS} projects…\n`);
  const served = await serveTempLibrary((lib) => seedSampleProjects(lib.ctx.library!.db, 2024, PROJECTS));
  const size = `${PROJECTS} projects`;

  if (only('grid')) await measure(
    'projects.list (database → table, in the service)',
    size,
    '—',
    async () => {
      const t = performance.now();
      const r = await dispatch(served.ctx, 'projects.list', { year: 2024 });
      if (!r.ok) throw new Error(r.error.message);
      return performance.now() - t;
    },
    () => `${mb(peakRss)} peak RSS during it (bench process)`,
  );

  // Spreadsheets: export 20,000 rows; import them into a new library, against LibreOffice merely
  // converting the same file to CSV, measured side by side.
  if (only('spreadsheets')) {
    const benchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-bench-'));
    const workbookPath = path.join(benchDir, 'projects.xlsx');
    await measure('export to .xlsx (streaming)', size, '≤ 1.5 s', async () => {
      const t = performance.now();
      await exportProjectsToFile(served.ctx, { year: 2024, unit: '万元' }, workbookPath);
      return performance.now() - t;
    }, () => `${mb(peakRss)} peak RSS during it (bench process)`);
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    /** One whole import in its own process (import-child.ts): its time, CPU time and peak RSS; `how` "worker" reads as the app does. */
    interface ChildRuns { rss: number[]; cpu: number[]; reader: string }
    const importInChild = (file: string, runs: ChildRuns, how?: 'worker') => async () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-child.ts'), file, ...(how ? [how] : [])], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const out = JSON.parse(r.stdout) as { ms: number; cpuMs: number; maxRssMb: number; added: number; reader: string };
      if (out.added !== PROJECTS) throw new Error(`imported ${out.added} of ${PROJECTS}`);
      runs.rss.push(out.maxRssMb);
      runs.cpu.push(out.cpuMs);
      runs.reader = out.reader;
      return out.ms;
    };
    const childRuns = (): ChildRuns => ({ rss: [], cpu: [], reader: '' });
    const peak = (runs: ChildRuns) => () => `${Math.max(...runs.rss).toFixed(0)} MB peak RSS (import process, read ${runs.reader}); CPU median ${(median(runs.cpu) / 1000).toFixed(1)} s`;
    const steps = 'read, validate, preview, commit (own process';
    const xlsxRuns = childRuns();
    const xlsxImport = { operation: `import .xlsx: ${steps}, read in place as kpw)`, size, target: '< LibreOffice → CSV; ≤ 400 MB', run: importInChild(workbookPath, xlsxRuns), memory: peak(xlsxRuns) };
    // The same list as a legacy .xls (LibreOffice's Excel 97 filter, as WPS saves), imported the
    // same way, run by run in turn with the .xlsx so both meet the same machine; and both read as
    // the app reads, in the worker thread. Each .xls row gives its ratio to the .xlsx row read the
    // same way: of the median times, and of the median CPU times (steadier on a busy machine).
    const xlsPath = path.join(benchDir, 'projects.xls');
    if (soffice.status === 0) {
      const profile = `-env:UserInstallation=file://${benchDir}/lo-profile`;
      const converted = spawnSync('soffice', ['--headless', profile, '--convert-to', 'xls:MS Excel 97', '--outdir', benchDir, workbookPath], { encoding: 'utf8' });
      if (converted.status !== 0 || !fs.existsSync(xlsPath)) throw new Error(`soffice could not convert to .xls: ${converted.stderr}`);
    }
    if (fs.existsSync(xlsPath)) {
      const runs: [ChildRuns, ChildRuns, ChildRuns, ChildRuns] = [xlsxRuns, childRuns(), childRuns(), childRuns()];
      const xlsTarget = '≤ 1.5 × .xlsx; ≤ 400 MB';
      await measureInTurn([
        xlsxImport,
        { operation: `import .xls (BIFF8, SheetJS): ${steps}, read in place as kpw)`, size, target: xlsTarget, run: importInChild(xlsPath, runs[1]), memory: peak(runs[1]) },
        { operation: `import .xlsx: ${steps}, read in the worker as the app)`, size, target: '≤ 400 MB', run: importInChild(workbookPath, runs[2], 'worker'), memory: peak(runs[2]) },
        { operation: `import .xls (BIFF8, SheetJS): ${steps}, read in the worker as the app)`, size, target: xlsTarget, run: importInChild(xlsPath, runs[3], 'worker'), memory: peak(runs[3]) },
      ]);
      const measured = rows.slice(-4) as [Row, Row, Row, Row];
      for (const [base, k] of [[0, 1], [2, 3]] as const) {
        const ratio = median(measured[k].times) / median(measured[base].times);
        const cpuRatio = median(runs[k].cpu) / median(runs[base].cpu);
        process.stderr.write(`    .xls / .xlsx (${runs[k].reader}) = ${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)})\n`);
        measured[k].memory += `; ratio .xls/.xlsx ${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)})`;
      }
    } else {
      await measure(xlsxImport.operation, size, xlsxImport.target, xlsxImport.run, xlsxImport.memory);
    }
    if (soffice.status === 0) {
      await measure('LibreOffice: soffice --headless --convert-to csv (same file)', size, 'reference', async () => {
        const t = performance.now();
        const r = spawnSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', benchDir, workbookPath], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return performance.now() - t;
      }, () => '');
      const ours = rows.find((r) => r.operation.startsWith('import .xlsx'))!;
      const theirs = rows[rows.length - 1]!;
      process.stderr.write(`    import / LibreOffice = ${(median(ours.times) / median(theirs.times)).toFixed(2)}\n`);
      theirs.memory = `ratio import/LibreOffice ${(median(ours.times) / median(theirs.times)).toFixed(2)}`;
    } else {
      process.stderr.write('  (LibreOffice not installed: apt-get install -y libreoffice-calc to compare)\n');
  }
  fs.rmSync(benchDir, { recursive: true, force: true });
  }

  // Statistics at provincial scale: 20,000 projects on four years' lists, ~1,000,000 reports.
  if (only('statistics')) {
    const provincial = createTempLibrary();
    const db = provincial.ctx.library!.db;
    let loaded = 0;
    const t0 = performance.now();
    seedSampleProjects(db, 2021, PROJECTS, 11);
    const seedMs = performance.now() - t0;
    await measure('load ~1,000,000 monthly reports (bulk insert)', `${PROJECTS} projects × 4 years × 12`, '≤ 4 s', async () => {
      // Each run loads into a fresh copy of the project list.
      db.prepare('DELETE FROM progress_reports').run();
      db.prepare('DELETE FROM year_plans WHERE year > 2021').run();
      const t = performance.now();
      loaded = seedReportsOnly(db, [2021, 2022, 2023, 2024]);
      return performance.now() - t;
    }, () => `${mb(peakRss)} peak RSS during it (bench process)`);
    process.stderr.write(`    (${loaded} reports; projects seeded in ${seedMs.toFixed(0)} ms)\n`);
    // The engine keeps each year's list in memory (re-read when a project, plan, tag or list
    // changes) and reads a month's reports afresh; so "first" means a freshly opened library (its
    // caches and SQLite's empty), "warm" a recomputation after a monthly figure was edited.
    let firstInProcess = 0;
    await measure('full statistics, first after opening the library', `${PROJECTS} projects, ${loaded} reports`, '≤ 150 ms', async () => {
      closeLibrary(provincial.ctx);
      await openLibrary(provincial.ctx, provincial.file);
      const t1 = performance.now();
      statistics(provincial.ctx.library!.db, 2024, 8);
      const ms = performance.now() - t1;
      firstInProcess ||= ms;
      return ms;
    }, () => '');
    process.stderr.write(`    (the very first, code not yet compiled by V8: ${firstInProcess.toFixed(0)} ms)\n`);
    const reportEdit = (current: typeof db) => current.prepare('UPDATE progress_reports SET completed_to_date = completed_to_date + 10000 WHERE year = 2024 AND month = 8 AND project_id = 1');
    await measure('full statistics, recomputed after a monthly figure changed', `${PROJECTS} projects, ${loaded} reports`, '≤ 60 ms warm', async () => {
      const current = provincial.ctx.library!.db;
      reportEdit(current).run();
      const t1 = performance.now();
      statistics(current, 2024, 8);
      return performance.now() - t1;
    }, () => '');
    await measure('full statistics, recomputed after a project changed (lists re-read)', `${PROJECTS} projects, ${loaded} reports`, '—', async () => {
      const current = provincial.ctx.library!.db;
      current.prepare('UPDATE projects SET total_investment = total_investment + 10000 WHERE id = 1').run();
      const t1 = performance.now();
      statistics(current, 2024, 8);
      return performance.now() - t1;
    }, () => '');
    await measure('full statistics, library unchanged (reused result)', `${PROJECTS} projects, ${loaded} reports`, '—', async () => {
      const t1 = performance.now();
      statistics(provincial.ctx.library!.db, 2024, 8);
      return performance.now() - t1;
    }, () => '');
    provincial.close();
  }

  // 材料生成: the monthly bulletin (figures, tables, its charts as PNG, attachments) to a finished
  // .docx, in the service (no start-up), at city and provincial scale. The bulletin draws two
  // charts (trend, districts' race); PERFORMANCE.md's target speaks of six. The first run in the
  // process also starts the chart rasteriser (WebAssembly) and is not counted.
  for (const [scale, seed] of [
    ['city (demo, 896 projects)', (db: Parameters<typeof fillDemoLibrary>[0]) => fillDemoLibrary(db, 'x')],
    [`provincial (${PROJECTS} projects, 2 years of reports)`, (db: Parameters<typeof fillDemoLibrary>[0]) => void seedProvincial(db, { projects: PROJECTS, years: [2023, 2024] })],
  ] as const) {
    if (!only('drafts')) break;
    const lib = createTempLibrary();
    seed(lib.ctx.library!.db);
    let first = 0;
    await measure('monthly bulletin → .docx (its 2 charts as PNG, tables, attachments; in the service)', scale, '≤ 1 s', async () => {
      const t = performance.now();
      const { bytes } = await draftDocx(lib.ctx, { kind: 'bulletin', year: 2024, month: 8 });
      if (bytes.length < 10_000) throw new Error('bulletin too small');
      const ms = performance.now() - t;
      first ||= ms;
      return ms;
    }, () => `${mb(peakRss)} peak RSS during it (bench process)`);
    process.stderr.write(`    (the first, with the rasteriser starting: ${first.toFixed(0)} ms)\n`);
    lib.close();
  }

  const browser = await launchBrowser();
  if (only('wallchart')) await benchWallChart(browser, measure);
  if (only('grid')) {
    const { page } = await openPage(browser, served.harness.url);
    await page.locator('.ag-row[row-index="0"]').waitFor({ timeout: 60_000 });

    await measure(
      'database → painted grid (request, transfer, grid)',
      size,
      '≤ 600 ms',
      async () => {
        await page.evaluate(() => performance.clearMarks());
        await page.reload();
        await page.waitForFunction(() => performance.getEntriesByName('kpw:projects-painted').length > 0, undefined, { timeout: 60_000 });
        return page.evaluate(() => performance.measure('load', 'kpw:projects-requested', 'kpw:projects-painted').duration);
      },
      () => '',
    );
    rows[rows.length - 1]!.memory = await browserHeap(page);
    // Where that time goes: the call (service, JSON, loopback) and the grid.
    const split = await page.evaluate(() => ({
      call: performance.measure('call', 'kpw:projects-requested', 'kpw:projects-received').duration,
      grid: performance.measure('grid', 'kpw:projects-received', 'kpw:projects-painted').duration,
    }));
    process.stderr.write(`    last run: call ${split.call.toFixed(1)} ms, grid ${split.grid.toFixed(1)} ms\n`);

    await measure(
      'sort by 项目名称, pinyin collation (click header)',
      size,
      '≤ 120 ms',
      () => {
        return timeInPage(page, `document.querySelector('.ag-header-cell[col-id="name"] .ag-header-cell-label').click()`);
      },
      () => '',
    );
    rows[rows.length - 1]!.memory = await browserHeap(page);

    const terms = ['荣成', 'hd', '海堤', 'gq', '冷链', 'xm'];
    let i = 0;
    await measure(
      'quick search (pinyin initials included)',
      size,
      '≤ 120 ms',
      () => {
        const term = terms[i++ % terms.length]!;
        return timeInPage(
          page,
          `const el = document.querySelector('input[aria-label="快速查找"]');
           const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
           set.call(el, ${JSON.stringify(term)}); el.dispatchEvent(new Event('input', { bubbles: true }));`,
        );
      },
      () => '',
    );
    rows[rows.length - 1]!.memory = await browserHeap(page);
  }

  // 统计分析: switching the month re-draws every chart (city scale: the demo city; provincial: 20,000).
  for (const [label, seed] of [
    ['city (demo, 896 projects)', (db: Parameters<typeof fillDemoLibrary>[0]) => fillDemoLibrary(db, 'x')],
    [`provincial (${PROJECTS} projects)`, (db: Parameters<typeof fillDemoLibrary>[0]) => void seedProvincial(db, { projects: PROJECTS, years: [2023, 2024] })],
  ] as const) {
    if (!only('analysis')) break;
    const lib = await serveTempLibrary((l) => seed(l.ctx.library!.db));
    const { page: analysis } = await openPage(browser, lib.harness.url);
    await analysis.getByRole('button', { name: '统计分析', exact: true }).click();
    await analysis.getByLabel('分析年度').selectOption('2024');
    await analysis.locator('.chart-card svg').first().waitFor({ timeout: 60_000 });
    let m = 1;
    await measure('统计分析: switch month → all charts drawn', label, label.startsWith('city') ? '≤ 200 ms' : '≤ 500 ms', async () => {
      await analysis.evaluate(() => performance.clearMarks());
      m = (m % 12) + 1;
      await analysis.getByLabel('分析月份').selectOption(String(m));
      await analysis.waitForFunction(() => performance.getEntriesByName('kpw:analysis-drawn').length > 0, undefined, { timeout: 60_000 });
      return analysis.evaluate(() => performance.measure('switch', 'kpw:analysis-requested', 'kpw:analysis-drawn').duration);
    }, () => '');
    await analysis.context().close();
    await lib.stop();
  }

  await browser.close();
  await served.stop();
  printTable();
}

function printTable(): void {
  clearInterval(sampler);
  const header = ['operation', 'size', 'target', 'median ms', 'min ms', 'max ms', 'runs', 'peak memory'];
  const table = rows.map((r) => [
    r.operation,
    r.size,
    r.target,
    median(r.times).toFixed(1),
    Math.min(...r.times).toFixed(1),
    Math.max(...r.times).toFixed(1),
    String(r.times.length),
    r.memory,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of table) console.log(line(r));
}

await main();
