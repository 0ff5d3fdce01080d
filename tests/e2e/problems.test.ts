/** 问题清单 and 包联 in Chromium through the harness. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertProblem } from '../../electron/db/progress';
import { fillDemoLibrary } from '../../electron/services/demo';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => {
    const db = lib.ctx.library!.db;
    fillDemoLibrary(db, 'x');
    // Only this test's two problems: the demo city's own (issue 15.7) are cleared, so the counts below are these.
    db.prepare('DELETE FROM problems').run();
    const ids = db.prepare("SELECT yp.project_id FROM year_plans yp WHERE yp.year = 2024 ORDER BY yp.sort_order LIMIT 2").pluck().all() as number[];
    insertProblem(db, { project_id: ids[0]!, year: 2024, type: 'land', description: '用地指标未落实', owner_department: '自然资源和规划局', raised_date: '2024-06-10', status: 'open', solved_date: null, resolution: null });
    insertProblem(db, { project_id: ids[1]!, year: 2024, type: 'funds', description: '配套资金不到位', owner_department: '财政局', raised_date: '2024-08-01', status: 'open', solved_date: null, resolution: null });
  });
let page: Page;

beforeAll(async () => {
  page = session.page;
});

const cell = (row: number, col: string) => page.locator(`[data-testid="problems-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);

describe('问题清单 in Chromium', () => {
  it('lists the problems, marks them solved in the grid and counts again', async () => {
    await page.getByRole('button', { name: '问题清单', exact: true }).click();
    await page.getByLabel('问题年度').selectOption('2024');
    await expect.poll(() => page.getByTestId('problems-headline').textContent()).toContain('共反映问题2个（涉及2个项目），已解决0个，未解决2个');
    await expect.poll(() => cell(0, 'description').textContent()).toBe('用地指标未落实');
    // The status editor is a select: open its list and choose 已解决.
    await cell(0, 'status').dblclick();
    await page.locator('.ag-cell-inline-editing .ag-picker-field-wrapper').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator('.ag-popup .ag-select-list-item', { hasText: '已解决' }).click();
    await expect.poll(() => page.getByTestId('problems-headline').textContent()).toContain('已解决1个，未解决1个');
    await expect.poll(() => cell(0, 'solvedDate').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    // Undo from the keyboard takes it back.
    await page.locator('[data-testid="problems-grid"] .ag-row[row-index="1"] .ag-cell[col-id="projectName"]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('problems-headline').textContent()).toContain('已解决0个，未解决2个');
    expect(session.watched.consoleErrors).toEqual([]);
  });

  it('shows a leader’s page and offers all leaders as one document', async () => {
    await page.getByRole('button', { name: '包联', exact: true }).click();
    await page.getByLabel('包联年度').selectOption('2024');
    await page.getByLabel('包联月份').selectOption('8');
    const first = page.getByRole('navigation', { name: '包联领导' }).getByRole('button').first();
    const name = (await first.locator('span').first().textContent())!;
    await first.click();
    await expect.poll(() => page.getByTestId('draft-preview').textContent()).toContain(`${name}同志联系重点项目情况`);
    expect(await page.getByTestId('draft-preview').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(session.watched.outsideRequests).toEqual([]);
  });
});
