/** 统计分析 in Chromium through the harness, over the demo city. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
const served = () => session.served;
let page: Page;

beforeAll(async () => {
  page = session.page;
  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  await page.getByLabel('分析年度').selectOption('2024');
  await page.getByLabel('分析月份').selectOption('8');
});

/** Click the bar above a district's axis label until the projects dialog opens (the chart may still be settling its layout). */
async function clickDistrictBar(district: string): Promise<void> {
  const labels = page.getByTestId('chart-districtRace').locator('svg text', { hasText: new RegExp(`^${district}$`) });
  await expect
    .poll(async () => {
      let box: { x: number; y: number; width: number; height: number } | null = null;
      for (let i = 0; i < (await labels.count()) && !box; i++) box = await labels.nth(i).boundingBox();
      if (box) await page.mouse.click(box.x + box.width / 2, box.y - 60);
      return page.getByTestId('drill-dialog').count();
    }, { timeout: 10_000, interval: 300 })
    .toBe(1);
}

describe('统计分析 in Chromium', () => {
  it('draws at least six charts and the headline cards, with no console error and nothing leaving the machine', async () => {
    await expect.poll(() => page.locator('.chart-card svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId('stat-cards').textContent()).toMatch(/896个.*4399\.6亿元.*1041\.9亿元/);
    expect(await page.getByTestId('stat-cards').textContent()).toMatch(/同比增长15\.8%.*同比增长31\.3%.*同比增长5\.2%/);
    expect(session.watched.consoleErrors).toEqual([]);
    expect(session.watched.outsideRequests).toEqual([]);
  });

  it('shows a district’s figures in the tooltip over its bar (added on screen: chart specs are plain data)', async () => {
    const chart = page.getByTestId('chart-districtRace');
    const label = chart.locator('svg text', { hasText: /^荣成市$/ }).first();
    await expect
      .poll(async () => {
        const box = await label.boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y - 60);
        return chart.locator('.chart').textContent();
      }, { timeout: 10_000, interval: 300 })
      .toMatch(/荣成市项目\d+个年度计划投资.+完成投资.+完成率[\d.]+%/);
    await page.mouse.move(0, 0);
  });

  it('clicking a district’s bar lists exactly that district’s projects, editable in 月调度 and 项目库', async () => {
    const dialog = page.getByTestId('drill-dialog');
    await clickDistrictBar('荣成市');
    const expected = projectsBehind(served().ctx, { year: 2024, month: 8, dimension: 'district', key: '荣成市' });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(`荣成市：${expected.length}个项目`);
    expect(await dialog.locator('tbody tr').count()).toBe(expected.length);
    const districts = new Set(await dialog.locator('tbody tr td:nth-child(2)').allTextContents());
    expect([...districts]).toEqual(['荣成市']);

    // Edit them in 月调度: only they are shown, for the chart's year and month.
    await dialog.getByRole('button', { name: '在月调度中编辑' }).click();
    const grid = page.getByTestId('dispatch-grid');
    await expect.poll(() => page.getByTestId('selection-chip').textContent()).toContain(`荣成市（${expected.length}个项目）`);
    expect(await page.getByLabel('调度年度').inputValue()).toBe('2024');
    expect(await page.getByLabel('调度月份选择').inputValue()).toBe('8');
    const rowIds = async () => new Set((await grid.locator('.ag-row[row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')))).map(Number));
    const expectedIds = new Set(expected.map((p) => p.projectId));
    await expect.poll(async () => (await rowIds()).size).toBeGreaterThan(0);
    expect([...(await rowIds())].every((id) => expectedIds.has(id))).toBe(true);
    const first = grid.locator('.ag-row[row-index="0"]').filter({ has: page.locator('[col-id="completedToDate"]') });
    const firstId = Number(await first.getAttribute('row-id', { timeout: 5000 }));
    await first.locator('[col-id="completedToDate"]').click();
    await page.keyboard.press('F2');
    await page.locator('.ag-cell-inline-editing input').fill('12345');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => projectsBehind(served().ctx, { year: 2024, month: 8, dimension: 'district', key: '荣成市' }).find((p) => p.projectId === firstId)?.completedToDate)
      .toBe(123_450_000);
    await page.getByTestId('selection-chip').getByRole('button', { name: '显示全部' }).click();
    await expect.poll(() => page.getByTestId('selection-chip').count()).toBe(0);
    await expect.poll(async () => [...(await rowIds())].some((id) => !expectedIds.has(id))).toBe(true);

    // And in 项目库.
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await clickDistrictBar('荣成市');
    await dialog.getByRole('button', { name: '在项目库中编辑' }).click();
    await expect.poll(() => page.getByTestId('selection-chip').textContent()).toContain(`荣成市（${expected.length}个项目）`);
    const projectGrid = page.getByTestId('project-grid');
    await expect.poll(async () => new Set(await projectGrid.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="district"]').allTextContents())).toEqual(new Set(['荣成市']));
    await page.getByTestId('selection-chip').getByRole('button', { name: '显示全部' }).click();
    await expect.poll(async () => new Set(await projectGrid.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="district"]').allTextContents()).size).toBeGreaterThan(1);
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
  });

  it('prints the dashboard on A4, one or two pages', async () => {
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await page.getByLabel('分析年度').selectOption('2024');
    await page.getByLabel('分析月份').selectOption('8');
    await expect.poll(() => page.locator('.chart-card svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = path.join(os.tmpdir(), `kpw-analysis-${process.pid}.pdf`);
    fs.writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(file);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('2024年1-8月重点项目建设情况分析');
    expect(text).toContain('各区市投资完成率');
    expect(text).toMatch(/4399\.6亿元/);
    // The toolbar and the navigation are not printed.
    expect(text).not.toContain('打印…');
    expect(text).not.toContain('项目库');
  });

  it('saves a chart as PNG', async () => {
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await page.getByLabel('分析年度').selectOption('2024');
    await page.getByLabel('分析月份').selectOption('8');
    const chart = page.getByTestId('chart-category');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: '保存为PNG' }).click()]);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.readUInt32BE(16)).toBe(1210); // width: twice the print size (16 cm at 96 dpi = 605 px), for print
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(download.suggestedFilename()).toBe('各类别年度计划投资与完成投资（1-8月）.png');
  });
});
