/**
 * 前期手续 and 挂图作战 in Chromium through the harness: the counts sentence, the wall chart of one
 * district with done / due / overdue nodes, a click on a node editing it, and the chart printed to
 * exactly one A3 landscape page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureKinds, writeProcedure } from '../../electron/db/lifecycle';
import { insertFund } from '../../electron/db/support';
import { fillDemoLibrary } from '../../electron/services/demo';
import { dispatch } from '../../electron/services/handlers';
import { servedPageForFile } from '../helpers/harness';
import type { SupervisionRow } from '../../shared/supervision';

const DISTRICT = '荣成市';
let expected = { projects: 0, done: 0, overdue: 0, due: 0 };

const session = servedPageForFile((lib) => {
  const db = lib.ctx.library!.db;
  fillDemoLibrary(db, 'x');
  const ids = db
    .prepare('SELECT yp.project_id FROM year_plans yp JOIN projects p ON p.id = yp.project_id JOIN districts d ON d.id = p.district_id WHERE yp.year = 2024 AND d.name = ? ORDER BY yp.sort_order')
    .pluck()
    .all(DISTRICT) as number[];
  const kinds = procedureKinds(db);
  // Every project of the district: 立项 obtained in March, 用地预审 planned for June (overdue by
  // 8月底), 施工许可 planned for November (due).
  for (const id of ids) {
    writeProcedure(db, { project_id: id, kind_id: kinds[0]!.id, planned_date: null, obtained_date: '2024-03-10', recorded_on: '2024-03-10', document_number: null });
    writeProcedure(db, { project_id: id, kind_id: kinds[1]!.id, planned_date: '2024-06-30', obtained_date: null, recorded_on: null, document_number: null });
    writeProcedure(db, { project_id: id, kind_id: kinds[6]!.id, planned_date: '2024-11-30', obtained_date: null, recorded_on: null, document_number: null });
  }
  insertFund(db, { year: 2023, source: 'central', amount: 1_230_000_000, projectId: null, projectName: null, note: null });
  insertFund(db, { year: 2024, source: 'central', amount: 2_700_000_000, projectId: null, projectName: null, note: null });
  expected = { projects: ids.length, done: ids.length, overdue: ids.length, due: ids.length };
});
let page: Page;

beforeAll(() => {
  page = session.page;
});

const nodes = (status: string) => page.locator(`[data-testid="wall-chart"] .wc-node.wc-${status}:not([data-project="0"])`);

describe('挂图作战 in Chromium', () => {
  it('draws a district’s procedures as nodes, edits one by a click, and prints on one A3 page', async () => {
    expect(expected.projects).toBeGreaterThan(10);
    await page.getByRole('button', { name: '前期手续', exact: true }).click();
    await page.getByLabel('手续年度').selectOption('2024');
    await page.getByLabel('手续月份').selectOption('8');
    await page.getByLabel('手续区市').selectOption(DISTRICT);
    await expect
      .poll(() => page.getByTestId('procedures-headline').textContent())
      .toBe(`截至8月底，${expected.projects}个项目取得手续${expected.projects}个，其中立项、备案${expected.projects}个；逾期未办${expected.projects}个（涉及${expected.projects}个项目）。`);
    expect(await page.getByTestId('stages-headline').textContent()).toBe(`项目阶段：储备0个、前期0个、在建${expected.projects}个、竣工0个、投产0个；本年储备转前期0个，前期转开工0个`);
    // The list shows the 50 most overdue.
    expect(await page.getByTestId('overdue-list').locator('li').count()).toBe(Math.min(50, expected.projects));
    // The 督办 loop: an overdue procedure issued as a red 督办单 with its reason.
    await page.getByTestId('overdue-list').getByRole('button', { name: '督办' }).first().click();
    await expect.poll(() => page.getByTestId('lifecycle-status').textContent()).toMatch(/^已下发2024-\d{3}/);
    const issued = await dispatch(session.served.ctx, 'supervisions.list', { year: 2024 });
    expect(issued.ok && (issued.value as SupervisionRow[]).map((s) => [s.level, s.reason.includes('用地预审计划2024-06-30办结，已逾期62天未取得')])).toEqual([['red', true]]);

    await page.getByRole('button', { name: '挂图作战', exact: true }).click();
    await page.locator('[data-testid="wall-chart"] svg').waitFor();
    expect(await nodes('done').count()).toBe(expected.done);
    expect(await nodes('overdue').count()).toBe(expected.overdue);
    // The demo's projects have started, so no start node; 施工许可 is due.
    expect(await nodes('due').count()).toBe(expected.due);
    expect(await page.locator('[data-testid="wall-chart"] .wc-group').first().textContent()).toBe(`${DISTRICT}（${expected.projects}个项目）`);
    // Black and white: overdue is a hatched shape, not just a colour.
    expect(await nodes('overdue').first().locator('path').getAttribute('fill')).toBe('url(#wc-hatch)');

    // A click on an overdue node edits it: obtained, it turns done.
    await nodes('overdue').first().click();
    await page.getByTestId('node-dialog').waitFor();
    await page.getByLabel('实际取得日期').fill('2024-08-20');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => nodes('overdue').count()).toBe(expected.overdue - 1);
    expect(await nodes('done').count()).toBe(expected.done + 1);

    // Printed: one A3 landscape page.
    await page.evaluate(() => document.body.classList.add('printing-wall-chart'));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A3', landscape: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-wall-chart'));
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    // A3 landscape: 420 × 297 mm, about 1191 × 842 points (Chromium rounds to its pixels).
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text)!;
    expect(Number(box[1])).toBeCloseTo(1190.55, -1);
    expect(Number(box[2])).toBeCloseTo(841.89, -1);
    expect(session.watched.consoleErrors).toEqual([]);
    // Eight steps with a PDF print on the demo city: over 30 s on a loaded build machine.
  }, 120_000);

  it('shows 要素保障: funds by source with 同比', async () => {
    await page.getByRole('button', { name: '要素保障', exact: true }).click();
    const central = page.getByTestId('support-panel').locator('tbody tr').first();
    await expect.poll(() => central.textContent()).toBe('中央预算内27亿元12.3亿元增长119.5%');
    expect(await page.getByTestId('support-elements').textContent()).toBe('银行支持：尚未填报。用地保障：尚未填报。');
  });
});
