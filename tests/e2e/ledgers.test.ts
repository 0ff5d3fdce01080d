/** 台账 in Chromium through the harness: import a ledger workbook, edit an item's status, see the summary change. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedPageForFile } from '../helpers/harness';
import { tempDir } from '../helpers/library';
import { seedLedgerWorkbook } from '../helpers/workbooks';

const session = servedPageForFile(() => undefined);
let page: Page;
let dir: string;

beforeAll(async () => {
  page = session.page;
  dir = tempDir('kpw-ledger-e2e-');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const cell = (row: number, col: string) => page.locator(`[data-testid="ledger-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);

describe('台账 in Chromium', () => {
  it('imports a workbook, edits an item’s status and sees the summary change', async () => {
    await page.getByRole('button', { name: '台账', exact: true }).click();
    const file = path.join(dir, '三年行动计划台账.xlsx');
    fs.writeFileSync(file, await seedLedgerWorkbook());
    await page.getByTestId('ledger-file').setInputFiles(file);
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.locator('input').fill('三年行动计划');
    await prompt.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('ledger-status').textContent()).toBe('已导入“三年行动计划”：工作任务168项，重点任务28项，重点指标55项，试点示范11项，创新性工作25项');
    await expect.poll(() => page.getByRole('tab', { name: /^重点指标/ }).textContent()).toBe('重点指标（55）');
    const headline = page.getByTestId('ledger-headline');
    await expect.poll(() => headline.textContent()).toMatch(/^工作任务共168项：已完成(\d+)项，序时推进(\d+)项，滞后(\d+)项，未填报(\d+)项$/);
    const [done, , lagging] = /已完成(\d+)项，序时推进(\d+)项，滞后(\d+)项/.exec((await headline.textContent())!)!.slice(1).map(Number);
    // Row 1 (item 2) is 滞后 in the workbook: make it 已完成.
    expect(await cell(1, 'status').textContent()).toBe('滞后');
    await cell(1, 'status').dblclick();
    await page.locator('.ag-cell-inline-editing .ag-picker-field-wrapper').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator('.ag-popup .ag-select-list-item', { hasText: '已完成' }).click();
    await expect.poll(() => headline.textContent()).toContain(`已完成${done! + 1}项`);
    expect(await headline.textContent()).toContain(`滞后${lagging! - 1}项`);
    await expect.poll(() => cell(1, 'status').textContent()).toBe('已完成');
    expect(session.watched.consoleErrors).toEqual([]);
    expect(session.watched.outsideRequests).toEqual([]);
  });
});
