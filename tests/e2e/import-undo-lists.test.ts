/** Undoing an import in Chromium takes back the 区市 it added: gone from 统计分析's filter and 设置's list. */
import { describe, expect, it } from 'vitest';
import { addDistrict } from '../../electron/db/lists';
import { listProjectRows } from '../../electron/db/projects';
import { servedPageForFile } from '../helpers/harness';
import { buildWorkbook } from '../helpers/workbooks';

const session = servedPageForFile((lib) => addDistrict(lib.ctx.library!.db, '荣成市'));

describe('undo of an import in Chromium', () => {
  it('imports a sheet adding 乳山市, and 撤销 removes the district from the filters and 设置', async () => {
    const page = session.page;
    await page.getByLabel('年度', { exact: true }).selectOption('2026');
    const wb = await buildWorkbook([{ name: '清单', rows: [['项目名称', '所在区市', '总投资', '2026年计划投资'], ['乳山口大桥', '乳山市', 5000, 1000], ['荣成海堤', '荣成市', 800, 200]] }]);
    await page.getByTestId('import-file').setInputFiles({ name: '乳山市清单.xlsx', mimeType: 'application/octet-stream', buffer: wb });
    const dialog = page.getByTestId('import-dialog');
    await expect.poll(() => dialog.textContent()).toContain('将新增区市“乳山市”');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已导入“乳山市清单\.xlsx”：新增2个/);

    const districtFilter = async () => {
      await page.getByRole('button', { name: '统计分析', exact: true }).click();
      return page.getByLabel('区市筛选').locator('option').allTextContents();
    };
    const settingsDistricts = async () => {
      await page.getByRole('button', { name: '设置', exact: true }).click();
      return page.getByTestId('list-districts').getByLabel('区市名称').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    };
    await expect.poll(districtFilter).toEqual(['全部', '荣成市', '乳山市']);
    await expect.poll(settingsDistricts).toEqual(['荣成市', '乳山市']);

    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已撤销：导入“乳山市清单\.xlsx”/);
    expect(listProjectRows(session.served.ctx.library!.db, 2026)).toEqual([]);
    await expect.poll(districtFilter).toEqual(['全部', '荣成市']);
    await expect.poll(settingsDistricts).toEqual(['荣成市']);

    // 重做 brings the district back with the projects in it.
    await page.getByRole('button', { name: '项目库', exact: true }).click();
    await page.getByRole('button', { name: '重做', exact: true }).click();
    await expect.poll(() => listProjectRows(session.served.ctx.library!.db, 2026).map((r) => r.district)).toEqual(['乳山市', '荣成市']);
    await expect.poll(settingsDistricts).toEqual(['荣成市', '乳山市']);
    expect(session.watched.consoleErrors).toEqual([]);
  });
});
