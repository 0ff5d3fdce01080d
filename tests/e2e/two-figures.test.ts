/** 月调度 shows and edits the 纳统 figure beside the dispatch figure, and the plan 1-M月 (设置 spreads plans without a split), in Chromium. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, type WatchedPage } from '../helpers/browser';
import { closeDispatchMonth, dispatchCell, openDispatchMonth, type DispatchPage } from '../helpers/dispatch-page';

let browser: Browser;
let d: DispatchPage;
let watched: WatchedPage;
let page: Page;

const cell = (row: number, col: string) => dispatchCell(page, row, col);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  d = await openDispatchMonth(browser, {
    list: [
      ['项目名称', '所在区市', '建设性质', '年度计划投资', '上半年计划', '下半年计划', '计划开工时间'],
      ['石岛湾核电站扩建一期', '荣成市', '新建', 1200, 500, 700, '2024年3月'],
      ['乳山口大桥', '乳山市', '续建', 600, null, null, null],
    ],
    july: [['项目名称', '1-7月完成投资', '1-7月纳统投资', '是否开工'], ['石岛湾核电站扩建一期', 800, 650, '是'], ['乳山口大桥', 350, null, '是']],
    month: 7,
    withoutTotalInvestment: true,
  });
  ({ watched, page } = d);
});
afterEach(() => closeDispatchMonth(d));

describe('two figures in 月调度', () => {
  it('shows the 纳统 figure and the plan 1-M月, edits 纳统, and spreads a plan without a split as 设置 says', { timeout: 120_000 }, async () => {
    // Wide enough that the grid draws every column (it draws only the columns in view).
    await page.setViewportSize({ width: 2600, height: 900 });
    await expect.poll(() => cell(0, 'statisticsToDate').textContent()).toBe('650.00');
    expect(await cell(1, 'statisticsToDate').textContent()).toBe('—'); // none reported: not 0
    expect(await cell(0, 'plannedToDate').textContent()).toBe('616.67'); // 500 + 700 × 1/6, in the office's decimals
    expect(await cell(1, 'plannedToDate').textContent()).toBe('—');
    await expect.poll(() => page.getByTestId('dispatch-beside-annual').textContent()).toMatch(/1-7月纳统完成投资650万元（比调度数少500万元/);
    expect(await page.getByTestId('dispatch-beside-annual').textContent()).toMatch(/时序开工率100%/);

    await cell(1, 'statisticsToDate').click();
    await page.keyboard.press('F2');
    await page.locator('.ag-cell-inline-editing input').fill('300');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(1, 'statisticsToDate').textContent()).toBe('300.00');
    await expect.poll(() => page.getByTestId('dispatch-beside-annual').textContent()).toMatch(/1-7月纳统完成投资950万元（比调度数少200万元/);
    await expect.poll(() => page.getByTestId('dispatch-status').textContent()).toMatch(/已保存/);

    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByTestId('plan-split').getByLabel('年度计划按月平均').check();
    await page.getByRole('button', { name: '保存分月计划' }).click();
    await expect.poll(() => page.getByTestId('plan-split').textContent()).toMatch(/已保存/);
    await page.getByRole('button', { name: '月调度', exact: true }).click();
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('7');
    await expect.poll(() => cell(1, 'plannedToDate').textContent()).toBe('350.00'); // 600 × 7/12
    expect(watched.consoleErrors).toEqual([]);
  });
});
