/** 备份与恢复 in Chromium: restore from 设置; recover a damaged library from its backup. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../electron/services/backups';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { createLibraryFile } from '../../electron/db/connection';
import { seedDefaultLists } from '../../electron/db/lists';
import { dispatch } from '../../electron/services/handlers';
import { seedSampleProjects } from '../helpers/sample';
import { buildWorkbook } from '../helpers/workbooks';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => void seedSampleProjects(lib.ctx.library!.db, 2024, 6, 3));
const count = () => session.served.ctx.library!.db.prepare('SELECT count(*) FROM projects').pluck().get() as number;

describe('备份与恢复 in Chromium', () => {
  it('lists the backups, verifies one and restores it from 设置', async () => {
    const page = session.page;
    await makeBackup(session.served.ctx, '手动', '手动备份');
    session.served.ctx.library!.db.prepare("DELETE FROM projects WHERE id IN (SELECT id FROM projects LIMIT 2)").run();
    expect(count()).toBe(4);
    await page.reload();
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const panel = page.getByTestId('backups-panel');
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(1);
    await panel.getByRole('button', { name: '校验' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('备份完好');
    await panel.getByRole('button', { name: '恢复' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => count()).toBe(6);
    // The state before the restore was kept as a backup.
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await expect.poll(() => page.getByTestId('backups-panel').locator('tbody tr', { hasText: /恢复 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 的备份之前/ }).count()).toBe(1);
    expect(session.watched.consoleErrors).toEqual([]);
  });

  it('offers the backups of a library that cannot be opened, and recovers it without deleting the damaged file', async () => {
    const page = session.page;
    const ctx = session.served.ctx;
    const file = ctx.library!.path;
    await makeBackup(ctx, '手动', '手动备份');
    closeLibrary(ctx);
    const damaged = fs.readFileSync(file);
    damaged.fill(0x41, 0, 100); // the header: not a database any more
    fs.writeFileSync(file, damaged);
    await page.reload();
    await page.getByLabel('项目库文件路径').fill(file);
    await page.getByRole('button', { name: '打开', exact: true }).click();
    const recovery = page.getByTestId('recovery');
    await expect.poll(() => recovery.count()).toBe(1);
    await recovery.getByRole('button', { name: '恢复此备份' }).first().click();
    await expect.poll(() => page.getByRole('navigation', { name: '导航' }).count()).toBe(1);
    expect(count()).toBe(6);
    const kept = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('损坏-'));
    expect(kept.length).toBeGreaterThan(0);
  });

  it('labels each backup with what it preceded, names the folder in full and copies its path', async () => {
    const page = session.page;
    const ctx = session.served.ctx;
    const data = (await buildWorkbook([{ name: '清单', rows: [['项目名称', '建设单位', '总投资'], ['荣成新港', '荣成港务', 100]] }])).toString('base64');
    const preview = await dispatch(ctx, 'import.projects.preview', { source: { fileName: '荣成市8月调度.xlsx', data }, year: 2024 });
    if (!preview.ok) throw new Error(preview.error.message);
    const done = await dispatch(ctx, 'import.projects.commit', { token: (preview.value as { token: string }).token, year: 2024, validOnly: false, allowMissing: ['annualPlan'] });
    expect(done.ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const panel = page.getByTestId('backups-panel');
    await expect.poll(() => panel.locator('tbody tr').first().textContent()).toContain('导入 荣成市8月调度 之前');
    const folder = `${ctx.library!.path}.备份`;
    expect(await panel.getByTestId('backup-folder').locator('code').textContent()).toBe(folder);
    // The browser cannot open a folder: it copies the path for the file manager instead.
    expect(await panel.getByRole('button', { name: '打开文件夹' }).count()).toBe(0);
    await panel.getByRole('button', { name: '复制路径' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('已复制备份文件夹的路径');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(folder);
  });

  it('shows a read-only library with its reason, and editing is disabled', async () => {
    const page = session.page;
    const ctx = session.served.ctx;
    const file = path.join(path.dirname(ctx.library!.path), '新版本.kpw');
    const newer = createLibraryFile(file, seedDefaultLists);
    seedSampleProjects(newer.db, 2024, 3, 3);
    newer.db.pragma('user_version = 99');
    newer.db.close();
    await openLibrary(ctx, file);
    await page.reload();
    await expect.poll(() => page.getByTestId('readonly-banner').textContent()).toContain('较新版本');
    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '新增项目…' }).isDisabled()).toBe(true);
    const error = await dispatch(ctx, 'projects.update', { projectId: 1, year: 2024, field: 'scope', value: 'x', unit: '万元' });
    expect(error).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  });
});
