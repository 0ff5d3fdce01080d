/**
 * Runs the built main process (main.cjs) under plain Node with the recording stand-in for
 * 'electron' (tests/helpers/electron-stand-in.cjs), plays one start-up of the desktop app, and
 * writes what happened as JSON to the file named in the config. Used by
 * tests/unit/electron-main.test.ts; a child process because main.cjs starts the whole app.
 *
 * node electron-main.cjs CONFIG.json
 *   { mainCjs, report, standIn: {...config}, methods: [contract method names], workbook?: file,
 *     play: 'full' | 'startup' }
 */
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');

const run = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const standIn = require(path.join(__dirname, '..', 'electron-stand-in.cjs'));
Object.assign(standIn.config, run.standIn);

// require('electron') from main.cjs gets the stand-in.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: standIn.electron };

const TRUSTED = { senderFrame: { url: 'app://bundle/index.html' } };
const report = { results: {}, clicks: [], probe: {}, notCloneable: [], calls: 0 };

/**
 * A call as the page makes it. Electron hands the handler's result to the page by structured
 * clone; a result it cannot clone (a function, say) never arrives, so every result is cloned
 * here the same way (v8's serializer is the structured clone algorithm) and what fails is noted.
 */
async function invoke(method, args, event = TRUSTED) {
  const handler = standIn.ipcHandlers.get('kpw:invoke');
  if (!handler) throw new Error('no IPC handler registered');
  const result = await handler(event, method, args);
  report.calls++;
  try {
    return v8.deserialize(v8.serialize(result));
  } catch (err) {
    report.notCloneable.push({ method, message: String(err && err.message) });
    return { ok: false, error: { code: 'INTERNAL', message: '与主程序通信失败，操作未完成。' } };
  }
}

/** The events recorded while `action` ran and every call it queued finished. */
async function during(action) {
  const from = standIn.events.length;
  await action();
  await invoke('library.current', {}); // behind whatever the action queued
  await new Promise((r) => setTimeout(r, 20));
  return standIn.events.slice(from).map((e) => e.name + (typeof e.detail === 'string' ? ` ${e.detail}` : ''));
}

function menuItems(template, trail = []) {
  return template.flatMap((item) => {
    const here = [...trail, item.label ?? item.role ?? item.type];
    if (Array.isArray(item.submenu)) return menuItems(item.submenu, here);
    return [{ path: here.join(' > '), item }];
  });
}

async function play() {
  require(run.mainCjs);
  standIn.events.push({ name: 'main.cjs loaded' });
  await new Promise((r) => setImmediate(r));
  standIn.fireReady();
  await new Promise((r) => setTimeout(r, 50));
  if (run.play === 'startup') return;

  // The renderer's first calls wait for the start-up library in the call queue.
  report.results.info = await invoke('app.info', {});
  report.results.current = await invoke('library.current', {});
  report.results.untrusted = await invoke('app.info', {}, { senderFrame: { url: 'https://example.com/' } });

  // Every contract method reaches the contract's dispatch (its argument is checked there); a
  // name outside it is refused differently.
  for (const method of run.methods) report.probe[method] = await invoke(method, { probe: true });
  report.results.unknownMethod = await invoke('shell.openExternal', { probe: true });

  if (run.workbook) {
    const data = fs.readFileSync(run.workbook).toString('base64');
    const preview = await invoke('import.projects.preview', { source: { fileName: path.basename(run.workbook), data }, year: 2025 });
    report.results.preview = preview.ok ? { ok: true, rows: preview.value.rows?.length, token: preview.value.token } : preview;
    if (preview.ok) {
      report.results.commit = await invoke('import.projects.commit', { token: preview.value.token, year: 2025, validOnly: false });
    }
    const projects = await invoke('projects.list', { year: 2025 });
    report.results.projectsAfterImport = projects.ok ? projects.value.rows.length : projects;
    report.results.backupsAfterImport = await invoke('backups.list', {});
    report.results.backupCreate = await invoke('backups.create', {});
    const first = report.results.backupsAfterImport.ok ? report.results.backupsAfterImport.value.at(-1) : null;
    if (first) report.results.restore = await invoke('backups.restore', { name: first.name });
    const restored = await invoke('projects.list', { year: 2025 });
    report.results.projectsAfterRestore = restored.ok ? restored.value.rows.length : restored;
  }

  // The page's permissions, as Electron would ask them.
  const installed = standIn.session.defaultSession.installed;
  report.results.permissions = {
    clipboardWriteForBundle: installed.permissionCheck(null, 'clipboard-sanitized-write', 'app://bundle', {}),
    clipboardReadForBundle: installed.permissionCheck(null, 'clipboard-read', 'app://bundle', {}),
    clipboardWriteElsewhere: installed.permissionCheck(null, 'clipboard-sanitized-write', 'https://example.com', {}),
  };

  // A second start hands over to this window.
  report.results.secondInstance = await during(async () => standIn.electron.app.emit('second-instance'));

  // The renderer crashes: the user is asked, presses 重新加载.
  standIn.config.messageBoxResponses = [0];
  report.results.crash = await during(async () => {
    standIn.windows[0].webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  });

  // Every menu item that does something, clicked once (the demo library last but one, 退出 last).
  const items = menuItems(standIn.menus.template).filter(({ item }) => typeof item.click === 'function');
  const order = (p) => (p.includes('退出') ? 2 : p.includes('打开示例项目库') ? 1 : 0);
  items.sort((a, b) => order(a.path) - order(b.path));
  for (const { path: itemPath, item } of items) {
    report.clicks.push({ path: itemPath, events: await during(async () => item.click({}, standIn.windows[0], {})) });
  }
  report.results.menuRoles = menuItems(standIn.menus.template)
    .filter(({ item }) => typeof item.click !== 'function' && item.type !== 'separator')
    .map(({ path: p, item }) => ({ path: p, role: item.role ?? null, enabled: item.enabled ?? true }));
  report.results.afterDemo = await invoke('library.current', {});

  // 材料生成 on the demo city (1-8月 2024): every draft kind previewed and saved as the page does.
  report.results.drafts = {};
  for (const kind of run.draftKinds ?? []) {
    const args = { kind, year: 2024, month: 8, params: run.draftParams?.[kind] ?? {} };
    const built = await invoke('drafts.build', args);
    const target = path.join(run.saveDir, `${kind}.docx`);
    standIn.config.savePaths = [target];
    const saved = await invoke('drafts.export', args);
    report.results.drafts[kind] = {
      build: built.ok ? { ok: true, blocks: built.value.blocks.length, figures: built.value.figures.length } : built,
      export: saved.ok ? { ok: true, savedTo: saved.value.savedTo, bytes: fs.existsSync(target) ? fs.statSync(target).size : 0 } : saved,
    };
  }
}

play()
  .catch((err) => {
    report.error = String(err && err.stack ? err.stack : err);
  })
  .finally(() => {
    report.events = standIn.events;
    fs.writeFileSync(run.report, JSON.stringify(report, null, 1));
    process.exit(0);
  });
