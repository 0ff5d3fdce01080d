/**
 * The layer rules of .eslint.config.mjs, the cycle check (tests/lint/cycles.mjs) and the file
 * length check (tests/lint/file-length.mjs) catch what they promise: each fault is made for real
 * in a temporary copy of the tree, and the linter (or the check) must fail naming it. `npm test`
 * runs all three over the real tree (npm run lint).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COPIED = ['electron', 'renderer', 'shared', 'tests/lint', '.eslint.config.mjs', '.tsconfig.base.json', 'tsconfig.json', 'package.json'];

const FAULTS: Record<string, string> = {
  // A service that imports Electron (services run in plain Node: tests, kpw, the harness).
  'electron/services/zz-uses-electron.ts': "import { app } from 'electron';\nexport const name = app.getName();\n",
  // A renderer file that reads the disk itself.
  'renderer/src/zz-reads-disk.ts': "import fs from 'node:fs';\nexport const list = () => fs.readdirSync('.');\n",
  // A promise nobody waits for: its failure would vanish.
  'electron/services/zz-floating.ts': 'async function save(): Promise<void> {}\nexport function onClick(): void {\n  save();\n}\n',
  // SQL outside electron/db.
  'electron/services/zz-sql.ts': "export const query = 'SELECT id FROM projects WHERE year = ?';\n",
  // A transport that goes round dispatch.
  'electron/harness/zz-round-dispatch.ts': "import { statistics } from '../services/statistics';\nexport const s = statistics;\n",
  // A cycle made of type-only imports (import-x's no-cycle would not see it).
  'shared/zz-cycle-a.ts': "import type { B } from './zz-cycle-b';\nexport interface A { b?: B }\n",
  'shared/zz-cycle-b.ts': "import type { A } from './zz-cycle-a';\nexport interface B { a?: A }\n",
  // A file one line past the limit, and one exactly at it.
  'shared/zz-401-lines.ts': linesOfCode(401),
  'renderer/src/zz-400-lines.ts': linesOfCode(400),
};

/** A valid module of exactly n lines. */
function linesOfCode(n: number): string {
  return Array.from({ length: n }, (_, i) => `export const line${i} = ${i};\n`).join('');
}

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-lint-'));
  for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(FAULTS)) fs.writeFileSync(path.join(dir, file), text);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lint rules', () => {
  it('npm test runs the linter and the cycle check', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toContain('npm run lint');
    expect(scripts.lint).toContain('eslint -c .eslint.config.mjs');
    expect(scripts.lint).toContain('tests/lint/cycles.mjs');
    expect(scripts.lint).toContain('tests/lint/file-length.mjs');
  });

  it('fails on a service importing electron, the renderer importing node:fs, a floating promise, SQL outside db and a transport round dispatch', { timeout: 240_000 }, () => {
    const files = Object.keys(FAULTS).filter((f) => !f.includes('cycle') && !f.includes('-lines'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-c', '.eslint.config.mjs', '--format', 'json', ...files], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    const rulesOf = (file: string) => results.find((r) => r.filePath.endsWith(file))!.messages.map((m) => m.ruleId);
    expect(rulesOf('zz-uses-electron.ts')).toContain('@typescript-eslint/no-restricted-imports');
    expect(rulesOf('zz-reads-disk.ts')).toContain('@typescript-eslint/no-restricted-imports');
    expect(rulesOf('zz-floating.ts')).toContain('@typescript-eslint/no-floating-promises');
    expect(rulesOf('zz-sql.ts')).toContain('no-restricted-syntax');
    expect(rulesOf('zz-round-dispatch.ts')).toContain('import-x/no-restricted-paths');
  });

  it('fails on an import cycle of type-only imports, naming its files', () => {
    const run = spawnSync(process.execPath, [path.join(dir, 'tests/lint/cycles.mjs'), dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shared/zz-cycle-a.ts ⇄ shared/zz-cycle-b.ts');
  });

  it('the cycle check passes on a tree without cycles', () => {
    for (const f of Object.keys(FAULTS).filter((f) => f.includes('cycle'))) fs.rmSync(path.join(dir, f));
    const run = spawnSync(process.execPath, [path.join(dir, 'tests/lint/cycles.mjs'), dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails on a source file over 400 lines, naming it (400 lines pass)', () => {
    const run = spawnSync(process.execPath, [path.join(dir, 'tests/lint/file-length.mjs'), dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shared/zz-401-lines.ts: 401 lines, more than 400');
    expect(run.stderr).not.toContain('zz-400-lines.ts');
    fs.rmSync(path.join(dir, 'shared/zz-401-lines.ts'));
    const clean = spawnSync(process.execPath, [path.join(dir, 'tests/lint/file-length.mjs'), dir], { encoding: 'utf8' });
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  });
});
