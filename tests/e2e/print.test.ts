/**
 * Every screen prints with its title, period and filter on top and its page number on every
 * page, on A4: printed by Chromium (page.pdf, the page's own @page rules) and read back with
 * pdftotext, for the project list, 月调度, 统计分析 and 赛马. The grids print every row.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
let page: Page;
beforeAll(() => {
  page = session.page;
});

/** The page as Chromium prints it: its text (layout kept) and its number of pages. */
async function printed(): Promise<{ text: string; pages: number; pageTexts: string[]; rows: string[] }> {
  await page.emulateMedia({ media: 'print' });
  // The grids switch to their print layout on the media change; let them lay out every row.
  await page.waitForTimeout(800);
  const rows = await page.locator('.ag-row[row-id]:not(.ag-row-pinned)').evaluateAll((r) => r.map((row) => row.getAttribute('row-id') ?? ''));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = path.join(os.tmpdir(), `kpw-print-${process.pid}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    // A4 portrait: 595 × 842 points.
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { text, pages, pageTexts: text.split('\f').filter((t) => t.trim()), rows };
  } finally {
    fs.rmSync(file);
  }
}

/** Every page says its number and the count: "第 n 页，共 N 页". */
function expectPageNumbers(result: { pages: number; pageTexts: string[] }) {
  expect(result.pageTexts.length).toBe(result.pages);
  result.pageTexts.forEach((t, i) => expect(t.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`第 ${i + 1} 页，共 ${result.pages} 页`));
}

describe('printing on A4', () => {
  it('项目库: title, year, the quick search as the filter, every matching row, page numbers', async () => {
    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    const search = page.locator('input[type="search"]');
    await search.fill('荣成市');
    await expect.poll(() => page.locator('[data-testid="project-grid"] .ag-row:not(.ag-row-pinned)').count()).toBeGreaterThan(5);
    const result = await printed();
    expect(result.text).toContain('2024年重点项目清单');
    expect(result.text).toContain('统计期：2024年');
    expect(result.text).toContain('筛选：搜索“荣成市”');
    expectPageNumbers(result);
    // Every row found, not only the few on screen: each of the demo's 荣成市 projects of 2024.
    const expected = (await session.served.ctx.library!.db.prepare("SELECT count(*) FROM projects p JOIN year_plans y ON y.project_id = p.id AND y.year = 2024 JOIN districts d ON d.id = p.district_id WHERE d.name = '荣成市'").pluck().get()) as number;
    expect(expected).toBeGreaterThan(50);
    expect(new Set(result.rows).size).toBeGreaterThanOrEqual(expected);
    expect(result.text.split('荣成市').length - 1).toBeGreaterThanOrEqual(expected);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.pages).toBeLessThanOrEqual(20);
    await search.fill('');
  }, 60_000);

  it('月调度: title, period and the filter chosen, page numbers', async () => {
    await page.getByRole('button', { name: '月调度', exact: true }).click();
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('8');
    await page.getByLabel('只看预警和未报送').check();
    await expect.poll(() => page.locator('[data-testid="dispatch-grid"] .ag-row').count()).toBeGreaterThan(5);
    const result = await printed();
    expect(result.text).toContain('2024年8月重点项目调度');
    expect(result.text).toContain('统计期：2024年1-8月');
    expect(result.text).toContain('筛选：只看预警和未报送');
    expectPageNumbers(result);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.pages).toBeLessThanOrEqual(40);
    await page.getByLabel('只看预警和未报送').uncheck();
  }, 150_000); // printing ~460 rows through page.pdf takes most of a minute on a shared machine

  it('统计分析: title, period and the filter, on one or two pages', async () => {
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await page.getByLabel('分析年度').selectOption('2024');
    await page.getByLabel('分析月份').selectOption('8');
    await page.getByLabel('区市筛选').selectOption('荣成市');
    await expect.poll(() => page.locator('.chart-card svg').count(), { timeout: 15_000 }).toBe(8);
    const result = await printed();
    expect(result.text).toContain('2024年1-8月重点项目建设情况分析');
    expect(result.text).toContain('统计期：2024年1-8月');
    expect(result.text).toContain('筛选：区市：荣成市');
    expectPageNumbers(result);
    expect(result.pages).toBeLessThanOrEqual(2);
    await page.getByLabel('区市筛选').selectOption('');
  }, 60_000);

  it('赛马: title, period, both tables, page numbers', async () => {
    await page.getByRole('button', { name: '赛马', exact: true }).click();
    await page.getByLabel('赛马年度').selectOption('2024');
    await page.getByLabel('赛马月份').selectOption('8');
    await expect.poll(() => page.getByTestId('rank-districts').locator('tbody tr').count()).toBe(8);
    const result = await printed();
    expect(result.text).toContain('2024年1-8月重点项目赛马');
    expect(result.text).toContain('统计期：2024年1-8月');
    expect(result.text).toContain('筛选：全部项目');
    expect(result.text).toContain('牵头部门赛马');
    expectPageNumbers(result);
    expect(result.pages).toBeLessThanOrEqual(3);
  }, 60_000);
});
