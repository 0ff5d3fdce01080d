#!/usr/bin/env node
/**
 * `npm run native:electron`: build better-sqlite3 for the installed Electron into
 * .electron-native/better_sqlite3.node, which electron/main/main.ts loads in development.
 *
 * Why a separate copy: node_modules/better-sqlite3 must stay built for plain Node, because the
 * tests, the command-line tool and the browser harness run in Node, and Electron's ABI differs.
 * So the module is copied to a staging folder and rebuilt there with @electron/rebuild (installed
 * with electron-builder): it first tries better-sqlite3's prebuilt binary for this Electron
 * (prebuild-install), then compiles with node-gyp against Electron's headers. Either way it needs
 * the network, once; a stamp file makes later runs a no-op until Electron or better-sqlite3
 * changes. Packaged builds do not use this: electron-builder rebuilds for Electron itself.
 *
 * Usage: node electron/main/build-native.mjs [--force]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(repo, '.electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
// Inside the repository on purpose: @electron/rebuild finds prebuild-install, and better-sqlite3's
// build finds its own dependencies, by walking up to the repository's node_modules.
const stagingDir = path.join(outDir, 'staging');
const force = process.argv.includes('--force');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function fail(message) {
  console.error(`native:electron: ${message}`);
  process.exit(1);
}

const moduleDir = path.join(repo, 'node_modules', 'better-sqlite3');
let electronVersion;
let sqliteVersion;
try {
  electronVersion = readJson(path.join(repo, 'node_modules', 'electron', 'package.json')).version;
  sqliteVersion = readJson(path.join(moduleDir, 'package.json')).version;
} catch {
  fail('找不到 node_modules/electron 或 node_modules/better-sqlite3，请先运行 npm install。');
}

const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

function upToDate() {
  if (!fs.existsSync(outFile) || !fs.existsSync(stampFile)) return false;
  try {
    const old = readJson(stampFile);
    return Object.entries(stamp).every(([key, value]) => old[key] === value);
  } catch {
    return false;
  }
}

if (!force && upToDate()) {
  console.log(`native:electron: .electron-native/better_sqlite3.node 已是 Electron ${electronVersion} 的版本，跳过。`);
  process.exit(0);
}

/** A fresh staging project holding only better-sqlite3's sources (never its Node build). */
function stage() {
  fs.rmSync(stagingDir, { recursive: true, force: true });
  const target = path.join(stagingDir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(moduleDir, target, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(moduleDir, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'prebuilds' && !rel.startsWith(`prebuilds${path.sep}`);
    },
  });
  // @electron/rebuild reads the project's package.json to decide what to rebuild.
  fs.writeFileSync(
    path.join(stagingDir, 'package.json'),
    JSON.stringify({ name: 'kpw-native-staging', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
  );
  return target;
}

async function build(stagedModule) {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    fail('找不到 @electron/rebuild（随 electron-builder 安装）。请运行 npm install。');
  }
  console.log(`native:electron: 正在为 Electron ${electronVersion}（${process.platform}-${process.arch}）编译 better-sqlite3 ${sqliteVersion}…`);
  await rebuild({
    buildPath: stagingDir,
    projectRootPath: stagingDir,
    electronVersion,
    arch: process.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
  const built = path.join(stagedModule, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) fail(`编译完成但找不到 ${path.relative(repo, built)}。`);
  return built;
}

try {
  const built = await build(stage());
  // Replace atomically: a half-copied binary would crash Electron at the first database open.
  const temp = `${outFile}.${process.pid}.tmp`;
  fs.copyFileSync(built, temp);
  fs.renameSync(temp, outFile);
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  fs.rmSync(stagingDir, { recursive: true, force: true });
  console.log(`native:electron: 已生成 ${path.relative(repo, outFile)}。`);
} catch (err) {
  fs.rmSync(stagingDir, { recursive: true, force: true });
  fail(
    `编译失败：${err instanceof Error ? err.message : String(err)}\n` +
      '需要网络（下载预编译文件或 Electron 头文件），以及 C++ 编译环境（Windows：Visual Studio 生成工具；Linux：build-essential、python3）。',
  );
}
