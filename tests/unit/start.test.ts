/**
 * `npm start` (electron/main/start.mjs) everywhere: without Electron's binary (as on these
 * machines) it serves the app through the harness and says why; with it, it builds, compiles
 * better-sqlite3 for Electron and starts Electron on the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = path.join(repo, 'electron', 'main', 'start.mjs');
const running: ReturnType<typeof spawn>[] = [];
// npm does not pass SIGTERM on to the script: the whole process group is ended.
afterEach(() => {
  for (const child of running.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

describe('npm start', () => {
  it.skipIf(fs.existsSync(path.join(repo, 'node_modules', 'electron', 'path.txt')))(
    'without Electron’s binary serves the app on 127.0.0.1, says why and how to get the desktop app',
    async () => {
      const dir = tempDir('kpw-start-');
      const library = path.join(dir, '项目库.kpw');
      const child = spawn('npm', ['start', '--silent', '--', '--db', library, '--port', '0'], { cwd: repo, env: { ...process.env, DISPLAY: '' }, detached: true });
      running.push(child);
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed:\n${stdout}\n${stderr}`)), 90_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /已启动：(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${stdout}\n${stderr}`)));
      });
      expect(stderr).toMatch(/未找到 Electron 程序文件/);
      expect(stderr).toMatch(/npm install/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      expect(fs.existsSync(library)).toBe(true);
    },
    120_000,
  );

  it('with Electron’s binary builds, compiles better-sqlite3 for it and starts it on the app', () => {
    const dir = tempDir('kpw-start-electron-');
    const log = path.join(dir, 'calls.log');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "npm $*" >> "${log}"\nexit 0\n`, { mode: 0o755 });
    const electron = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(path.join(electron, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(electron, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(electron, 'dist', 'electron'), `#!/bin/sh\necho "electron $*" >> "${log}"\nexit 0\n`, { mode: 0o755 });
    const r = spawnSync(process.execPath, [script], { cwd: dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['npm run build', 'npm run native:electron', 'electron .']);
  });
});
