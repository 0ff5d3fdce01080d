/**
 * The dispatch import dialog in Chromium with sheets that need the user's word: a since-start
 * column mapped as this year's cumulative, a cumulative naming another month confirmed, and a sheet
 * without any completed investment confirmed as such. Each shows where its figure comes from.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readReport } from '../../electron/db/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { launchBrowser, openPage, type WatchedPage } from '../helpers/browser';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let browser: Browser;
let served: ServedLibrary;
let watched: WatchedPage;
let page: Page;
let projectId: number;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  const list = readWorkbook(await buildWorkbook([{ name: '清单', rows: [['项目名称', '建设性质', '总投资', '年度计划投资'], ['甲项目', '新建', 5000, 1200]] }]), 'l.xlsx');
  served = await serveTempLibrary((lib) => {
    commitProjectImport(lib.ctx, list, 'l.xlsx', { year: 2024 });
  });
  projectId = (served.ctx.library!.db.prepare('SELECT id FROM projects').get() as { id: number }).id;
  watched = await openPage(browser, served.harness.url);
  page = watched.page;
  await page.getByLabel('年度', { exact: true }).selectOption('2024');
});
afterEach(async () => {
  await page.context().close();
  await served.stop();
});

/** 导入月调度… for August with one sheet; the dialog. */
async function importAugust(rows: CellInput[][]) {
  await page.getByRole('button', { name: '导入月调度…' }).click();
  await page.getByLabel('调度月份').selectOption('8');
  await page.getByRole('button', { name: '选择文件…' }).click();
  await page.getByTestId('progress-files').setInputFiles({ name: '8月.xlsx', mimeType: 'application/octet-stream', buffer: await buildWorkbook([{ name: '8月', rows }]) });
  const dialog = page.getByTestId('progress-import-dialog');
  await dialog.getByTestId('progress-preview').waitFor();
  return dialog;
}

const stored = () => readReport(served.ctx.library!.db, projectId, 2024, 8)?.completed_to_date;

describe('dispatch sheets that need the user’s word', () => {
  it('maps 自开工累计 as this year’s cumulative, and says so', async () => {
    const dialog = await importAugust([['项目名称', '自开工累计完成投资'], ['甲项目', 800]]);
    expect(await dialog.getByTestId('progress-missing-completed').textContent()).toMatch(/B列“自开工累计完成投资”是项目自开工以来的累计/);
    expect(await dialog.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await dialog.getByText('列对应（2列）').click();
    await dialog.getByLabel('B列导入为').selectOption('completedToDate');
    await expect.poll(() => dialog.getByTestId('progress-completed-from').textContent()).toBe('完成投资取自B列“自开工累计完成投资”（自开工累计（按您的指定作为本年累计））');
    expect(await dialog.getByTestId('progress-missing-completed').count()).toBe(0);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入2024年8月调度：新报送1个/);
    expect(stored()).toBe(8_000_000);
  });

  it('reads a cumulative naming another month only once confirmed', async () => {
    const dialog = await importAugust([['项目名称', '1-7月完成投资'], ['甲项目', 500]]);
    expect(await dialog.getByText(/表头是“1-7月完成投资”（截至7月），而导入的是8月的调度，不会当作1-8月累计完成投资读入/).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel(/确认该列就是1-8月的累计完成投资/).check();
    await expect.poll(() => dialog.getByText(/已按您的确认作为1-8月累计完成投资读入/).count()).toBe(1);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入2024年8月调度/);
    expect(stored()).toBe(5_000_000);
  });

  it('imports a sheet without completed investment only when the user confirms it has none', async () => {
    const dialog = await importAugust([['项目名称', '是否开工'], ['甲项目', '是']]);
    expect(await dialog.getByTestId('progress-completed-from').textContent()).toBe('完成投资：本表没有可用的列');
    const button = dialog.getByRole('button', { name: '导入', exact: true });
    expect(await button.isDisabled()).toBe(true);
    await dialog.getByLabel(/不含完成投资/).check();
    await button.click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入2024年8月调度/);
    expect(readReport(served.ctx.library!.db, projectId, 2024, 8)).toMatchObject({ completed_to_date: 0, started: 1 });
  });
});
