/** 月调度 and 赛马 in Chromium through the harness. */
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
      ['项目名称', '所在区市', '建设性质', '年度计划投资'],
      ['石岛湾核电站扩建一期', '荣成市', '续建', 1200],
      ['乳山口大桥', '乳山市', '续建', 600],
    ],
    july: [['项目名称', '1-7月完成投资', '是否开工'], ['石岛湾核电站扩建一期', 200, '是'], ['乳山口大桥', 350, '是']],
    month: 8,
    withoutTotalInvestment: true,
  });
  ({ watched, page } = d);
});
afterEach(() => closeDispatchMonth(d));

describe('月调度 in Chromium', () => {
  it('edits a month’s figure and sees the colour change; a closed month cannot be edited', async () => {
    // In August, 200 of 1200 done (16.7%) is 50 points behind time progress: red, unreported.
    await expect.poll(() => cell(0, 'warning').textContent()).toBe('红');
    expect(await cell(0, 'reported').textContent()).toBe('未报送');
    expect(await cell(0, 'completedLastMonth').textContent()).toBe('200.00');
    await expect.poll(() => page.getByTestId('dispatch-headline').textContent()).toMatch(/未报送2个/);

    await cell(0, 'completedToDate').click();
    await page.keyboard.press('F2');
    await page.locator('.ag-cell-inline-editing input').fill('900');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'warning').textContent()).toBe('绿');
    expect(await cell(0, 'increment').textContent()).toBe('700.00');
    expect(await cell(0, 'reported').textContent()).toBe('已报送');
    await expect.poll(() => page.getByTestId('dispatch-headline').textContent()).toMatch(/未报送1个/);

    await page.getByRole('button', { name: '关账' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '关账' }).click();
    await expect.poll(() => page.getByTestId('closed-badge').textContent()).toBe('8月已关账');
    await cell(1, 'completedToDate').click();
    await page.keyboard.press('F2');
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);

    // Undo is refused too while the month is closed.
    await cell(1, 'name').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('dispatch-status').textContent()).toMatch(/已关账/);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('shows the warning reason as a filterable column, keeps a refused figure open, and has 撤销/重做 buttons', async () => {
    await expect.poll(() => cell(0, 'warningReason').textContent()).toMatch(/^投资完成率16.7%.*低于时序进度50个百分点/);
    // Filter on the reason: only the red project is left.
    const reasonFilter = page.locator('[data-testid="dispatch-grid"] .ag-header-cell[col-id="warningReason"] input[type="text"]').first();
    await reasonFilter.fill('低于时序进度50');
    await expect.poll(() => page.locator('[data-testid="dispatch-grid"] .ag-grid-scrolling-container .ag-row').count()).toBe(1);
    await reasonFilter.fill('');

    const undo = page.getByRole('button', { name: '撤销', exact: true });
    await cell(1, 'completedToDate').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-error').textContent()).toMatch(/累计完成投资：“abc”/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(1, 'increment').textContent()).toBe('150.00');
    await expect.poll(() => undo.getAttribute('title')).toMatch(/^撤销：.*乳山口大桥/);
    await undo.click();
    await expect.poll(() => cell(1, 'increment').textContent()).toBe('0.00');
    await expect.poll(() => page.getByTestId('dispatch-status').textContent()).toMatch(/已撤销/);
    await page.getByRole('button', { name: '重做', exact: true }).click();
    await expect.poll(() => cell(1, 'increment').textContent()).toBe('150.00');
  });

  it('ranks districts in 赛马', async () => {
    await page.getByRole('button', { name: '赛马', exact: true }).click();
    await page.getByLabel('赛马年度').selectOption('2024');
    await page.getByLabel('赛马月份').selectOption('7');
    const rows = page.getByTestId('rank-districts').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('乳山市'); // 350/600 ahead of 200/1200
    expect(await rows.nth(0).locator('td').nth(5).textContent()).toBe('58.3%');
    // One unit per column, in its header; every cell alike (亿元, two decimals).
    expect(await page.getByTestId('rank-districts').locator('th').nth(3).textContent()).toBe('年度计划投资（亿元）');
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toBe('0.06');
  });
});

describe('预警规则 in Chromium', () => {
  it('changes a threshold in 设置 and the colour follows', async () => {
    // 石岛湾: 200 of 1200 by July (16.7% vs 58.3%: 41.7 points behind): red by default.
    await page.getByLabel('调度月份选择').selectOption('7');
    await expect.poll(() => cell(0, 'warning').textContent()).toBe('红');
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByLabel('红色落后百分点').fill('50');
    await page.getByRole('button', { name: '保存预警规则' }).click();
    await expect.poll(() => page.getByTestId('thresholds').textContent()).toMatch(/已保存/);
    await page.getByRole('button', { name: '月调度', exact: true }).click();
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('7');
    await expect.poll(() => cell(0, 'warning').textContent()).toBe('黄');
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByLabel('黄色落后百分点').fill('60');
    await page.getByRole('button', { name: '保存预警规则' }).click();
    await expect.poll(() => page.getByText(/黄色预警的落后百分点不能大于红色预警/).count()).toBe(1);
    // Another form: a share of 序时 instead of points (16.7% is 28.6% of 58.3%, below 60%: red).
    await page.getByLabel('黄色落后百分点').fill('10');
    await page.getByLabel('启用低于序时进度（百分点）').uncheck();
    await page.getByLabel('启用低于序时进度的比例').check();
    await page.getByRole('button', { name: '保存预警规则' }).click();
    await expect.poll(() => page.getByTestId('thresholds').textContent()).toMatch(/已保存/);
    await page.getByRole('button', { name: '月调度', exact: true }).click();
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('7');
    await expect.poll(() => cell(0, 'warning').textContent()).toBe('红');
  });
});

describe('口径 in Chromium', () => {
  it('changes the office’s style in 设置 and 月调度’s headline follows', async () => {
    await page.getByLabel('调度月份选择').selectOption('7');
    // 550 of 1800 by July: 30.6% against 58.3%.
    await expect.poll(() => page.getByTestId('dispatch-headline').textContent()).toMatch(/投资完成率30\.6%（时序进度58\.3%），低于时序进度27\.8个百分点/);
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByLabel('时序进度', { exact: true }).selectOption({ label: '保留2位小数（58.33%）' });
    await expect.poll(() => page.getByTestId('number-style').textContent()).toMatch(/已保存/);
    await page.getByLabel('百分比', { exact: true }).selectOption({ label: '保留2位小数（89.53%）' });
    await page.getByLabel('计数单位', { exact: true }).selectOption({ label: '宗' });
    await expect.poll(() => page.getByTestId('number-style-example').textContent()).toMatch(/重点项目896宗/);
    await page.getByRole('button', { name: '月调度', exact: true }).click();
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('7');
    await expect.poll(() => page.getByTestId('dispatch-headline').textContent()).toMatch(/重点项目2宗，未报送0宗.*投资完成率30\.56%（时序进度58\.33%），低于时序进度27\.78个百分点/);
  });
});
