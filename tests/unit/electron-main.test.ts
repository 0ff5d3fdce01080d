/**
 * The built main process (dist/electron/main.cjs) run under plain Node with a recording stand-in
 * for 'electron' (tests/helpers/electron-stand-in.cjs), in the two layouts a user meets:
 * development (`npm start`: node_modules holds a better-sqlite3 Electron cannot load, and its own
 * build sits in .electron-native/) and packaged (the binary electron-builder rebuilt). What the
 * module tests in electron-shell.test.ts cannot show is shown here: the start-up order, that every
 * menu item and contract method is wired, that a second instance quits, that import, backup and
 * restore work with the binding of each layout, and what a crashed page offers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, IPC_COMMAND, IPC_INVOKE, METHODS } from '../../shared/api';
import { DRAFT_KINDS } from '../../shared/drafts';
import { NATIVE_BINDING_ENV } from '../../electron/db/open-database';
import { tempDir } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const driver = path.join(repo, 'tests', 'helpers', 'children', 'electron-main.cjs');

interface Event {
  name: string;
  detail?: unknown;
}
interface Report {
  error?: string;
  calls: number;
  notCloneable: { method: string; message: string }[];
  events: Event[];
  results: Record<string, unknown>;
  probe: Record<string, { ok: boolean; error?: { code: string; message: string } }>;
  clicks: { path: string; events: string[] }[];
}

/** An app folder as `npm start` or the installer lays it out, with main.cjs and its assets. */
function layOutApp(kind: 'development' | 'packaged'): string {
  const root = tempDir(`kpw-${kind}-`);
  fs.cpSync(path.join(repo, 'dist', 'electron'), path.join(root, 'dist', 'electron'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'key-project-workbench', version: '0.1.0', main: 'dist/electron/main.cjs' }));
  const modules = path.join(root, 'node_modules');
  for (const dep of ['bindings', 'file-uri-to-path']) fs.cpSync(path.join(repo, 'node_modules', dep), path.join(modules, dep), { recursive: true });
  const sqlite = path.join(modules, 'better-sqlite3');
  fs.cpSync(path.join(repo, 'node_modules', 'better-sqlite3', 'lib'), path.join(sqlite, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'node_modules', 'better-sqlite3', 'package.json'), path.join(sqlite, 'package.json'));
  const built = path.join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  fs.mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  if (kind === 'development') {
    // node_modules keeps the build for plain Node, which Electron's ABI cannot load: stand in for
    // it with a file no process can load, so any open that forgets the binding fails here too.
    fs.writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'built for another ABI');
    fs.mkdirSync(path.join(root, '.electron-native'));
    fs.copyFileSync(built, path.join(root, '.electron-native', 'better_sqlite3.node'));
  } else {
    fs.copyFileSync(built, path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'));
  }
  return root;
}

let workbook: string;

function play(options: { kind: 'development' | 'packaged'; gotLock?: boolean; play?: 'full' | 'startup'; env?: Record<string, string> }): Report & { appData: string } {
  const root = layOutApp(options.kind);
  const appData = tempDir('kpw-appdata-');
  const config = path.join(root, 'run.json');
  const reportFile = path.join(root, 'report.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      mainCjs: path.join(root, 'dist', 'electron', 'main.cjs'),
      report: reportFile,
      play: options.play ?? 'full',
      methods: METHODS,
      workbook,
      draftKinds: DRAFT_KINDS,
      draftParams: { 'leader-pages': {}, supervision: { projectName: '示例项目' } },
      saveDir: root,
      standIn: { isPackaged: options.kind === 'packaged', appRoot: root, appData, documents: appData, gotLock: options.gotLock ?? true },
    }),
  );
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS; // vitest's loaders are not Electron's
  execFileSync(process.execPath, [driver, config], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 });
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  return { ...report, appData };
}

/** dist/electron/main.cjs newer than every source under electron/ and shared/. */
function bundlesAreCurrent(): boolean {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  try {
    const built = fs.statSync(path.join(repo, 'dist', 'electron', 'main.cjs')).mtimeMs;
    return ['electron', 'shared'].every((d) => newest(path.join(repo, d)) <= built);
  } catch {
    return false;
  }
}

const names = (report: Report) => report.events.map((e) => e.name);
const indexOf = (report: Report, name: string, detail?: unknown) =>
  report.events.findIndex((e) => e.name === name && (detail === undefined || JSON.stringify(e.detail) === JSON.stringify(detail)));

beforeAll(async () => {
  // npm test builds the bundles first; rebuilt here only when run alone on stale ones (rebuilding
  // under other tests would change read-worker.cjs while the harness's workers load it).
  if (!bundlesAreCurrent()) execFileSync('npm', ['run', 'build:electron', '--silent'], { cwd: repo, stdio: 'ignore' });
  const dir = tempDir('kpw-main-wb-');
  workbook = path.join(dir, '2025年清单.xlsx');
  fs.writeFileSync(
    workbook,
    await buildWorkbook([
      {
        name: '清单',
        rows: [
          ['序号', '项目名称', '建设地点', '总投资', '年度计划投资'],
          [1, '海港智能产业园', '环翠区', 12000, 3000],
          [2, '文登抽水蓄能电站', '文登区', 850000, 60000],
        ],
      },
    ]),
  );
}, 120_000);

describe('the desktop app in development (npm start)', () => {
  let report: Report & { appData: string };
  beforeAll(() => {
    report = play({ kind: 'development' });
  }, 120_000);

  it('runs to the end without an error', () => {
    expect(report.error).toBeUndefined();
    expect(report.results.current).toMatchObject({ ok: true });
  });

  it('answers every call with a result the page can receive (structured clone, as IPC copies it)', () => {
    expect(report.calls).toBeGreaterThan(METHODS.length + 20);
    expect(report.notCloneable).toEqual([]);
  });

  it('previews and saves every kind of draft through IPC (材料生成 opens on the bulletin)', () => {
    const drafts = report.results.drafts as Record<string, { build: { ok: boolean; blocks?: number }; export: { ok: boolean; savedTo?: string; bytes?: number } }>;
    expect(Object.keys(drafts).sort()).toEqual([...DRAFT_KINDS].sort());
    for (const kind of DRAFT_KINDS) {
      const { build, export: saved } = drafts[kind]!;
      // A kind may refuse parameters it needs (督办单 without a problem, 台账 without a plan) — as a
      // value the page can show, never a failed IPC.
      if (!build.ok) {
        expect(build, kind).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        continue;
      }
      expect(build.blocks, kind).toBeGreaterThan(0);
      expect(saved, kind).toMatchObject({ ok: true });
      expect(saved.bytes, kind).toBeGreaterThan(5000);
    }
    for (const kind of ['bulletin', 'press-conference', 'proposal-reply', 'leader-pages'] as const) {
      expect(drafts[kind]!.build.ok, kind).toBe(true);
      expect(drafts[kind]!.build.blocks, kind).toBeGreaterThan(10);
    }
  });

  it('uses its own user-data folder, set before the single-instance lock (which Chromium keeps there)', () => {
    const own = path.join(report.appData, '重点项目工作台-开发');
    expect(indexOf(report, 'app.setPath', { name: 'userData', value: own })).toBeGreaterThanOrEqual(0);
    expect(indexOf(report, 'app.requestSingleInstanceLock', { userData: own })).toBeGreaterThan(indexOf(report, 'app.setPath'));
    expect(fs.existsSync(path.join(own, '重点项目库.kpw'))).toBe(true);
    expect(fs.existsSync(path.join(report.appData, '重点项目工作台'))).toBe(false);
  });

  it('enables the sandbox and registers app:// before ready, and wires IPC and the guards before the page loads', () => {
    const ready = indexOf(report, 'ready');
    const load = indexOf(report, 'win.loadURL');
    expect(indexOf(report, 'app.enableSandbox')).toBeLessThan(ready);
    expect(indexOf(report, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(indexOf(report, 'app.on', 'web-contents-created')).toBeLessThan(ready);
    for (const before of ['session.harden', 'protocol.handle', 'ipcMain.handle', 'Menu.setApplicationMenu', 'new BrowserWindow', 'webContents.setWindowOpenHandler']) {
      const at = indexOf(report, before);
      expect(at, before).toBeGreaterThan(ready);
      expect(at, before).toBeLessThan(load);
    }
    expect(report.events[load]!.detail).toBe('app://bundle/index.html');
    expect(report.events.find((e) => e.name === 'ipcMain.handle')!.detail).toBe(IPC_INVOKE);
    const window = report.events.find((e) => e.name === 'new BrowserWindow')!.detail as { webPreferences: Record<string, unknown> };
    expect(window.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(String(window.webPreferences.preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
  });

  it('answers every contract method through dispatch, and only trusted pages', () => {
    expect(Object.keys(report.probe).sort()).toEqual([...METHODS].sort());
    for (const method of METHODS) {
      const answer = report.probe[method]!;
      expect(answer.ok, method).toBe(false);
      expect(answer.error!.code, method).toBe('INVALID_ARGUMENT');
      expect(answer.error!.message, method).not.toMatch(/未知的调用/);
    }
    expect(report.results.unknownMethod).toMatchObject({ ok: false, error: { message: expect.stringMatching(/未知的调用/) } });
    expect(report.results.info).toMatchObject({ ok: true, value: { shell: 'electron', nativeDialogs: true } });
    expect(report.results.untrusted).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('imports (backing up first), backs up and restores with the Electron build of better-sqlite3', () => {
    expect(report.results.commit).toMatchObject({ ok: true });
    expect(report.results.projectsAfterImport).toBe(2);
    const backups = report.results.backupsAfterImport as { ok: boolean; value: { name: string }[] };
    expect(backups.ok).toBe(true);
    expect(backups.value.length).toBeGreaterThanOrEqual(1);
    expect(report.results.backupCreate).toMatchObject({ ok: true });
    expect(report.results.restore).toMatchObject({ ok: true });
    // The oldest backup is the one made before the import: the restored library has no projects.
    expect(report.results.projectsAfterRestore).toBe(0);
  });

  it('grants the page the clipboard write of chart 复制, and nothing else', () => {
    expect(report.results.permissions).toEqual({ clipboardWriteForBundle: true, clipboardReadForBundle: false, clipboardWriteElsewhere: false });
  });

  it('brings the window forward when the app is started again', () => {
    expect(report.results.secondInstance).toContain('win.focus');
  });

  it('offers 重新加载 in Chinese when the page crashes, and reloads it', () => {
    const crash = report.results.crash as string[];
    expect(crash).toContain('dialog.showMessageBox');
    expect(crash).toContain('webContents.reload');
    const box = report.events.find((e) => e.name === 'dialog.showMessageBox' && /界面/.test(String((e.detail as { message: string }).message)))!;
    expect(box.detail).toMatchObject({ buttons: ['重新加载', '退出'], message: expect.stringMatching(/崩溃/) });
  });

  it('wires every menu item: each click does what it says', () => {
    const did = Object.fromEntries(report.clicks.map((c) => [c.path.replace(/\(&\w\)/, ''), c.events]));
    const sent = (events: string[]) => events.filter((e) => e === 'webContents.send').length === 1;
    expect(did['文件 > 新建项目库…']).toContain('dialog.showSaveDialog');
    expect(did['文件 > 打开项目库…']).toContain('dialog.showOpenDialog');
    expect(did['文件 > 打开示例项目库']).toContain('Menu.setApplicationMenu'); // the recent list changed
    expect(did['文件 > 退出']).toContain('app.quit');
    expect(did['帮助 > 关于重点项目工作台']).toContain('dialog.showMessageBox');
    for (const item of ['文件 > 导入项目清单…', '文件 > 导入月调度…', '文件 > 导出项目清单…', '编辑 > 撤销', '编辑 > 重做']) {
      expect(sent(did[item] ?? []), item).toBe(true);
    }
    const recent = report.clicks.filter((c) => c.path.includes('最近打开'));
    expect(recent.length).toBeGreaterThan(0);
    for (const click of recent) expect(click.events, click.path).toContain('Menu.setApplicationMenu');
    // Every command the menu sends is one the renderer knows.
    const commands = report.events.filter((e) => e.name === 'webContents.send').map((e) => e.detail as { channel: string; args: string[] });
    for (const c of commands) {
      expect(c.channel).toBe(IPC_COMMAND);
      expect(COMMANDS).toContain(c.args[0]);
    }
    // Nothing clickable was left out, and the rest are Electron's roles.
    expect(report.clicks.length).toBeGreaterThanOrEqual(11);
    for (const item of report.results.menuRoles as { path: string; role: string | null; enabled: boolean }[]) {
      expect(item.role !== null || item.enabled === false, item.path).toBe(true);
    }
    expect((report.results.afterDemo as { value: { path: string } }).value.path).toMatch(/示例/);
  });
});

describe('the installed app (packaged layout)', () => {
  it('clears a planted native-binding variable, keeps the user-data folder of the installed app, and imports and backs up', () => {
    const report = play({ kind: 'packaged', env: { [NATIVE_BINDING_ENV]: '/tmp/not-ours.node' } });
    expect(report.error).toBeUndefined();
    expect(indexOf(report, 'app.setPath', { name: 'userData', value: path.join(report.appData, '重点项目工作台') })).toBeGreaterThanOrEqual(0);
    expect(report.results.commit).toMatchObject({ ok: true });
    expect(report.results.projectsAfterImport).toBe(2);
    expect(report.results.backupCreate).toMatchObject({ ok: true });
    expect(report.results.restore).toMatchObject({ ok: true });
    const window = report.events.find((e) => e.name === 'new BrowserWindow')!.detail as { webPreferences: Record<string, unknown> };
    expect(window.webPreferences.devTools).toBe(false);
  }, 120_000);
});

describe('a second instance', () => {
  it('quits at once: no window, no IPC, no library opened', () => {
    const report = play({ kind: 'packaged', gotLock: false, play: 'startup' });
    expect(report.error).toBeUndefined();
    expect(names(report)).toContain('app.quit');
    for (const never of ['new BrowserWindow', 'ipcMain.handle', 'win.loadURL', 'app.enableSandbox']) expect(names(report), never).not.toContain(never);
    expect(fs.readdirSync(report.appData)).toEqual([]);
  }, 120_000);
});
