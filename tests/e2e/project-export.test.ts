/**
 * "导出" writes what was seen, in Chromium, read back with exceljs: 统计分析's 导出这些项目 the
 * dialog's columns (完成投资, 完成率, 预警 too) in its unit; 项目库's 导出… the grid's columns in
 * their order (a column moved by dragging its header moves in the workbook) in the unit shown.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import { FIELD_BY_KEY, PROJECT_FIELDS, type ProjectField } from '../../shared/fields';
import { percent } from '../../shared/phrases';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));

async function sheetOf(download: Download): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const texts = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

async function headerBox(page: Page, colId: string) {
  // The first of the column's header cells (the second is its floating filter's).
  const box = await page.locator(`.ag-header-cell[col-id="${colId}"]`).first().boundingBox();
  if (!box) throw new Error(`header ${colId} not drawn`);
  return box;
}

describe('exports of what is shown', () => {
  it('导出这些项目 writes the dialog’s columns, 完成投资, 完成率 and 预警 included, in the dialog’s unit', async () => {
    const page = session.page;
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await page.getByLabel('分析年度').selectOption('2024');
    await page.getByLabel('分析月份').selectOption('8');
    await page.getByLabel('区市筛选').selectOption('荣成市');
    await page.getByTestId('stat-cards').getByRole('button', { name: /重点项目/ }).click();
    const dialog = page.getByTestId('drill-dialog');
    const expected = projectsBehind(session.served.ctx, { year: 2024, month: 8, filter: { districts: ['荣成市'] } });
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(expected.length);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出这些项目…' }).click()]);
    const sheet = await sheetOf(download);
    const shownHeaders = await dialog.locator('thead th').allTextContents();
    expect(texts(sheet.getRow(3))).toEqual(['序号', ...shownHeaders]);
    expect(shownHeaders).toEqual(['项目名称', '所在区市', '项目类别', '年度计划投资（亿元）', '完成投资（亿元）', '完成率', '预警']);
    expect(sheet.getCell('A2').value).toBe('单位：亿元');
    expect(sheet.rowCount).toBe(3 + expected.length);
    // Row by row what the dialog shows: amounts as numbers in 亿元 (two decimals shown), the rate as a percentage.
    const first = await dialog.locator('tbody tr').first().locator('td').allTextContents();
    const row = sheet.getRow(4);
    const p = expected.find((f) => f.name === first[0])!;
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([first[0], first[1], first[2] || null]);
    expect([row.getCell(5).value, row.getCell(6).value]).toEqual([p.annualPlan / 100_000_000, p.completedToDate / 100_000_000]);
    expect([row.getCell(5).numFmt, row.getCell(6).numFmt]).toEqual(['#,##0.00', '#,##0.00']);
    expect((row.getCell(5).value as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe(first[3]);
    expect(row.getCell(7).numFmt).toBe('0.0%');
    // The cell holds the rate as shown (to 0.1%); the dialog writes it through the phrase library ("80%", "72.5%").
    expect(Math.abs((row.getCell(7).value as number) - p.completedToDate / p.annualPlan)).toBeLessThanOrEqual(0.0005);
    expect(percent(p.completedToDate, p.annualPlan)).toBe(first[5]);
    expect(row.getCell(8).value).toBe(first[6]);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('项目库’s 导出… writes the grid’s columns in their order, a moved one where it was put, in the unit shown', async () => {
    const page = session.page;
    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    await page.getByRole('group', { name: '金额单位' }).getByRole('button', { name: '亿元' }).click();
    await page.getByLabel('快速查找').fill('荣成');
    // Drag 所在区市 before 项目编号, as a user rearranges the grid.
    const from = await headerBox(page, 'district');
    const to = await headerBox(page, 'code');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + from.width / 2 + ((to.x + 5 - from.x - from.width / 2) * i) / 12, from.y + from.height / 2);
    await page.mouse.up();
    await expect.poll(async () => (await headerBox(page, 'district')).x < (await headerBox(page, 'code')).x).toBe(true);

    await page.getByRole('button', { name: '导出…' }).click();
    expect(await page.getByTestId('export-dialog').getByLabel('导出金额单位').inputValue()).toBe('亿元');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dialog').getByRole('button', { name: '导出' }).click()]);
    const sheet = await sheetOf(download);
    // As the grid shows them: 项目名称 pinned at the left, then the rest with 所在区市 moved before 项目编号.
    const keys: ProjectField[] = PROJECT_FIELDS.map((f) => f.key).filter((k) => k !== 'district' && k !== 'name');
    keys.splice(keys.indexOf('code'), 0, 'district');
    keys.unshift('name');
    const headers = keys.map((k) => (FIELD_BY_KEY[k].kind === 'money' ? `${FIELD_BY_KEY[k].label}（亿元）` : FIELD_BY_KEY[k].label));
    expect(texts(sheet.getRow(3))).toEqual(['序号', ...headers]);
    expect(sheet.getCell('A2').value).toBe('单位：亿元');
    const totalColumn = keys.indexOf('totalInvestment') + 2;
    const named = sheet.getRow(4).getCell(keys.indexOf('name') + 2).value as string;
    const project = session.served.ctx.library!.db.prepare('SELECT total_investment FROM projects WHERE name = ?').pluck().get(named) as number;
    expect(sheet.getRow(4).getCell(totalColumn).value).toBe(project / 100_000_000);
    expect(sheet.getRow(4).getCell(totalColumn).numFmt).toBe('#,##0.00');
    expect(session.watched.consoleErrors).toEqual([]);
  });
});
