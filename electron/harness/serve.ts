/**
 * `npm run web -- --db FILE [--port N] [--open] [--user-data DIR]`: open (or create) the library
 * FILE and serve the app on 127.0.0.1. Prints the address to open in a browser; with --open (as
 * `npm start` without Electron does) also opens it in the system's browser where there is one.
 * --user-data is where the recent list and the demo library are kept, as the desktop app keeps
 * them in its user-data folder (`npm start` passes the development one); without it nothing is
 * remembered between runs.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createContext } from '../services/context';
import { backupIfDue, developmentWorkerScript, openOrCreateLibrary, workerReader } from '../services/session';
import { startHarness } from './server';

const usage = '用法：npm run web -- --db 项目库文件 [--port 端口] [--open] [--user-data 文件夹]';

/** Open `url` in the system's browser; quietly nothing where there is none (a server, CI). */
function openInBrowser(url: string): void {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // The address is printed anyway.
  }
}

async function main(): Promise<number> {
  let values: { db?: string; port?: string; open?: boolean; 'user-data'?: string };
  try {
    ({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' }, 'user-data': { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  if (!values.db) {
    process.stderr.write(`缺少参数 --db\n${usage}\n`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口“${values.port}”无效\n${usage}\n`);
    return 2;
  }
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const ctx = createContext({
    userDataDir: values['user-data'] ? path.resolve(values['user-data']) : null,
    shell: 'browser',
    // As in the app: spreadsheets are read in a worker thread, with memory and time limits.
    readWorkbook: workerReader({ script: developmentWorkerScript() }),
  });
  try {
    await openOrCreateLibrary(ctx, path.resolve(values.db));
  } catch (err) {
    process.stderr.write(`错误：${(err as Error).message}\n`);
    return 1;
  }
  const harness = await startHarness(ctx, { rendererDir: path.join(repo, 'dist/renderer'), port });
  // As in the app: the daily backup, checked now and every hour.
  const dailyBackup = () => void backupIfDue(ctx).catch((err: unknown) => process.stderr.write(`定时备份失败：${(err as Error).message}\n`));
  dailyBackup();
  setInterval(dailyBackup, 3_600_000).unref();
  process.stdout.write(`重点项目工作台（浏览器模式）已启动：${harness.url}\n项目库：${ctx.library?.path}\n按 Ctrl+C 退出。\n`);
  if (values.open) openInBrowser(harness.url);
  return new Promise<number>(() => {});
}

process.exitCode = await main();
