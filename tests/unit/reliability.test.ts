/**
 * RELIABILITY.md, storage: each fault produced for real — processes killed mid-import and mid-edit,
 * a full disk, a second program holding the lock, a read-only file for another user — and the
 * backups (备份与恢复).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups, makeBackup, restoreBackup, verifyBackup } from '../../electron/services/backups';
import { closeLibrary } from '../../electron/services/library';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, tempDir, type TempLibrary } from '../helpers/library';
import { seedSampleProjects } from '../helpers/sample';
import { buildWorkbook } from '../helpers/workbooks';

const CHILDREN = path.resolve(import.meta.dirname, '../helpers/children');
const child = (name: string, args: string[]) => spawn(process.execPath, ['--import', 'tsx', path.join(CHILDREN, name), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join();
  } finally {
    db.close();
  }
}

/** Wait until the child has ended (at once if it already has). */
function exited(proc: ReturnType<typeof spawn>): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.on('exit', () => resolve()));
}

/** Wait until the child prints `text` (or ends). */
function waitFor(proc: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise((resolve) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) resolve();
    });
    proc.on('exit', () => resolve());
  });
}

let lib: TempLibrary;
let now = new Date(2024, 8, 20, 10);
beforeEach(() => {
  now = new Date(2024, 8, 20, 10);
  lib = createTempLibrary({ now: () => now });
});
afterEach(() => lib.close());
const { call, refused } = contractCaller(() => lib.ctx);
const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');

describe('processes killed', () => {
  it('mid-import: after reopening, the file is sound and holds all the rows or none, in every run', async () => {
    const rows = [['项目名称', '所在区市', '总投资（万元）', '年度计划投资（万元）'], ...Array.from({ length: 3000 }, (_, i) => [`被中断的导入项目${i + 1}`, '荣成市', 1000 + i, 100 + i])];
    const workbook = path.join(lib.dir, 'big.xlsx');
    fs.writeFileSync(workbook, await buildWorkbook([{ name: '清单', rows }]));
    const file = lib.file;
    lib.ctx.library!.db.close();
    lib.ctx.library = null;
    const seen = new Set<number>();
    for (let run = 0; run < 6; run++) {
      const proc = child('import-child.ts', [file, workbook]);
      await waitFor(proc, 'opened');
      // Somewhere in reading, validating or committing (the commit itself takes a few hundred ms).
      await new Promise((r) => setTimeout(r, 150 + run * 180));
      proc.kill('SIGKILL');
      await exited(proc);
      expect(integrity(file), `run ${run}`).toBe('ok');
      const db = new Database(file, { readonly: true });
      const n = db.prepare("SELECT count(*) FROM projects WHERE name LIKE '被中断的导入项目%'").pluck().get() as number;
      db.close();
      expect([0, 3000], `run ${run}`).toContain(n);
      seen.add(n);
      if (n === 3000) {
        const w = new Database(file);
        w.exec("DELETE FROM projects WHERE name LIKE '被中断的导入项目%'");
        w.close();
      }
    }
    // The kills landed before the commit at least once (otherwise the test proved little).
    expect(seen.has(0)).toBe(true);
  }, 120_000);

  it('mid-edits: every edit acknowledged before the kill is in the file', async () => {
    const [id] = seedSampleProjects(lib.ctx.library!.db, 2024, 3, 5);
    const file = lib.file;
    lib.ctx.library!.db.close();
    lib.ctx.library = null;
    for (let run = 0; run < 3; run++) {
      const proc = child('edit-child.ts', [file, String(id)]);
      let acked = 0;
      proc.stdout!.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/ack (\d+)/g)) acked = Math.max(acked, Number(m[1]));
      });
      await waitFor(proc, 'ack 1');
      await new Promise((r) => setTimeout(r, 300 + run * 200));
      proc.kill('SIGKILL');
      await exited(proc);
      expect(integrity(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      const scope = db.prepare('SELECT scope FROM projects WHERE id = ?').pluck().get(id) as string;
      db.close();
      const last = Number(/第(\d+)次修改/.exec(scope)![1]);
      expect(acked).toBeGreaterThan(0);
      // The last acknowledged edit is there (one more may have committed before its ack was printed).
      expect(last === acked || last === acked + 1, `acked ${acked}, in file ${last}`).toBe(true);
    }
  }, 60_000);
});

describe('spreadsheets coming in', () => {
  it('refuses a zip bomb (1 MB that inflates to 1 GB, lying about its size) within 5 s and 600 MB', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(CHILDREN, 'bomb-child.ts')], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { ms: number; maxRssMb: number; message: string };
    expect(out.message).toMatch(/压缩炸弹|大小与声明不符/);
    expect(out.ms).toBeLessThan(5000);
    expect(out.maxRssMb).toBeLessThan(600);
  }, 30_000);
});

describe('faults while the app runs', () => {
  it('disk full: a clear message, nothing written, and the retry works once there is room', async () => {
    const db = lib.ctx.library!.db;
    seedSampleProjects(db, 2024, 5, 3);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const rows = [['项目名称', '总投资（万元）'], ...Array.from({ length: 2000 }, (_, i) => [`项目${i}——${'很长的名称'.repeat(20)}`, 100])];
    const source = { fileName: '清单.xlsx', data: (await buildWorkbook([{ name: '清单', rows }])).toString('base64') };
    const preview = await call('import.projects.preview', { source, year: 2024 });
    const error = await refused('import.projects.commit', { token: preview.token, year: 2024, validOnly: false, allowMissing: ['annualPlan'] });
    expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('磁盘空间不足') });
    expect(db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(5);
    db.pragma('max_page_count = 1073741823');
    const again = await call('import.projects.preview', { source, year: 2024 });
    expect((await call('import.projects.commit', { token: again.token, year: 2024, validOnly: false, allowMissing: ['annualPlan'] })).added).toBe(2000);
  });

  it('another program holds the lock: the edit is refused with a message, and goes through after', async () => {
    const [id] = seedSampleProjects(lib.ctx.library!.db, 2024, 1, 3);
    const holder = child('lock-child.ts', [lib.file]);
    await waitFor(holder, 'locked');
    const error = await refused('projects.update', { projectId: id!, year: 2024, field: 'scope', value: '等锁', unit: '万元' });
    expect(error).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/^项目库正被其他程序使用.*等待5秒仍未轮到，本次修改未保存/) });
    holder.stdin!.end();
    await exited(holder);
    expect((await call('projects.update', { projectId: id!, year: 2024, field: 'scope', value: '等锁', unit: '万元' })).scope).toBe('等锁');
  }, 30_000);

  it('a read-only file (another user): opens read-only with the reason, edits refused, everything readable', () => {
    const [id] = seedSampleProjects(lib.ctx.library!.db, 2024, 4, 3);
    lib.ctx.library!.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.chmodSync(lib.dir, 0o755);
    fs.chmodSync(lib.file, 0o644);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', path.join(CHILDREN, 'open-child.ts'), lib.file, String(id)], {
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp' },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { info: { readOnly: boolean; readOnlyReason: string }; edit: { ok: boolean; error: { code: string; message: string } }; rows: number };
    expect(out.info).toMatchObject({ readOnly: true, readOnlyReason: expect.stringContaining('没有写入权限') });
    expect(out.edit).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(out.rows).toBe(4);
    expect(integrity(lib.file)).toBe('ok');
  }, 30_000);

  it('reads a library on a read-only share (no -shm, a folder the user cannot write): kpw stats works, writes are refused in Chinese', () => {
    seedSampleProjects(lib.ctx.library!.db, 2024, 6, 5);
    closeLibrary(lib.ctx);
    expect(fs.existsSync(`${lib.file}-shm`)).toBe(false);
    fs.chmodSync(lib.dir, 0o755);
    fs.chmodSync(lib.file, 0o644);
    const kpw = (...args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, KPW, ...args], { encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
    const stats = kpw('stats', '--db', lib.file, '--year', '2024', '--month', '8', '--json');
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect((JSON.parse(stats.stdout) as { overall: { projects: number } }).overall.projects).toBe(6);
    const write = kpw('close', '--db', lib.file, '--year', '2024', '--month', '8');
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(/没有写入权限/);
    expect(write.stderr).not.toMatch(/readonly|attempt to write/i);
    expect(fs.readdirSync(lib.dir).filter((f) => f !== 'userData')).toEqual([path.basename(lib.file)]);
    expect(integrity(lib.file)).toBe('ok');
  }, 120_000);
});

describe('备份与恢复', () => {
  it('refuses to restore while another program holds the library, touching nothing; restores once it is closed', async () => {
    const db = () => lib.ctx.library!.db;
    seedSampleProjects(db(), 2024, 5, 3);
    const backup = await call('backups.create', {});
    seedSampleProjects(db(), 2025, 3, 4);
    const other = new Database(lib.file);
    other.prepare('SELECT count(*) FROM projects').get();
    expect(await refused('backups.restore', { name: backup.name })).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/正被其他程序使用.*未恢复/) });
    // Still open, still WAL, still editable, and the other program still reads it.
    expect(db().pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db().prepare('SELECT count(*) FROM projects').pluck().get()).toBe(8);
    expect(other.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(8);
    expect((await call('backups.list', {})).filter((b) => b.reason === '恢复前')).toEqual([]);
    other.close();
    await call('backups.restore', { name: backup.name });
    expect(db().prepare('SELECT count(*) FROM projects').pluck().get()).toBe(5);
    expect(db().pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('backs up before every import, verified, and restores — keeping the current state so the restore can be undone', async () => {
    const db = () => lib.ctx.library!.db;
    seedSampleProjects(db(), 2024, 10, 3);
    const rows = [['项目名称', '所在区市'], ['新项目甲', '荣成市'], ['新项目乙', '高区']];
    const source = { fileName: '清单.xlsx', data: (await buildWorkbook([{ name: '清单', rows }])).toString('base64') };
    const preview = await call('import.projects.preview', { source, year: 2024 });
    await call('import.projects.commit', { token: preview.token, year: 2024, validOnly: false, allowMissing: ['totalInvestment', 'annualPlan'] });
    expect(db().prepare('SELECT count(*) FROM projects').pluck().get()).toBe(12);
    const [before] = await call('backups.list', {});
    expect(before).toMatchObject({ reason: '导入前', automatic: true, at: '2024-09-20 10:00:00' });
    expect(fs.existsSync(before!.path)).toBe(true);
    expect(await call('backups.verify', { name: before!.name })).toEqual({ ok: true, message: '备份完好' });
    const inBackup = new Database(before!.path, { readonly: true });
    expect(inBackup.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(10);
    inBackup.close();

    now = new Date(2024, 8, 20, 11);
    const info = await call('backups.restore', { name: before!.name });
    expect(info.path).toBe(lib.file);
    expect(db().prepare('SELECT count(*) FROM projects').pluck().get()).toBe(10);
    expect(integrity(lib.file)).toBe('ok');
    const list = await call('backups.list', {});
    const undo = list.find((b) => b.reason === '恢复前')!;
    const kept = new Database(undo.path, { readonly: true });
    expect(kept.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(12);
    kept.close();
    // And back again: the restore is undone from its own backup.
    await call('backups.restore', { name: undo.name });
    expect(db().prepare('SELECT count(*) FROM projects').pluck().get()).toBe(12);
  });

  it('makes the daily backup once a day, rotates automatic ones, keeps those made on request, refuses a damaged one', async () => {
    expect(await backupIfDue(lib.ctx)).toMatchObject({ reason: '定时' });
    now = new Date(2024, 8, 20, 20);
    expect(await backupIfDue(lib.ctx)).toBeNull();
    now = new Date(2024, 8, 21, 10, 30);
    expect(await backupIfDue(lib.ctx)).toMatchObject({ reason: '定时' });
    const manual = await makeBackup(lib.ctx, '手动', '手动备份');
    for (let i = 0; i < 24; i++) {
      now = new Date(2024, 8, 22 + i, 9);
      await makeBackup(lib.ctx, '导入前', `导入 第${i}份 之前`);
    }
    const list = listBackups(lib.ctx);
    expect(list.filter((b) => b.automatic)).toHaveLength(20);
    // Two backups in one second (names stamp the second): the one written last comes first.
    const sameSecond = await makeBackup(lib.ctx, '手动', '手动备份');
    await new Promise((r) => setTimeout(r, 20));
    await makeBackup(lib.ctx, '导入前', '导入 荣成市8月调度 之前');
    expect(listBackups(lib.ctx).slice(0, 2).map((b) => b.label)).toEqual(['导入 荣成市8月调度 之前', sameSecond.label]);
    expect(list.some((b) => b.name === manual.name)).toBe(true);
    // Damage a backup: verify says so, and restoring it is refused with the library untouched.
    const victim = list.find((b) => b.automatic)!;
    const bytes = fs.readFileSync(victim.path);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(victim.path, bytes);
    expect(verifyBackup(lib.ctx, victim.name).ok).toBe(false);
    await expect(restoreBackup(lib.ctx, victim.name)).rejects.toThrow(/已损坏，未恢复/);
    expect(lib.ctx.library).not.toBeNull();
  });

  it('kpw backup writes a verified copy and never overwrites a file', () => {
    seedSampleProjects(lib.ctx.library!.db, 2024, 7, 3);
    const out = path.join(tempDir('kpw-backup-'), '备份.kpw');
    const kpw = (...args: string[]) => spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs'), ...args], { encoding: 'utf8' });
    const made = kpw('backup', '--db', lib.file, '--out', out);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('已备份并校验');
    expect(integrity(out)).toBe('ok');
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(7);
    copy.close();
    const again = kpw('backup', '--db', lib.file, '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已存在/);
  });
});
