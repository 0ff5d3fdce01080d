/** Importing a district's workbook and exporting the grid, in Chromium through the harness. */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../electron/db/lists';
import { listProjectRows } from '../../electron/db/projects';
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-reader';
import { launchBrowser, openPage, type WatchedPage } from '../helpers/browser';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';
import { buildWorkbook } from '../helpers/workbooks';

let browser: Browser;
let served: ServedLibrary;
let watched: WatchedPage;
let page: Page;
const dbRows = () => listProjectRows(served.ctx.library!.db, 2026);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  served = await serveTempLibrary((lib) => ['荣成市', '高区'].forEach((d) => addDistrict(lib.ctx.library!.db, d)));
  watched = await openPage(browser, served.harness.url);
  page = watched.page;
  await page.getByLabel('年度', { exact: true }).selectOption('2026');
});
afterEach(async () => {
  await page.context().close();
  await served.stop();
});

async function pick(name: string, buffer: Buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

describe('import and export in Chromium', () => {
  it('previews a workbook, lets the user map a column, imports it, and exports what the grid shows', async () => {
    const wb = await buildWorkbook([
      {
        name: '2026年清单',
        rows: [
          ['2026年重点项目计划表'],
          ['序号', '项目名称', '县区', '总投资（亿元）', '年度投资', '<b>备注</b>'],
          [1, '石岛湾核电站扩建一期', '荣成市', 160.5, 12, '核电'],
          [2, '<img src=x onerror=alert(1)>海堤修复', '高区', 0.5, 0.2, ''],
        ],
      },
    ]);
    await pick('2026年清单.xlsx', wb);
    const dialog = page.getByTestId('import-dialog');
    await expect.poll(() => dialog.getByTestId('import-counts').textContent()).toMatch(/新增 2.*错误 0/);
    // "年度投资" is not a name the importer knows: the user maps column E to 年度计划投资 (in 亿元? no: 万元).
    await dialog.getByLabel('E列导入为').selectOption('annualPlan');
    await expect.poll(() => dialog.getByLabel('E列导入为').inputValue()).toBe('annualPlan');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入“2026年清单\.xlsx”：新增2个/);
    expect(dbRows().map((r) => [r.name, r.district, r.totalInvestment, r.annualPlan])).toEqual([
      ['石岛湾核电站扩建一期', '荣成市', 16_050_000_000, 120_000],
      ['<img src=x onerror=alert(1)>海堤修复', '高区', 50_000_000, 2_000],
    ]);
    // HTML in a name is text in the grid, never markup.
    await expect.poll(() => page.locator('.ag-row[row-index="1"] .ag-cell[col-id="name"]').textContent()).toBe('<img src=x onerror=alert(1)>海堤修复');
    expect(await page.locator('.ag-cell img').count()).toBe(0);

    // 导出… asks first: what is shown, in which unit.
    await page.getByRole('button', { name: '导出…' }).click();
    expect(await page.getByTestId('export-dialog').textContent()).toContain('导出表格当前显示的2个项目');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dialog').getByRole('button', { name: '导出' }).click()]);
    const file = await download.path();
    const sheet = readXlsx(fs.readFileSync(file)).sheets[0]!;
    expect(sheet.rows.some((r) => r.cells.some((c) => c?.t === 's' && c.v === '石岛湾核电站扩建一期'))).toBe(true);
    expect(download.suggestedFilename()).toBe('2026年重点项目清单.xlsx');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
  });

  it('shows every problem with its cell, refuses to import, and can import only the valid rows', async () => {
    const wb = await buildWorkbook([{ name: '清单', rows: [['项目名称', '总投资'], ['甲项目', '很多'], ['乙项目', 100]] }]);
    await pick('bad.xlsx', wb);
    const dialog = page.getByTestId('import-dialog');
    await expect.poll(() => dialog.getByTestId('import-issues').textContent()).toMatch(/清单!B2: 总投资：“很多”不是有效的金额/);
    expect(await dialog.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    // The list has no 年度计划投资 column: said first, and confirmed before anything is imported.
    expect(await dialog.getByRole('button', { name: /只导入无误的1行/ }).isDisabled()).toBe(true);
    await dialog.getByLabel(/确认这份清单没有年度计划投资/).check();
    await dialog.getByRole('button', { name: /只导入无误的1行/ }).click();
    await expect.poll(() => dbRows().map((r) => r.name)).toEqual(['乙项目']);
  });

  it('imports two districts’ dispatch sheets for a month at once', async () => {
    await pick('list.xlsx', await buildWorkbook([{ name: '清单', rows: [['项目名称', '所在区市', '建设性质'], ['甲项目', '荣成市', '新建'], ['乙项目', '高区', '续建']] }]));
    await page.getByTestId('import-dialog').getByLabel(/确认这份清单没有总投资/).check();
    await page.getByTestId('import-dialog').getByLabel(/确认这份清单没有年度计划投资/).check();
    await page.getByTestId('import-dialog').getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => dbRows().length).toBe(2);
    await page.getByRole('button', { name: '导入月调度…' }).click();
    await page.getByLabel('调度月份').selectOption('3');
    await page.getByRole('button', { name: '选择文件…' }).click();
    const sheet = async (name: string, amount: number) => ({
      name: `${name}.xlsx`,
      mimeType: 'application/octet-stream',
      buffer: await buildWorkbook([{ name: '3月', rows: [['项目名称', '1-3月完成投资', '是否开工'], [name, amount, '是']] }]),
    });
    await page.getByTestId('progress-files').setInputFiles([await sheet('甲项目', 12.5), await sheet('乙项目', 30)]);
    const dialog = page.getByTestId('progress-import-dialog');
    await expect.poll(() => dialog.getByTestId('progress-preview').count()).toBe(2);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入2026年3月调度：新报送2个/);
    const reports = served.ctx.library!.db.prepare('SELECT completed_to_date, started, resumed FROM progress_reports WHERE year = 2026 AND month = 3 ORDER BY project_id').all();
    expect(reports).toEqual([
      { completed_to_date: 125_000, started: 1, resumed: 0 },
      { completed_to_date: 300_000, started: 0, resumed: 1 },
    ]);
  });

  it('a two-row header under a merged band: sums beside the sheet’s 合计, the first rows as stored, imported into the past year the file names', async () => {
    const wb = await buildWorkbook([
      {
        name: '清单',
        rows: [
          ['2019年重点项目计划表'],
          ['序号', '项目名称', '投资情况（亿元）', null],
          [null, null, '总投资', '2019年计划投资'],
          ['合计', null, 10.5, 2.25],
          ['荣成市（2项）'],
          [1, '荣成 海洋牧场', 10, 2],
          [2, '石岛湾渔港', 0.5, 0.25],
        ],
        merges: ['A1:D1', 'A2:A3', 'B2:B3', 'C2:D2', 'A5:D5'],
      },
    ]);
    await pick('2019年清单.xlsx', wb);
    const dialog = page.getByTestId('import-dialog');
    await expect.poll(() => dialog.getByTestId('import-sums').textContent()).toMatch(/总投资.*亿元.*105,000.*10\.5.*C4：105,000万元（一致）/);
    expect(await dialog.getByTestId('import-sample').textContent()).toMatch(/荣成海洋牧场.*100,000万元.*20,000万元/);
    expect(await dialog.getByTestId('import-missing').count()).toBe(0);
    await expect.poll(() => dialog.getByTestId('import-year-hint').textContent()).toMatch(/文件中写的是2019年/);
    await dialog.getByRole('button', { name: '改为导入2019年' }).click();
    await expect.poll(() => dialog.getByLabel('导入到年度').inputValue()).toBe('2019');
    await expect.poll(() => dialog.getByTestId('import-counts').textContent()).toMatch(/新增 2.*错误 0/);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByLabel('年度', { exact: true }).inputValue()).toBe('2019');
    expect(listProjectRows(served.ctx.library!.db, 2019).map((r) => [r.name, r.district, r.totalInvestment, r.annualPlan])).toEqual([
      ['荣成海洋牧场', '荣成市', 1_000_000_000, 200_000_000],
      ['石岛湾渔港', '荣成市', 50_000_000, 25_000_000],
    ]);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('refuses a file that is not a workbook with a message naming it', async () => {
    // Formats are told by content, not by name (a CSV named .xlsx is read as the CSV it is), so
    // the refused file is one no reader takes: a picture renamed .xlsx.
    await pick('伪装.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/“伪装\.xlsx”无法导入：不是文本文件（含有二进制内容）/);
    expect(dbRows()).toEqual([]);
  });
});
