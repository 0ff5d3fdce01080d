/**
 * Nothing an analyst reads is cut with "…" in the grids: at 1280×720 over the demo city, every
 * drawn cell and header of 月调度 (预警原因), 问题清单 (责任部门), 前期手续 (a long project name and a
 * long procedure name over its two columns), 台账 (工作人员) and 督办 holds its whole text — the
 * row grows to hold wrapped lines; 材料生成's A4 page fits its column. Measured on the drawn elements: their text is not wider or
 * taller than the box it sits in. And a short text (up to 16 characters: a 责任部门, a 工作人员, a
 * project name) is not wrapped at all: its column is as wide as it (ui/fit-columns.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDemoLibrary } from '../../electron/services/demo';
import { contractCaller } from '../helpers/contract';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
const { call } = contractCaller(() => session.served.ctx);
const LONG_KIND = '建设项目用地预审与选址意见书（含规划选址论证报告批复）';
let page: Page;
beforeAll(async () => {
  page = session.page;
  await page.setViewportSize({ width: 1280, height: 720 });
});

/** The drawn cells and headers of a grid whose text does not fit its box, with that text. */
async function cutTexts(testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const grid = document.querySelector(`[data-testid="${id}"]`)!;
    const boxes = Array.from(grid.querySelectorAll<HTMLElement>('.ag-cell-value, .ag-header-cell-text, .ag-header-group-text'));
    return boxes.filter((b) => b.textContent && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)).map((b) => b.textContent!);
  }, testId);
}

/**
 * The drawn cells of a grid whose text is short (up to 16 characters) but laid out on more than
 * one line: a short value (a 责任部门, a 工作人员, a project name) has a column as wide as it.
 */
async function wrappedShortTexts(testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const grid = document.querySelector(`[data-testid="${id}"]`)!;
    const lines = (el: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const cells = Array.from(grid.querySelectorAll<HTMLElement>('.ag-row .ag-cell-value'));
    return cells.filter((c) => c.textContent && [...c.textContent].length <= 16 && lines(c) > 1).map((c) => c.textContent!);
  }, testId);
}

async function drawnCells(testId: string, colId: string): Promise<string[]> {
  return page.locator(`[data-testid="${testId}"] .ag-row .ag-cell[col-id="${colId}"]`).allTextContents();
}

const open = (name: string) => page.getByRole('button', { name, exact: true }).click();

describe('grid text is never cut', () => {
  it('月调度: every 预警原因 in view reads whole', async () => {
    await open('月调度');
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('8');
    await page.getByLabel('只看预警和未报送').check();
    await expect.poll(async () => (await drawnCells('dispatch-grid', 'warningReason')).filter((t) => t.length > 20).length).toBeGreaterThan(3);
    expect(await cutTexts('dispatch-grid')).toEqual([]);
    await page.getByLabel('只看预警和未报送').uncheck();
  });

  it('问题清单: 责任部门 and 问题描述 read whole', async () => {
    await open('问题清单');
    await page.getByLabel('问题年度').selectOption('2024');
    await expect.poll(async () => (await drawnCells('problems-grid', 'ownerDepartment')).some((t) => t === '市自然资源和规划局')).toBe(true);
    expect(await cutTexts('problems-grid')).toEqual([]);
  });

  it('前期手续: a long project name and a long procedure name read whole', async () => {
    await call('procedures.addKind', { name: LONG_KIND, role: null });
    await open('前期手续');
    await page.getByLabel('手续年度').selectOption('2024');
    await expect.poll(() => page.locator('[data-testid="procedures-grid"] .ag-header-group-text', { hasText: LONG_KIND }).count()).toBe(1);
    await expect.poll(async () => (await drawnCells('procedures-grid', 'name')).some((t) => t === '高区未来机器人海洋工程智能装备')).toBe(true);
    // The long procedure's group is drawn only once scrolled to.
    await page.locator('[data-testid="procedures-grid"] .ag-header-group-text', { hasText: LONG_KIND }).scrollIntoViewIfNeeded();
    expect(await cutTexts('procedures-grid')).toEqual([]);
  });

  it('台账 and 督办: every drawn cell reads whole', async () => {
    await open('台账');
    await expect.poll(async () => (await drawnCells('ledger-grid', 'content')).length).toBeGreaterThan(5);
    expect(await cutTexts('ledger-grid')).toEqual([]);
    const [project] = await call('dispatch.list', { year: 2024, month: 8 });
    await call('supervisions.issue', { projectId: project!.projectId, year: 2024, month: 8, form: 'supervision', level: 'red', reason: '投资完成率低于时序进度30个百分点以上，请说明原因并提出追赶措施，按期反馈' });
    await open('督办');
    await page.getByLabel('督办年度').selectOption('2024');
    await expect.poll(() => page.locator('[data-testid="supervision-grid"] .ag-row').count()).toBe(1);
    expect(await cutTexts('supervision-grid')).toEqual([]);
  });

  it('at 1280 a short text reads on one line: 问题清单, 台账, 前期手续, 月调度', async () => {
    await open('问题清单');
    await page.getByLabel('问题年度').selectOption('2024');
    await expect.poll(async () => (await drawnCells('problems-grid', 'ownerDepartment')).some((t) => t === '市自然资源和规划局')).toBe(true);
    expect(await wrappedShortTexts('problems-grid')).toEqual([]);
    await open('台账');
    await expect.poll(async () => (await drawnCells('ledger-grid', 'content')).length).toBeGreaterThan(5);
    expect(await wrappedShortTexts('ledger-grid')).toEqual([]);
    await open('前期手续');
    await page.getByLabel('手续年度').selectOption('2024');
    await expect.poll(async () => (await drawnCells('procedures-grid', 'name')).some((t) => t === '高区未来机器人海洋工程智能装备')).toBe(true);
    expect(await wrappedShortTexts('procedures-grid')).toEqual([]);
    await open('月调度');
    await page.getByLabel('调度年度').selectOption('2024');
    await page.getByLabel('调度月份选择').selectOption('8');
    await expect.poll(async () => (await drawnCells('dispatch-grid', 'name')).length).toBeGreaterThan(5);
    expect(await wrappedShortTexts('dispatch-grid')).toEqual([]);
  });

  it('材料生成 at 1280: the A4 page fits its column, not cut under the figures beside it', async () => {
    await open('材料生成');
    await expect.poll(() => page.locator('.draft-page').count()).toBe(1);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('.draft-page-wrap')!.getBoundingClientRect();
      const sheet = document.querySelector('.draft-page')!.getBoundingClientRect();
      const figures = document.querySelector('.draft-figures')!.getBoundingClientRect();
      return { sheetRight: sheet.right, wrapRight: wrap.right, figuresLeft: figures.left, sheetLeft: sheet.left, wrapLeft: wrap.left };
    });
    expect(fit.sheetRight).toBeLessThanOrEqual(fit.wrapRight);
    expect(fit.sheetRight).toBeLessThanOrEqual(fit.figuresLeft);
    expect(fit.sheetLeft).toBeGreaterThanOrEqual(fit.wrapLeft);
  });
});
