/**
 * 台账 in Chromium through the harness: import a ledger workbook (previewed first), edit an item's
 * status, see the summary change; change a column's mapping in the preview, and status words from a
 * 进展情况 column land.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedPageForFile } from '../helpers/harness';
import { tempDir } from '../helpers/library';
import { buildWorkbook, seedLedgerWorkbook } from '../helpers/workbooks';

const session = servedPageForFile(() => undefined);
let page: Page;
let dir: string;
/** Reading a workbook (in a worker) takes seconds on a busy machine. */
const SLOW = { timeout: 20_000 };

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
    // The preview: into a new plan named after the file, every ledger's rows.
    const dialog = page.getByTestId('ledger-import-dialog');
    await expect.poll(() => dialog.getByLabel('导入到行动计划').inputValue(), SLOW).toBe('三年行动计划');
    expect(await dialog.getByTestId('ledger-import-summary').textContent()).toBe(
      '将新建行动计划“三年行动计划”，导入工作任务、重点任务、重点指标、试点示范、创新性工作台账：新增287项，更新0项，无变化0项。',
    );
    expect(await dialog.getByTestId('ledger-sheet-preview').count()).toBe(5);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('ledger-status').textContent(), SLOW).toMatch(/^已导入“三年行动计划”：工作任务168项，重点任务28项，重点指标55项，试点示范11项，创新性工作25项（\d\d:\d\d:\d\d）$/);
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

  it('previews a workbook with a column to map and statuses in 进展情况, and imports what it showed', async () => {
    const file = path.join(dir, '季度督查台账.xlsx');
    fs.writeFileSync(
      file,
      await buildWorkbook([
        {
          name: '重点任务',
          rows: [
            ['2024年二季度重点任务推进情况'],
            ['序号', '重点任务', '分管负责同志', '牵头单位', '进展情况'],
            [1, '建设海洋牧场示范区', '刘俊', '市海洋发展局', '按序时推进'],
            [2, '推进港口码头改造', '隋同朋', '市交通运输局', '进度滞后'],
            [3, '编制产业园区规划', '谷衍宁', '市发展改革委', '已完成'],
            [4, '组建产业联盟', '刘俊', '市工业和信息化局', '待定'],
          ],
        },
      ]),
    );
    await page.getByTestId('ledger-file').setInputFiles(file);
    const dialog = page.getByTestId('ledger-import-dialog');
    await dialog.waitFor(SLOW);
    // The plan shown is proposed; this file goes into a new one.
    await dialog.getByLabel('导入到行动计划').fill('季度督查');
    await dialog.getByLabel('导入到行动计划').press('Enter');
    await expect.poll(() => dialog.getByTestId('ledger-import-summary').textContent()).toBe('将新建行动计划“季度督查”，导入重点任务台账：新增4项，更新0项，无变化0项。');
    const rows = dialog.getByTestId('ledger-import-rows').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['4', '新增', '2', '推进港口码头改造', '滞后', '']);
    expect(await rows.nth(3).locator('td').nth(4).textContent()).toBe('');
    expect(await dialog.getByTestId('ledger-import-issues').textContent()).toBe('重点任务!E6: 推进状态“待定”无法识别（应为已完成、序时推进或滞后），推进状态留空，原文记入推进情况');
    // "分管负责同志" is not a name the importer knows: the user maps it to 分管市领导.
    const leader = dialog.getByLabel('“重点任务”C列导入为');
    expect(await leader.inputValue()).toBe('');
    expect(await dialog.getByLabel('“重点任务”E列导入为').inputValue()).toBe('status');
    await leader.selectOption('leader');
    await expect.poll(() => leader.inputValue()).toBe('leader');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('ledger-status').textContent(), SLOW).toMatch(/^已导入“季度督查”：重点任务4项（警告1条）（\d\d:\d\d:\d\d）$/);
    await expect.poll(() => page.getByLabel('行动计划').locator('option:checked').textContent()).toBe('季度督查');

    const db = session.served.ctx.library!.db;
    expect(db.prepare("SELECT content, leader, department, status, progress FROM ledger_items WHERE plan_id = (SELECT id FROM action_plans WHERE name = '季度督查') ORDER BY seq").all()).toEqual([
      { content: '建设海洋牧场示范区', leader: '刘俊', department: '市海洋发展局', status: 'onTrack', progress: null },
      { content: '推进港口码头改造', leader: '隋同朋', department: '市交通运输局', status: 'lagging', progress: null },
      { content: '编制产业园区规划', leader: '谷衍宁', department: '市发展改革委', status: 'done', progress: null },
      { content: '组建产业联盟', leader: '刘俊', department: '市工业和信息化局', status: null, progress: '待定' },
    ]);
    await page.getByRole('tab', { name: /^重点任务/ }).click();
    await expect.poll(() => cell(1, 'status').textContent()).toBe('滞后');
    expect(await cell(0, 'leader').textContent()).toBe('刘俊');
    expect(session.watched.consoleErrors).toEqual([]);
  });
});
