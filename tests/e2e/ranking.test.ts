/** 赛马 in Chromium over the demo city: exported to .xlsx and read back, printable, each row opening its projects. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { ranking } from '../../electron/services/statistics';
import { formatPercent } from '../../shared/format';
import { dispatch } from '../../electron/services/handlers';
import { servedPageForFile } from '../helpers/harness';

const it$ = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));

async function openRanking() {
  const page = it$.page;
  await page.getByRole('button', { name: '赛马', exact: true }).click();
  await page.getByLabel('赛马年度').selectOption('2024');
  await page.getByLabel('赛马月份').selectOption('8');
  await page.getByTestId('rank-districts').locator('tbody tr').first().waitFor();
  return page;
}

describe('赛马', () => {
  it('导出… asks, then gives both tables as .xlsx: the screen’s cells in the office’s style (unit, decimals, percentages)', async () => {
    // An office that writes 万元 with one decimal and percentages with two (设置 > 口径).
    await dispatch(it$.served.ctx, 'settings.setStyle', { tableUnit: '万元', wanDecimals: 1, percentDecimals: 2, thousands: true });
    await it$.page.reload();
    const page = await openRanking();
    const expected = ranking(it$.served.ctx, 2024, 8);
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain(`2024年1-8月的区市赛马（${expected.districts.length}个区市）`);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toBe('2024年1-8月赛马.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['区市赛马', '牵头部门赛马']);
    const sheet = wb.getWorksheet('区市赛马')!;
    expect(sheet.getCell('A1').value).toBe('2024年1-8月区市赛马');
    const headers = await page.getByTestId('rank-districts').locator('thead th').allTextContents();
    expect(sheet.getRow(2).values).toEqual([undefined, ...headers]);
    expect(headers).toEqual(['名次', '区市', '项目数', '年度计划投资（万元）', '完成投资（万元）', '完成率', '与时序进度比', '开复工率', '红色预警', '黄色预警']);
    const first = expected.districts[0]!;
    const row = sheet.getRow(3);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([1, first.key, first.projects, first.annualPlan / 10_000, first.completedToDate / 10_000]);
    // Amounts and rates as numbers, formatted as the office writes them; Excel shows what the screen shows.
    expect([row.getCell(4).numFmt, row.getCell(5).numFmt, row.getCell(6).numFmt, row.getCell(8).numFmt]).toEqual(['#,##0.0', '#,##0.0', '0.00%', '0.00%']);
    const shown = await page.getByTestId('rank-districts').locator('tbody tr').first().locator('td').allTextContents();
    // The number the screen writes (every cell of the column with the office's decimals, "100.00%", as Excel shows it).
    const asScreen = (v: unknown) => Number(((v as number) * 100).toFixed(2));
    expect([asScreen(row.getCell(6).value), row.getCell(7).value, asScreen(row.getCell(8).value)]).toEqual([Number(shown[5]!.slice(0, -1)), shown[6], Number(shown[7]!.slice(0, -1))]);
    expect(shown[5]).toBe(formatPercent(first.completedToDate, first.annualPlan, 2, true));
    expect(sheet.rowCount).toBe(2 + expected.districts.length);
    expect(sheet.pageSetup.paperSize).toBe(9); // A4
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(shown[1]).toBe(first.key);
    expect(await page.getByTestId('ranking-status').textContent()).toBe('已生成“2024年1-8月赛马.xlsx”');
    await dispatch(it$.served.ctx, 'settings.setStyle', { tableUnit: '亿元', wanDecimals: 2, percentDecimals: 1 });
    await it$.page.reload();
  });

  it('each row opens its projects, and from there the 项目库', async () => {
    const page = await openRanking();
    const first = ranking(it$.served.ctx, 2024, 8).leadDepartments[0]!;
    await page.getByTestId('rank-departments').locator('tbody tr').first().click();
    const dialog = page.getByTestId('drill-dialog');
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(first.projects);
    expect(await dialog.getByRole('heading').textContent()).toBe(`2024年1-8月${first.key}：${first.projects}个项目`);
    await dialog.getByRole('button', { name: '在项目库中编辑' }).click();
    await expect.poll(() => page.getByTestId('totals').textContent()).toMatch(new RegExp(`合计（${first.projects}个项目）`));
  });

  it('prints on A4 with its title and period, without the toolbar', async () => {
    const page = await openRanking();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ranking-screen h1.print-only').textContent()).toContain('2024年1-8月重点项目赛马');
    expect(await page.locator('.ranking-screen h1.print-only').isVisible()).toBe(true);
    expect(await page.locator('.ranking-screen .toolbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });
});
