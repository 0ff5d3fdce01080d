/** 统计分析 in Chromium through the harness, over the demo city. */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { projectsBehind } from '../../electron/services/statistics';
import { launchBrowser, openPage, type WatchedPage } from '../helpers/browser';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';

let browser: Browser;
let served: ServedLibrary;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveTempLibrary((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
  watched = await openPage(browser, served.harness.url);
  page = watched.page;
  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  await page.getByLabel('分析年度').selectOption('2024');
  await page.getByLabel('分析月份').selectOption('8');
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('统计分析 in Chromium', () => {
  it('draws at least six charts and the headline cards, with no console error and nothing leaving the machine', async () => {
    await expect.poll(() => page.locator('.chart-card svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId('stat-cards').textContent()).toMatch(/896个.*4399\.6亿元.*1041\.9亿元/);
    expect(await page.getByTestId('stat-cards').textContent()).toMatch(/同比增长15\.8%.*同比增长31\.3%.*同比增长5\.2%/);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
  });

  it('clicking a district’s bar lists exactly that district’s projects', async () => {
    const chart = page.getByTestId('chart-districtRace');
    const labels = chart.locator('svg text', { hasText: /^荣成市$/ });
    const dialog = page.getByTestId('drill-dialog');
    // Click the bar above the district's axis label (the chart may still be settling its layout).
    await expect
      .poll(async () => {
        let box: { x: number; y: number; width: number; height: number } | null = null;
        for (let i = 0; i < (await labels.count()) && !box; i++) box = await labels.nth(i).boundingBox();
        if (box) await page.mouse.click(box.x + box.width / 2, box.y - 60);
        return dialog.count();
      }, { timeout: 10_000, interval: 300 })
      .toBe(1);
    const expected = projectsBehind(served.ctx, { year: 2024, month: 8, dimension: 'district', key: '荣成市' });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(`荣成市：${expected.length}个项目`);
    expect(await dialog.locator('tbody tr').count()).toBe(expected.length);
    const districts = new Set(await dialog.locator('tbody tr td:nth-child(2)').allTextContents());
    expect([...districts]).toEqual(['荣成市']);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('saves a chart as PNG', async () => {
    const chart = page.getByTestId('chart-category');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: '保存为PNG' }).click()]);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.readUInt32BE(16)).toBe(1210); // width: twice the print size (16 cm at 96 dpi = 605 px), for print
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(download.suggestedFilename()).toBe('各类别年度计划投资与完成投资（1-8月）.png');
  });
});
