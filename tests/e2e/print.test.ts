/**
 * Every screen that prints a list or a page of figures prints with its title, period and filter on
 * top and "第 n 页，共 N 页" on every A4 page (tests/helpers/print.ts, one check for all): 项目库,
 * 月调度, 统计分析, 赛马, 问题清单, 督办, 前期手续 and 台账. A grid prints as the table of what
 * it shows: every column (not the few in the window), every row, long text wrapped and read
 * whole in the PDF, on A4 landscape when its columns do not fit portrait, nothing off the paper.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDemoLibrary } from '../../electron/services/demo';
import { PROJECT_FIELDS } from '../../shared/fields';
import { contractCaller } from '../helpers/contract';
import { servedPageForFile } from '../helpers/harness';
import { expectPrintedScreen } from '../helpers/print';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
const { call } = contractCaller(() => session.served.ctx);
/** A procedure's name as long as offices write them: it must print whole, not cut with "…". */
const LONG_KIND = '建设项目用地预审与选址意见书（含规划选址论证报告批复）';
let page: Page;
beforeAll(() => {
  page = session.page;
});

const open = (name: string) => page.getByRole('button', { name, exact: true }).click();
const flatOf = (s: string) => s.replace(/\s+/g, '');

describe('printing on A4', () => {
  it('项目库: every column the list shows, on A4 landscape, every matching row, title, year, filter, page numbers', async () => {
    await open('项目库');
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    const search = page.locator('input[type="search"]');
    await search.fill('荣成市');
    await expect.poll(() => page.locator('[data-testid="project-grid"] .ag-row:not(.ag-row-pinned)').count()).toBeGreaterThan(5);
    const printed = await expectPrintedScreen(page, { title: '2024年重点项目清单', period: '2024年', filter: '搜索“荣成市”', pages: [2, 8], landscape: true });
    // Every column of the list, the last ones too (the grid's own print showed the first seven).
    for (const f of PROJECT_FIELDS) expect(printed.flat, f.label).toContain(flatOf(f.label));
    const db = session.served.ctx.library!.db;
    const expected = db.prepare("SELECT count(*) FROM projects p JOIN year_plans y ON y.project_id = p.id AND y.year = 2024 JOIN districts d ON d.id = p.district_id WHERE d.name = '荣成市'").pluck().get() as number;
    expect(expected).toBeGreaterThan(50);
    expect(new Set(printed.rows).size).toBe(expected);
    // The longest 建设单位 and 标签 texts read whole (wrapped onto lines within their cells).
    const longest = db.prepare("SELECT p.name FROM projects p JOIN year_plans y ON y.project_id = p.id AND y.year = 2024 JOIN districts d ON d.id = p.district_id WHERE d.name = '荣成市' ORDER BY length(p.name) DESC LIMIT 1").pluck().get() as string;
    expect(printed.flat).toContain(flatOf(longest));
    await search.fill('');
  }, 90_000);

  it('项目库: the whole 2024 list (896 projects) on at most 30 pages, its text 7 pt at least, the empty columns named', async () => {
    await open('项目库');
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    await expect.poll(() => page.getByTestId('totals').textContent()).toContain('896个项目');
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(500);
    const fontPt = await page.locator('.print-table').evaluate((t) => (parseFloat(getComputedStyle(t).fontSize) * 72) / 96);
    await page.emulateMedia({ media: 'screen' });
    expect(fontPt).toBeGreaterThan(6.99);
    // 37 pages at 6.5 pt when every column printed and the text columns wrapped alike onto two lines.
    const printed = await expectPrintedScreen(page, { title: '2024年重点项目清单', period: '2024年', filter: '全部项目', pages: [15, 30], landscape: true });
    expect(new Set(printed.rows).size).toBe(896);
    expect(printed.flat).toContain('以下各列均无内容，未打印：项目编号');
  }, 120_000);

  it('月调度: every warning reason whole, title, period, filter, page numbers', async () => {
    await open('月调度');
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('8');
    await page.getByLabel('只看预警和未报送').check();
    await expect.poll(() => page.locator('[data-testid="dispatch-grid"] .ag-row').count()).toBeGreaterThan(5);
    const printed = await expectPrintedScreen(page, { title: '2024年8月重点项目调度', period: '2024年1-8月', filter: '只看预警和未报送', pages: [2, 60], landscape: true });
    const reasons = (await call('dispatch.list', { year: 2024, month: 8 })).map((r) => r.warningReason).filter((r): r is string => Boolean(r));
    expect(reasons.length).toBeGreaterThan(50);
    for (const r of new Set(reasons)) expect(printed.flat, r).toContain(flatOf(r));
    expect(printed.flat).not.toContain('…');
    await page.getByLabel('只看预警和未报送').uncheck();
  }, 150_000);

  it('统计分析: title, period and the filter, on one or two pages', async () => {
    await open('统计分析');
    await page.getByLabel('分析年度').selectOption('2024');
    await page.getByLabel('分析月份').selectOption('8');
    await page.getByLabel('区市筛选').selectOption('荣成市');
    await expect.poll(() => page.locator('.chart-card svg').count(), { timeout: 15_000 }).toBe(8);
    await expectPrintedScreen(page, { title: '2024年1-8月重点项目建设情况分析', period: '2024年1-8月', filter: '区市：荣成市', pages: [1, 2], landscape: false });
    await page.getByLabel('区市筛选').selectOption('');
  }, 60_000);

  it('赛马: title, period, both tables, page numbers', async () => {
    await open('赛马');
    await page.getByLabel('赛马年度').selectOption('2024');
    await page.getByLabel('赛马月份').selectOption('8');
    await expect.poll(() => page.getByTestId('rank-districts').locator('tbody tr').count()).toBe(8);
    const printed = await expectPrintedScreen(page, { title: '2024年1-8月重点项目赛马', period: '2024年1-8月', filter: '全部项目', pages: [1, 3] });
    expect(printed.flat).toContain('牵头部门赛马');
  }, 60_000);

  it('问题清单: title, year, the filter, every problem with its 责任部门 whole', async () => {
    await open('问题清单');
    await page.getByLabel('问题年度').selectOption('2024');
    await page.getByLabel('只看未解决').check();
    await expect.poll(() => page.locator('[data-testid="problems-grid"] .ag-row').count()).toBeGreaterThan(5);
    const printed = await expectPrintedScreen(page, { title: '2024年重点项目问题清单', period: '2024年', filter: '只看未解决', pages: [1, 10] });
    const open2024 = (await call('problems.list', { year: 2024 })).filter((p) => p.status === 'open');
    expect(new Set(printed.rows).size).toBe(open2024.length);
    for (const p of open2024) expect(printed.flat).toContain(flatOf(p.ownerDepartment ?? ''));
    await page.getByLabel('只看未解决').uncheck();
  }, 60_000);

  it('督办: title, year, the filter and the notices issued', async () => {
    const [project] = await call('dispatch.list', { year: 2024, month: 8 });
    await call('supervisions.issue', { projectId: project!.projectId, year: 2024, month: 8, form: 'supervision', level: 'red', reason: '投资完成率低于时序进度30个百分点以上，请说明原因并提出追赶措施' });
    await open('督办');
    await page.getByLabel('督办年度').selectOption('2024');
    await page.getByLabel('只看未办结').check();
    await expect.poll(() => page.locator('[data-testid="supervision-grid"] .ag-row').count()).toBe(1);
    const printed = await expectPrintedScreen(page, { title: '2024年督办单和预警通知书', period: '2024年', filter: '只看未办结', pages: [1, 1] });
    expect(printed.flat).toContain(flatOf(project!.name));
    expect(printed.flat).toContain('投资完成率低于时序进度30个百分点以上，请说明原因并提出追赶措施');
  }, 60_000);

  it('前期手续: title, the day, the district, a long procedure name whole over its dates, the empty procedures named', async () => {
    const kinds = await call('procedures.addKind', { name: LONG_KIND, role: null });
    // One 荣成市 project has a planned date for the long procedure: its columns print under its name.
    const { rows } = await call('procedures.list', { year: 2024, month: 8 });
    const rongcheng = rows.find((r) => r.district === '荣成市')!;
    await call('procedures.update', { year: 2024, projectId: rongcheng.projectId, kindId: kinds.find((k) => k.name === LONG_KIND)!.id, field: 'plannedDate', value: '2024-10-31' });
    await open('前期手续');
    await page.getByLabel('手续年度').selectOption('2024');
    await page.getByLabel('手续月份').selectOption('8');
    await page.getByLabel('手续区市').selectOption('荣成市');
    await expect.poll(() => page.locator('[data-testid="procedures-grid"] .ag-header-group-cell').count()).toBeGreaterThan(3);
    // The rows of the district arrive after the select: print once the grid holds only them (under load, the whole list was printed).
    await expect
      .poll(async () => [...new Set(await page.locator('[data-testid="procedures-grid"] .ag-row [col-id="district"]').allTextContents())])
      .toEqual(['荣成市']);
    const printed = await expectPrintedScreen(page, { title: '2024年重点项目前期手续', period: '截至2024年8月底', filter: '区市：荣成市', pages: [1, 10] });
    expect(printed.flat).toContain(LONG_KIND);
    expect(printed.flat).toContain('2024-10-31');
    // A procedure no 荣成市 project has a date for prints no empty columns, only its name above the table.
    expect(printed.flat).toContain('以下各列均无内容，未打印：');
    expect(printed.rows.length).toBeGreaterThan(50);
  }, 60_000);

  it('台账: the plan and ledger as the title, the plan span, page numbers', async () => {
    await open('台账');
    await expect.poll(() => page.locator('[data-testid="ledger-grid"] .ag-row').count()).toBeGreaterThan(5);
    const plan = await page.getByLabel('行动计划').locator('option:checked').textContent();
    const printed = await expectPrintedScreen(page, { title: `${plan}工作任务台账`, period: '2023—2025年', filter: '全部项目', pages: [2, 12], landscape: true });
    expect(new Set(printed.rows).size).toBe(168);
  }, 60_000);
});
