/** 督办 in Chromium through the harness: a notice sent for a red project, answered, returned, redone, accepted and closed. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
let page: Page;

beforeAll(async () => {
  page = session.page;
});

const grid = () => page.getByTestId('supervision-grid');
const cell = (row: number, col: string) => grid().locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
const headline = () => page.getByTestId('supervision-headline').textContent();

describe('督办 in Chromium', () => {
  it('runs a notice through the loop, each step in the grid and the headline', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: '督办', exact: true }).click();
    await page.getByLabel('督办年度').selectOption('2024');
    await page.getByLabel('督办月份').selectOption('8');
    await expect.poll(headline).toBe('2024年尚未下发督办单。');

    await page.getByRole('button', { name: '下发督办单…' }).click();
    const dialog = page.getByTestId('issue-supervision');
    // The project list offers the lagging projects first; take the first one offered.
    const first = await dialog.locator('#supervision-projects option').first().getAttribute('value');
    await dialog.getByLabel('项目名称').fill(first!);
    await dialog.getByLabel('下发日期').fill('2024年9月5日');
    await dialog.getByLabel('办理时限').fill('2024年9月20日');
    await dialog.getByRole('button', { name: '下发' }).click();
    await expect.poll(() => page.getByTestId('supervision-status').textContent()).toMatch(/^已向“.+”下发.色督办单2024-001，2024年9月20日前办理$/);
    await expect.poll(() => cell(0, 'projectName').textContent()).toBe(first);
    expect(await cell(0, 'status').textContent()).toMatch(/^待反馈/);

    await cell(0, 'number').click();
    await page.getByRole('button', { name: '登记反馈…' }).click();
    await page.getByTestId('supervision-text').getByLabel('反馈内容').fill('已落实用地指标');
    await page.getByTestId('supervision-text').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => cell(0, 'status').textContent()).toBe('已反馈待审核');
    await page.getByRole('button', { name: '退回重办…' }).click();
    await page.getByTestId('supervision-text').getByLabel('退回原因').fill('未写明开工时间');
    await page.getByTestId('supervision-text').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => cell(0, 'status').textContent()).toMatch(/^退回重办/);
    await expect.poll(() => page.getByTestId('supervision-status').textContent()).toBe('已退回督办2024-001，请责任单位重新反馈');
    await page.getByRole('button', { name: '登记反馈…' }).click();
    await page.getByTestId('supervision-text').getByLabel('反馈内容').fill('10月15日开工');
    await page.getByTestId('supervision-text').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => cell(0, 'status').textContent()).toBe('已反馈待审核');
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => cell(0, 'status').textContent()).toBe('审核通过');
    await page.getByRole('button', { name: '办结' }).click();
    await expect.poll(headline).toBe('2024年共下发督办单、预警通知书1份：待反馈0份（其中逾期0份），待审核0份，已办结1份。');
    // Undo from the keyboard takes the closing back.
    await cell(0, 'number').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(0, 'status').textContent()).toBe('审核通过');
    expect(session.watched.consoleErrors).toEqual([]);
  });
});
