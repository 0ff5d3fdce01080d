/**
 * The project library screen in Debian's Chromium, through the browser harness, over a real
 * library file: what an analyst does, checked against what the database holds.
 */
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listProjectRows } from '../../electron/db/projects';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { launchBrowser, openPage, type WatchedPage } from '../helpers/browser';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';
import { seedSampleProjects } from '../helpers/sample';
import { addProject } from '../../electron/services/projects';

let browser: Browser;
let served: ServedLibrary;
let watched: WatchedPage;
let page: Page;

const cell = (row: number, col: string) => page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
const status = () => page.getByTestId('save-status');
const dbRows = () => listProjectRows(served.ctx.library!.db, 2024);

/** Focus a cell the way a user would with the keyboard: from the row's 序号, arrow right. */
async function focusCell(row: number, col: string) {
  await cell(row, 'seq').click();
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('col-id'))) === col) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`column ${col} not reached`);
}

async function editCell(row: number, col: string, text: string) {
  await focusCell(row, col);
  await page.keyboard.press('F2'); // as in a spreadsheet: F2 edits, Enter moves down
  const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor textarea').first();
  await editor.waitFor();
  await editor.fill(text);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  served = await serveTempLibrary((lib) => {
    seedSampleProjects(lib.ctx.library!.db, 2024, 40);
    addProject(lib.ctx, { year: 2024, name: '高区西海岸海堤修复' });
  });
  watched = await openPage(browser, served.harness.url);
  page = watched.page;
  await cell(0, 'name').waitFor();
});

afterEach(async () => {
  await page.context().close();
  await served.stop();
});

describe('项目库 grid in Chromium', () => {
  it('opens in Chinese with every row, no console errors and no request leaving the machine', async () => {
    const headers = await page.locator('.ag-header-cell-text').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['序号', '项目名称', '项目编号', '项目级别', '项目类别', '牵头部门', '所在区市']));
    await expect.poll(() => page.getByTestId('totals').textContent()).toMatch(/合计（41个项目）/);
    // AG Grid speaks Chinese: its own labels come from the Chinese locale.
    const labels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.includes(AG_GRID_LOCALE_CN.ariaFilterInput!))).toBe(true);
    await page.locator('.ag-floating-filter input').first().fill('荣成');
    await expect.poll(() => page.getByTestId('totals').textContent()).not.toMatch(/合计（41个项目）/);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
  });

  it('saves an edit, shows it as saved only after the commit, keeps it across a reload, and undoes it after a restart', async () => {
    const before = dbRows()[0]!;
    await editCell(0, 'totalInvestment', '1,234.5');
    await expect.poll(() => status().textContent()).toMatch(/已保存“总投资”/);
    expect(dbRows()[0]!.totalInvestment).toBe(12_345_000);
    await expect.poll(() => cell(0, 'totalInvestment').textContent()).toBe('1,234.50');

    // Restart the library underneath (as after closing the app), then reload the page.
    closeLibrary(served.ctx);
    await openLibrary(served.ctx, served.file);
    await page.reload();
    await expect.poll(() => cell(0, 'totalInvestment').textContent()).toBe('1,234.50');

    await cell(0, 'seq').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => status().textContent()).toMatch(/已撤销/);
    expect(dbRows()[0]!.totalInvestment).toBe(before.totalInvestment);
    await page.keyboard.press('Control+y');
    await expect.poll(() => dbRows()[0]!.totalInvestment).toBe(12_345_000);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('moves and edits with the keyboard as in a spreadsheet: type to replace, Enter moves down, Delete clears', async () => {
    await focusCell(0, 'ownerUnit');
    await page.keyboard.type('WHCT');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbRows()[0]!.ownerUnit).toBe('WHCT');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index'))).toBe('1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('nature');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Delete');
    await expect.poll(() => dbRows()[1]!.ownerUnit).toBeNull();
    await expect.poll(() => status().textContent()).toMatch(/已保存“建设单位”/);
  });

  it('refuses an invalid value with a message and saves nothing', async () => {
    const before = dbRows()[0]!;
    await editCell(0, 'totalInvestment', '一千万');
    await expect.poll(() => status().textContent()).toMatch(/总投资：“一千万”不是有效的金额/);
    expect(dbRows()[0]).toEqual(before);
    // The cell stays open with the value typed; Esc gives the stored value back.
    await page.keyboard.press('Escape');
    await editCell(0, 'startDate', '2024年2月30日');
    await expect.poll(() => status().textContent()).toMatch(/不是有效的日期/);
    expect(dbRows()[0]).toEqual(before);
    await page.keyboard.press('Escape');
    // The grid closes the editor on its next frame: wait for the stored (empty) value to be drawn.
    await expect.poll(() => cell(0, 'startDate').textContent()).toBe('');
  });

  it('pastes a block copied from Excel as one change, and undoes it in one step', async () => {
    const before = dbRows().slice(0, 3);
    await focusCell(0, 'totalInvestment');
    const text = '1,000\t200\r\n２０００\t300.5\r\n3000\t"400"\r\n';
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(() => status().textContent()).toMatch(/已粘贴6个单元格/);
    expect(dbRows().slice(0, 3).map((r) => [r.totalInvestment, r.annualPlan])).toEqual([
      [10_000_000, 2_000_000],
      [20_000_000, 3_005_000],
      [30_000_000, 4_000_000],
    ]);
    await expect.poll(() => cell(1, 'annualPlan').textContent()).toBe('300.50');

    await cell(5, 'seq').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => status().textContent()).toMatch(/已撤销：粘贴6个单元格/);
    expect(dbRows().slice(0, 3)).toEqual(before);
  });

  it('refuses a pasted block with a bad cell, listing where, and writes none of it', async () => {
    const before = dbRows().slice(0, 2);
    await focusCell(0, 'totalInvestment');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1000\t200\n2000\t待定\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const dialog = page.getByTestId('message-dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/第2行第2列（年度计划投资）：年度计划投资：“待定”不是有效的金额/);
    expect(dbRows().slice(0, 2)).toEqual(before);
  });

  it('finds projects by pinyin initials in the quick search', async () => {
    await page.getByLabel('快速查找').fill('xhahd');
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(1);
    expect(await cell(0, 'name').textContent()).toBe('高区西海岸海堤修复');
    expect(await cell(0, 'seq').textContent()).toBe('1');
    await page.getByLabel('快速查找').fill('hd');
    await expect.poll(() => page.getByTestId('totals').textContent()).toMatch(/合计（\d+个项目）/);
    const names = await page.locator('.ag-grid-scrolling-container .ag-row [col-id="name"]').allTextContents();
    expect(names).toContain('高区西海岸海堤修复');
  });

  it('adds a project, deletes it after confirmation, and brings it back with undo', async () => {
    await page.getByRole('button', { name: '新增项目…' }).click();
    await page.getByTestId('prompt-dialog').getByRole('textbox').fill('乳山口大桥');
    await page.getByTestId('prompt-dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => status().textContent()).toMatch(/已新增项目“乳山口大桥”/);
    expect(dbRows().map((r) => r.name)).toContain('乳山口大桥');

    await page.getByLabel('快速查找').fill('乳山口大桥');
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(1);
    await cell(0, 'name').click();
    await page.getByRole('button', { name: /^删除/ }).click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('删除“乳山口大桥”吗');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '删除1个项目' }).click();
    await expect.poll(() => status().textContent()).toMatch(/已删除1个项目/);
    expect(dbRows().map((r) => r.name)).not.toContain('乳山口大桥');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => dbRows().map((r) => r.name)).toContain('乳山口大桥');
  });

  it('switches amounts between 万元 and 亿元 with thousands separators', async () => {
    await editCell(0, 'totalInvestment', '123456.78');
    await expect.poll(() => cell(0, 'totalInvestment').textContent()).toBe('123,456.78');
    await page.getByRole('button', { name: '亿元' }).click();
    // 亿元 with two decimals, as people read it; the editor starts from the exact value.
    await expect.poll(() => cell(0, 'totalInvestment').textContent()).toBe('12.35');
    expect(await page.locator('.ag-header-cell-text', { hasText: '总投资（亿元）' }).count()).toBe(1);
    await focusCell(0, 'totalInvestment');
    await page.keyboard.press('F2');
    await expect.poll(() => page.locator('.ag-cell-inline-editing input').first().inputValue()).toBe('12.345678');
    await page.keyboard.press('Escape');
    await editCell(0, 'annualPlan', '1.5');
    await expect.poll(() => dbRows()[0]!.annualPlan).toBe(150_000_000);
  });

  it('shows the detail panel with the change history of the focused project', async () => {
    await editCell(0, 'phone', '5208106');
    await expect.poll(() => status().textContent()).toMatch(/已保存/);
    await cell(0, 'name').click();
    const panel = page.getByTestId('detail-panel');
    await expect.poll(() => panel.textContent()).toMatch(/联系电话：（空） → 5208106/);
  });
});

describe('设置 in Chromium', () => {
  it('adds a district in 设置 that the grid then accepts', async () => {
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByLabel('新增区市').fill('威海临港区');
    await page.getByTestId('list-districts').getByRole('button', { name: '添加' }).click();
    await expect.poll(() => page.getByTestId('list-districts').locator('input').first().inputValue()).not.toBe('');
    const names = await page.getByTestId('list-districts').getByLabel('区市名称').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toContain('威海临港区');
    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await cell(0, 'name').waitFor();
    // 所在区市 is chosen from the list, as a select editor.
    await focusCell(0, 'district');
    await page.keyboard.press('F2');
    await page.locator('.ag-cell-inline-editing .ag-picker-field-wrapper').click();
    await page.locator('.ag-select-list-item', { hasText: '威海临港区' }).click();
    await expect.poll(() => dbRows()[0]!.district).toBe('威海临港区');
    expect(watched.consoleErrors).toEqual([]);
  });
});

describe('示例项目库 in Chromium', () => {
  it('opens the demo city from the library screen, 896 projects on 2024’s list', async () => {
    await page.getByRole('button', { name: '切换项目库…' }).click();
    await page.getByRole('button', { name: '打开示例项目库' }).click();
    await expect.poll(() => page.getByTestId('totals').textContent(), { timeout: 20_000 }).toMatch(/合计（896个项目），总投资43,996,000.00万元，年度计划投资10,419,000.00万元/);
    expect(await page.getByLabel('年度', { exact: true }).inputValue()).toBe('2024');
    expect(watched.consoleErrors).toEqual([]);
  });
});
