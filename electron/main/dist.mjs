#!/usr/bin/env node
/**
 * `npm run dist [-- electron-builder arguments]`: build the app, package the installers with
 * electron-builder, and always give node_modules its better-sqlite3 for plain Node back.
 *
 * Why a script and not a line of shell: electron-builder rebuilds better-sqlite3 in place for
 * Electron (npmRebuild), which leaves `npm test`, `kpw` and the harness unable to load it. The
 * old one-liner ran `npm rebuild` after a failure but reported only electron-builder's status, so
 * a failed rebuild exited 0 and left the tests broken. Here every step's failure is loud: the
 * first failing step decides the exit code, the restore runs whatever happened before it, and the
 * restored module is loaded once to prove it works.
 *
 * Run from the project's root (npm sets the working directory to it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const isWindows = process.platform === 'win32';
const npm = isWindows ? 'npm.cmd' : 'npm';
// package.json's "engines" names the Node that electron-builder 26 and @electron/rebuild 4 need.
const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '>=22.12';
const MIN_NODE = (/(\d+)\.(\d+)/.exec(engines) ?? [null, '22', '12']).slice(1, 3).map(Number);

function say(message) {
  console.error(`dist: ${message}`);
}

function run(label, command, args) {
  say(`${label}…`);
  // Windows runs npm.cmd only through a shell.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) return { label, code: 1, why: result.error.message };
  if (result.status !== 0) return { label, code: result.status ?? 1, why: result.signal ? `被信号 ${result.signal} 结束` : `退出码 ${result.status}` };
  return null;
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  say(`打包安装程序需要 Node ${MIN_NODE.join('.')} 或更高版本（electron-builder 26 的要求），当前为 ${process.versions.node}。未做任何修改。`);
  process.exit(1);
}

const builderCli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const failures = [];
const build = run('构建界面与主进程（npm run build）', npm, ['run', 'build']);
if (build) failures.push(build);
else if (!fs.existsSync(builderCli)) failures.push({ label: '打包', code: 1, why: `找不到 ${builderCli}，请先运行 npm install` });
else {
  const pack = run('打包安装程序（electron-builder）', process.execPath, [builderCli, '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
  if (pack) failures.push(pack);
}

// Always: electron-builder may have rebuilt the module for Electron before failing.
const restore = run('恢复 Node 版 better-sqlite3（npm rebuild better-sqlite3）', npm, ['rebuild', 'better-sqlite3']);
if (restore) failures.push(restore);
else {
  const check = run('检查 better-sqlite3 能在 Node 中加载', process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"]);
  if (check) failures.push({ ...check, why: `${check.why}；npm test 将无法运行，请手动运行 npm rebuild better-sqlite3` });
}

if (failures.length > 0) {
  for (const f of failures) say(`失败：${f.label}（${f.why}）`);
  process.exit(failures[0].code || 1);
}
say('完成：安装程序在 release/ 中。');
