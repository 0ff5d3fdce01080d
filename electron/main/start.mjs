#!/usr/bin/env node
/**
 * `npm start`: the desktop app where Electron's binary is installed; where it is not (installed
 * with ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine that could not download it), the same app in
 * the browser through the harness on 127.0.0.1, saying why and how to get the desktop app.
 *
 * Electron's own index.js tries to download the binary when it is missing, so the binary is
 * looked for here without loading it. KPW_START=browser chooses the browser mode on purpose.
 * Arguments after `--` go to the browser mode (`npm start -- --db 项目库.kpw --port 8080`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const isWindows = process.platform === 'win32';
const npm = isWindows ? 'npm.cmd' : 'npm';
const say = (message) => console.error(`[重点项目工作台] ${message}`);

/** The Electron executable if it is really there, else null. */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return relative && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(args) {
  return spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: isWindows }).status === 0;
}

/** Where `npm start` keeps its library: the development user-data folder the desktop app uses too. */
function developmentUserData() {
  const base = isWindows
    ? (process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
    : process.platform === 'darwin'
      ? path.join(os.homedir(), 'Library', 'Application Support')
      : (process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'));
  return path.join(base, '重点项目工作台-开发');
}

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** The built UI is current when it is newer than every source it is built from. */
function uiIsCurrent() {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return ['renderer', 'shared'].every((dir) => newest(path.join(root, dir)) <= built);
}

function startBrowserMode(reason) {
  if (reason) say(reason);
  if (!uiIsCurrent() && !run(['run', 'build:web'])) {
    say('构建界面失败（原因见上）。');
    process.exit(1);
  }
  const extra = process.argv.slice(2);
  // As the desktop app: its library, recent list and demo in the development user-data folder
  // (the library screen lists the recent ones). A library named with --db is used as it is.
  const args = extra.includes('--db') ? extra : ['--db', path.join(developmentUserData(), '重点项目库.kpw'), '--user-data', developmentUserData(), ...extra];
  if (!extra.includes('--db')) fs.mkdirSync(developmentUserData(), { recursive: true });
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(root, 'electron', 'harness', 'serve.ts'), '--open', ...args], { cwd: root, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = process.env.KPW_START === 'browser' ? null : electronBinary();
if (!binary) {
  startBrowserMode(
    process.env.KPW_START === 'browser'
      ? '浏览器模式（KPW_START=browser）。'
      : '未找到 Electron 程序文件（安装时跳过了下载，或无法联网下载），改用浏览器模式：界面和功能与桌面版相同，文件的打开和保存改用浏览器的上传和下载。\n' +
          '  要使用桌面版：在能联网的电脑上重新运行 npm install（不要设置 ELECTRON_SKIP_BINARY_DOWNLOAD），或安装 npm run dist 生成的安装程序。',
  );
} else if (!run(['run', 'build'])) {
  say('构建失败（原因见上）。');
  process.exit(1);
} else if (!run(['run', 'native:electron'])) {
  startBrowserMode('未能为 Electron 编译 better-sqlite3（需要网络下载 Electron 头文件，原因见上），本次改用浏览器模式。');
} else {
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
