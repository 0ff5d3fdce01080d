/**
 * 月调度's own import and templates in Chromium through the harness: 生成填报模板… for one district
 * and for all (each file opened with exceljs), the districts fill them in, 导入调度表… takes both at
 * once for the month shown and the grid shows their figures; a closed month refuses the import.
 */
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, type WatchedPage } from '../helpers/browser';
import { closeDispatchMonth, dispatchCell, openDispatchMonth, type DispatchPage } from '../helpers/dispatch-page';

let browser: Browser;
let d: DispatchPage;
let watched: WatchedPage;
let page: Page;
/** Reading a workbook (in a worker) or writing one takes seconds on a busy machine. */
const SLOW = { timeout: 20_000 };
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
      ['项目编号', '项目名称', '所在区市', '建设性质', '总投资', '年度计划投资'],
      ['RC-01', '石岛湾核电站扩建一期', '荣成市', '续建', 50000, 1200],
      ['RC-02', '荣成海洋食品产业园', '荣成市', '新建', 8000, 900],
      ['RS-01', '乳山口大桥', '乳山市', '续建', 9000, 600],
    ],
    july: [['项目名称', '1-7月完成投资', '是否开工'], ['石岛湾核电站扩建一期', 200, '是'], ['乳山口大桥', 350, '是']],
    month: 8,
  });
  ({ watched, page } = d);
});
afterEach(() => closeDispatchMonth(d));

/** Generate templates from the dialog with the given choice; returns the downloads in order. */
async function generate(choice: string, files: number): Promise<Download[]> {
  await page.getByRole('button', { name: '生成填报模板…' }).click();
  const dialog = page.getByTestId('template-dialog');
  await dialog.getByLabel('填报模板区市').selectOption({ label: choice });
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  await dialog.getByRole('button', { name: '生成', exact: true }).click();
  await expect.poll(() => downloads.length, SLOW).toBe(files);
  await expect.poll(() => dialog.count()).toBe(0);
  page.off('download', onDownload);
  return downloads;
}

async function openTemplate(d: Download): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await d.path());
  return wb;
}

const names = (ws: ExcelJS.Worksheet) => [4, 5, 6].map((r) => ws.getCell(`C${r}`).value).filter((v) => v !== null);

describe('月调度: templates and the import of the districts’ sheets', () => {
  it('says what it will make, makes one template per district, and imports two districts’ filled-in sheets at once', async () => {
    // One district: the dialog says what it will do before it does it.
    await page.getByRole('button', { name: '生成填报模板…' }).click();
    const dialog = page.getByTestId('template-dialog');
    await dialog.getByLabel('填报模板区市').selectOption({ label: '荣成市（2个项目）' });
    expect(await dialog.getByTestId('template-plan').textContent()).toMatch(/^将生成1个文件（每个区市一个），共2个项目：荣成市。.*1-8月完成投资.*文件将下载到浏览器的下载文件夹。$/);
    await dialog.getByRole('button', { name: '取消' }).click();
    const [one] = await generate('荣成市（2个项目）', 1);
    expect(one!.suggestedFilename()).toBe('荣成市2024年8月调度填报模板.xlsx');
    const rongcheng = (await openTemplate(one!)).getWorksheet('填报')!;
    expect(rongcheng.getCell('A1').value).toBe('2024年8月重点项目调度填报表（荣成市）');
    expect(names(rongcheng)).toEqual(['石岛湾核电站扩建一期', '荣成海洋食品产业园']);
    expect(rongcheng.getCell('G4').value).toBe(200); // July's figure, shown
    await expect.poll(() => page.getByTestId('dispatch-status').textContent()).toBe('已生成2024年8月填报模板：“荣成市2024年8月调度填报模板.xlsx”');

    // 全部区市: one file each.
    const all = await generate('全部区市（2个文件）', 2);
    expect(all.map((d) => d.suggestedFilename())).toEqual(['荣成市2024年8月调度填报模板.xlsx', '乳山市2024年8月调度填报模板.xlsx']);
    const [rc, rs] = await Promise.all(all.map(openTemplate));
    expect(names(rs!.getWorksheet('填报')!)).toEqual(['乳山口大桥']);

    // The districts fill them in and send them back; both are imported at once from 月调度.
    const fill = async (wb: ExcelJS.Workbook, amounts: number[]) => {
      const ws = wb.getWorksheet('填报')!;
      amounts.forEach((a, i) => {
        ws.getCell(`H${4 + i}`).value = a;
        ws.getCell(`I${4 + i}`).value = '是';
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await page.getByTestId('dispatch-import-files').setInputFiles([
      { name: '荣成市.xlsx', mimeType: type, buffer: await fill(rc!, [900, 150.5]) },
      { name: '乳山市.xlsx', mimeType: type, buffer: await fill(rs!, [450]) },
    ]);
    const preview = page.getByTestId('progress-import-dialog');
    await expect.poll(() => preview.getByTestId('progress-preview').count(), SLOW).toBe(2);
    expect(await preview.getByRole('heading').first().textContent()).toBe('导入2024年8月调度（2个文件）');
    await preview.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('dispatch-status').textContent(), SLOW).toMatch(/^已导入2024年8月调度（2个文件）：新报送3个，更新0个，无变化0个（\d\d:\d\d:\d\d）$/);
    // The grid shows the month as imported, without reopening the screen.
    await expect.poll(() => cell(0, 'completedToDate').textContent()).toBe('900.00'); // a money column's cells all carry the office's decimals (口径)
    expect(await cell(0, 'increment').textContent()).toBe('700.00');
    expect(await cell(1, 'completedToDate').textContent()).toBe('150.50');
    expect(await cell(2, 'completedToDate').textContent()).toBe('450.00');
    expect(await cell(2, 'increment').textContent()).toBe('100.00');
    await expect.poll(() => page.getByTestId('dispatch-headline').textContent()).toMatch(/未报送0个/);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
  });

  it('disables 导入调度表… on a closed month, saying why', async () => {
    const button = page.getByRole('button', { name: '导入调度表…' });
    expect(await button.isDisabled()).toBe(false);
    await page.getByRole('button', { name: '关账…', exact: true }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '关账' }).click();
    await expect.poll(() => button.isDisabled(), SLOW).toBe(true);
    expect(await button.getAttribute('title')).toBe('8月已关账，不能导入调度表；如需导入，请先重新开账');
    // Another month is open: the button is back.
    await page.getByLabel('调度月份选择').selectOption('9');
    await expect.poll(() => button.isDisabled(), SLOW).toBe(false);
  });
});
