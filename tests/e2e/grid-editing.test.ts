/**
 * Editing the 项目库 grid as people do in Excel and WPS, in Chromium over a real library: the keys
 * typed while the editor opens are never lost, Ctrl+A selects cells (never arms 删除 for every
 * row), a refused value keeps the cell open with its reason, and a new project follows the
 * importer's rules.
 */
import { describe, expect, it } from 'vitest';
import { listProjectRows } from '../../electron/db/projects';
import { servedPageForFile } from '../helpers/harness';
import { fillDemoLibrary } from '../../electron/services/demo';
import { beforeAll } from 'vitest';

// The demo city (896 projects on 2024's list), where the issue's lost keys were seen.
const it$ = servedPageForFile((lib) => {
  fillDemoLibrary(lib.ctx.library!.db, '2024-09-05T10:00:00');
});
beforeAll(async () => {
  // An office PC, not this machine: the editor takes a while to open, and people type on meanwhile.
  const cdp = await it$.page.context().newCDPSession(it$.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
});
const page = () => it$.page;
const cell = (row: number, col: string) => page().locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
const rows = () => listProjectRows(it$.served.ctx.library!.db, 2024);
const status = () => page().getByTestId('save-status');

/** Focus a cell with the keyboard from its row's name (columns off screen are not drawn). */
async function focusCell(row: number, col: string) {
  await cell(row, 'name').click();
  for (let i = 0; i < 40; i++) {
    if ((await page().evaluate(() => document.activeElement?.getAttribute('col-id'))) === col) return;
    await page().keyboard.press(col === 'seq' ? 'ArrowLeft' : 'ArrowRight');
  }
  throw new Error(`column ${col} not reached`);
}

describe('项目库 editing as in a spreadsheet', () => {
  it('select a cell and type: the whole number typed replaces the value, five times in a row', async () => {
    await cell(0, 'name').waitFor();
    for (let i = 0; i < 5; i++) {
      await cell(i, 'totalInvestment').click();
      await page().keyboard.type('5678');
      await page().keyboard.press('Enter');
      await expect.poll(() => rows()[i]!.totalInvestment).toBe(56_780_000);
    }
  }, 120_000);

  it('double-click, Ctrl+A, type, Enter: the typed number is saved, five times in a row', async () => {
    for (let i = 5; i < 10; i++) {
      await cell(i, 'annualPlan').dblclick();
      await page().keyboard.press('Control+a');
      await page().keyboard.type('4321');
      await page().keyboard.press('Enter');
      await expect.poll(() => rows()[i]!.annualPlan).toBe(43_210_000);
    }
  }, 120_000);

  it('F2 edits in place (the caret after the value) and Esc restores it', async () => {
    const before = rows()[10]!.ownerUnit;
    await cell(10, 'ownerUnit').click();
    await page().keyboard.press('F2');
    await page().keyboard.type('XYZ');
    await page().keyboard.press('Escape');
    expect(rows()[10]!.ownerUnit).toBe(before);
    await expect.poll(() => cell(10, 'ownerUnit').textContent()).toBe(before ?? '');
    await page().keyboard.press('F2');
    await page().keyboard.type('乙');
    await page().keyboard.press('Enter');
    await expect.poll(() => rows()[10]!.ownerUnit).toBe(`${before ?? ''}乙`);
  }, 60_000);

  it('Ctrl+A outside an editor selects no rows and does not arm 删除', async () => {
    await cell(3, 'ownerUnit').click();
    await page().keyboard.press('Control+a');
    await page().waitForTimeout(200);
    expect(await page().getByRole('button', { name: /^删除/ }).textContent()).toBe('删除…');
    expect(await page().locator('.ag-row-selected').count()).toBe(0);
    // The cells are selected instead: Ctrl+C copies them as a table.
    await expect.poll(() => status().textContent()).toMatch(/已选中全部单元格（896行）/);
    expect(await page().getByTestId('project-grid').getAttribute('class')).toMatch(/all-cells-selected/);
  }, 60_000);

  it('a refused value keeps the cell open with what was typed and the reason beside it; Esc restores', async () => {
    const before = rows()[12]!;
    await focusCell(12, 'totalInvestment');
    await page().keyboard.type('12abc');
    await page().keyboard.press('Enter');
    await expect.poll(() => page().getByTestId('cell-error').textContent()).toMatch(/总投资：“12abc”不是有效的金额/);
    await expect.poll(() => status().textContent()).toMatch(/不是有效的金额/);
    const editor = page().locator('.ag-cell-inline-editing input');
    await expect.poll(() => editor.inputValue()).toBe('12abc');
    expect(await page().evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index'))).toBe('12');
    await page().keyboard.press('Escape');
    await expect.poll(() => page().getByTestId('cell-error').count()).toBe(0);
    expect(rows()[12]).toEqual(before);
  }, 60_000);

  it('deleting several projects asks with the count and names the first few', async () => {
    for (const i of [20, 21, 22, 23, 24, 25, 26]) await page().locator(`.ag-row[row-index="${i}"] .ag-selection-checkbox input`).check();
    await page().getByRole('button', { name: /^删除（7）…/ }).click();
    const dialog = page().getByTestId('confirm-dialog');
    const names = rows().slice(20, 25).map((r) => `“${r.name}”`).join('、');
    expect(await dialog.textContent()).toContain(`${names}等7个项目`);
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(rows()).toHaveLength(896);
  }, 60_000);

  it('新增项目… refuses a name the library already holds, naming and showing the existing row', async () => {
    const existing = rows()[30]!;
    await page().getByRole('button', { name: '新增项目…' }).click();
    await page().getByTestId('prompt-dialog').locator('input').fill(` ${existing.name}`);
    await page().getByTestId('prompt-dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => status().textContent()).toContain(`2024年清单第31行已有“${existing.name}”`);
    expect(rows()).toHaveLength(896);
    await expect.poll(() => page().evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index'))).toBe('30');
  }, 60_000);

  it('Ctrl+S says there is nothing to save, Ctrl+F goes to the quick search', async () => {
    await cell(2, 'name').click();
    await page().keyboard.press('Control+s');
    await expect.poll(() => page().getByTestId('notice').textContent()).toBe('无需保存：每次修改在完成时就已保存到项目库');
    await page().keyboard.press('Control+f');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('快速查找');
  }, 60_000);
});
