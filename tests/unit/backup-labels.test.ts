/**
 * Backups people can find: each labelled with what it preceded, the label inside the backup file
 * (it travels with the file), old unlabelled backups labelled from what can be known, the folder
 * named in full and shown in the file manager where the shell can.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupTo, readBackupLabel } from '../../electron/db/backup';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

let lib: TempLibrary;
let now = new Date(2025, 8, 5, 10, 15, 0);
const { call, refused } = contractCaller(() => lib.ctx);
beforeEach(() => {
  now = new Date(2025, 8, 5, 10, 15, 0);
  lib = createTempLibrary({ now: () => now });
});
afterEach(() => lib.close());

const list = async (name: string, rows: (string | number)[][]) => ({ fileName: name, data: (await buildWorkbook([{ name: '清单', rows }])).toString('base64') });
const allowMissing = ['totalInvestment', 'annualPlan'] as ('totalInvestment' | 'annualPlan')[];

describe('backup labels', () => {
  it('labels the backup before an import with the file imported, inside the backup and in its name', async () => {
    const source = await list('荣成市8月调度.xlsx', [['项目名称', '建设单位', '总投资'], ['海堤修复', '荣成市住建局', 100]]);
    const preview = await call('import.projects.preview', { source, year: 2025 });
    await call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false, allowMissing });
    const [backup] = await call('backups.list', {});
    expect(backup).toMatchObject({ reason: '导入前', label: '导入 荣成市8月调度 之前', at: '2025-09-05 10:15:00', automatic: true, folder: `${lib.file}.备份` });
    expect(backup!.name).toBe('20250905-101500-导入前-荣成市8月调度.kpw');
    // Stored inside: a copy elsewhere (a USB stick) still says what it preceded.
    const copy = path.join(lib.dir, '拷贝.kpw');
    fs.copyFileSync(backup!.path, copy);
    expect(readBackupLabel(copy)).toBe('导入 荣成市8月调度 之前');

    now = new Date(2025, 8, 5, 11, 0, 0);
    const two = await call('import.progress.preview', {
      files: [
        { fileName: '荣成市.xlsx', data: (await buildWorkbook([{ name: '8月', rows: [['项目名称', '1-8月完成投资'], ['海堤修复', 10]] }])).toString('base64') },
        { fileName: '文登区.xlsx', data: (await buildWorkbook([{ name: '8月', rows: [['项目名称', '1-8月完成投资'], ['海堤修复', 10]] }])).toString('base64') },
      ],
      year: 2025,
      month: 8,
    });
    await call('import.progress.commit', { token: two.token, year: 2025, month: 8 }).catch(() => undefined);
    expect((await call('backups.list', {}))[0]).toMatchObject({ label: '导入 荣成市 等2个文件之前', at: '2025-09-05 11:00:00' });
  });

  it('labels the backup before a restore with the backup restored, and the restored library carries no label', async () => {
    const manual = await call('backups.create', {});
    expect(manual.label).toBe('手动备份');
    now = new Date(2025, 8, 6, 9, 0, 0);
    await call('backups.restore', { name: manual.name });
    expect((await call('backups.list', {})).map((b) => b.label)).toEqual(['恢复 2025-09-05 10:15:00 的备份之前', '手动备份']);
    const key = lib.ctx.library!.db.prepare("SELECT count(*) FROM settings WHERE key = 'backup.label'").pluck().get();
    expect(key).toBe(0);
    // A backup of the restored library is labelled as itself, never as the backup it came from.
    now = new Date(2025, 8, 7, 9, 0, 0);
    expect((await call('backups.create', {})).label).toBe('手动备份');
  });

  it('labels old unlabelled backups from their name and from the import the change log records after them', async () => {
    const folder = `${lib.file}.备份`;
    const db = lib.ctx.library!.db;
    // As versions before labels made them: no label inside, the reason in the name.
    await backupTo(db, path.join(folder, '20250905-101500-导入前.kpw'));
    await backupTo(db, path.join(folder, '20250904-080000-定时.kpw'));
    await backupTo(db, path.join(folder, '20250903-080000-导入前.kpw'));
    await backupTo(db, path.join(folder, '20250902-080000-恢复前.kpw'));
    // The import that followed the first one, as the change log holds it.
    db.prepare("INSERT INTO change_sets (at, label) VALUES ('2025-09-05T10:15:01+08:00', '导入“文登区清单.xlsx”：新增3个，更新0个')").run();
    // And a migration backup an older version left beside the library (time in UTC).
    const legacy = `${lib.file}.v5-20250901T020000.bak`;
    await backupTo(db, legacy);
    const labels = (await call('backups.list', {})).map((b) => [b.at.slice(0, 10), b.reason, b.label]);
    expect(labels).toEqual([
      ['2025-09-05', '导入前', '导入 文登区清单 之前'],
      ['2025-09-04', '定时', '每日自动备份'],
      ['2025-09-03', '导入前', '导入之前（导入的文件未记录）'],
      ['2025-09-02', '恢复前', '恢复备份之前'],
      [new Date(Date.UTC(2025, 8, 1, 2)).toLocaleDateString('sv'), '迁移前', '从第5版升级之前'],
    ]);
    // The old backup beside the library can be verified and restored like the others.
    const old = (await call('backups.list', {})).find((b) => b.path === legacy)!;
    expect(old.folder).toBe(path.dirname(lib.file));
    expect(await call('backups.verify', { name: old.name })).toEqual({ ok: true, message: '备份完好' });
    await call('backups.restore', { name: old.name });
    expect(lib.ctx.library!.path).toBe(lib.file);
  });

  it('names the backup folder in full; the browser cannot show it and says where it is, the desktop shows it', async () => {
    expect(await call('backups.folder', {})).toEqual({ path: `${lib.file}.备份`, exists: false, canOpen: false });
    expect(await refused('backups.openFolder', {})).toMatchObject({ code: 'UNSUPPORTED', message: `浏览器模式不能打开文件夹。备份文件夹是“${lib.file}.备份”，可复制路径后在文件管理器中打开。` });
    const shown: string[] = [];
    lib.ctx.showFolder = async (folder) => (shown.push(folder), '');
    expect(await call('backups.openFolder', {})).toEqual({ path: `${lib.file}.备份` });
    expect(shown).toEqual([`${lib.file}.备份`]);
    expect(fs.statSync(shown[0]!).isDirectory()).toBe(true);
    lib.ctx.showFolder = async () => '没有可用的文件管理器';
    expect(await refused('backups.openFolder', {})).toMatchObject({ message: expect.stringContaining('没有可用的文件管理器') });
    const check = new Database(lib.file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
  });
});
