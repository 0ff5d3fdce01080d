/**
 * `npm run dist` (electron/main/dist.mjs) run for real in a project folder whose tools are
 * stand-ins: an `npm` on PATH and an electron-builder that log their arguments and fail when told
 * to, and a better-sqlite3 that loads or not. The script is what is tested: that a failing step
 * makes it fail loudly, and that node_modules gets its Node build back whatever failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library';

const script = fileURLToPath(new URL('../../electron/main/dist.mjs', import.meta.url));
// The build machines run Node 20; electron-builder needs 22.12, which the script checks first.
const asNode = (version: string) => `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;

function project() {
  const dir = tempDir('kpw-dist-');
  const log = path.join(dir, 'calls.log');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'npm'),
    `#!/bin/sh\necho "npm $*" >> "${log}"\ncase "$*" in\n  "run build") exit \${FAIL_BUILD:-0} ;;\n  "rebuild better-sqlite3") exit \${FAIL_REBUILD:-0} ;;\nesac\nexit 0\n`,
    { mode: 0o755 },
  );
  const builder = path.join(dir, 'node_modules', 'electron-builder');
  fs.mkdirSync(builder, { recursive: true });
  fs.writeFileSync(
    path.join(builder, 'cli.js'),
    `require('fs').appendFileSync(${JSON.stringify(log)}, 'electron-builder ' + process.argv.slice(2).join(' ') + '\\n');\nprocess.exit(Number(process.env.FAIL_BUILDER || 0));\n`,
  );
  const sqlite = path.join(dir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(sqlite);
  fs.writeFileSync(path.join(sqlite, 'package.json'), '{"name":"better-sqlite3","main":"index.js"}');
  fs.writeFileSync(
    path.join(sqlite, 'index.js'),
    `if (process.env.BROKEN_SQLITE) throw new Error('NODE_MODULE_VERSION 139');\nmodule.exports = function Database() { return { close() {} }; };\n`,
  );
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"fake","private":true,"engines":{"node":">=22.12"}}');
  return {
    dir,
    run(env: Record<string, string> = {}, options: { node?: string; args?: string[] } = {}) {
      const result = spawnSync(process.execPath, ['--import', asNode(options.node ?? '22.12.0'), script, ...(options.args ?? [])], {
        cwd: dir,
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, ...env },
        encoding: 'utf8',
      });
      const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
      return { status: result.status, stderr: result.stderr, calls };
    },
  };
}

describe.skipIf(process.platform === 'win32')('npm run dist', () => {
  it('builds, packages with the arguments given, restores the Node build and exits 0', () => {
    const r = project().run({}, { args: ['--linux', '--arm64'] });
    expect(r.calls).toEqual(['npm run build', 'electron-builder --config electron-builder.yml --linux --arm64', 'npm rebuild better-sqlite3']);
    expect(r.status).toBe(0);
  });

  it('fails when electron-builder fails, and still restores the Node build', () => {
    const r = project().run({ FAIL_BUILDER: '3' });
    expect(r.status).toBe(3);
    expect(r.calls.at(-1)).toBe('npm rebuild better-sqlite3');
    expect(r.stderr).toMatch(/失败：打包安装程序/);
  });

  it('fails when the restore fails, although packaging succeeded (the old script exited 0 here)', () => {
    const r = project().run({ FAIL_REBUILD: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/失败：恢复 Node 版 better-sqlite3/);
  });

  it('fails when the restored module still cannot be loaded in Node', () => {
    const r = project().run({ BROKEN_SQLITE: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/npm test 将无法运行/);
  });

  it('stops before packaging when the build fails, and says so', () => {
    const r = project().run({ FAIL_BUILD: '2' });
    expect(r.status).toBe(2);
    expect(r.calls.some((c) => c.startsWith('electron-builder'))).toBe(false);
    expect(r.stderr).toMatch(/失败：构建界面与主进程/);
  });

  it('refuses a Node older than electron-builder needs, touching nothing', () => {
    const r = project().run({}, { node: '22.11.0' });
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.stderr).toMatch(/需要 Node 22\.12/);
  });
});
