/**
 * `npm run web -- --user-data DIR` (which `npm start` passes in browser mode): the harness keeps
 * the recent list there, as the desktop app keeps it in its user-data folder, so the library
 * screen of 切换项目库… lists the recent libraries.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library';

const repo = path.resolve(import.meta.dirname, '../..');
let stop: (() => void) | null = null;
let dir = '';
afterEach(() => {
  stop?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the browser mode remembers the recent libraries', () => {
  it('serves a library with --user-data: library.recent lists it, and the list is kept in that folder', async () => {
    dir = tempDir('kpw-serve-');
    const db = path.join(dir, '项目库.kpw');
    const userData = path.join(dir, '用户数据');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/harness/serve.ts'), '--db', db, '--user-data', userData, '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    stop = () => child.kill('SIGTERM');
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    });
    const page = await (await fetch(url)).text();
    const token = /name="kpw-token" content="([^"]+)"/.exec(page)![1]!;
    const answer = await fetch(new URL('/api/invoke', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-KPW-Token': token },
      body: JSON.stringify({ method: 'library.recent', args: {} }),
    });
    expect(await answer.json()).toEqual({ ok: true, value: [db] });
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'recent-libraries.json'), 'utf8'))).toEqual([db]);
  }, 60_000);
});
