/**
 * 要素保障 forms and sheets, and 设置 > 前期手续种类, in Chromium through the harness: bank totals, a
 * project's loans and land typed in and shown as the services add them up, a bank sheet previewed
 * then imported, a refused entry told in Chinese; procedure kinds added, renamed, moved, retired
 * (gone from the 前期手续 grid, its records kept) and refused deletion with the reason.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureKinds, writeProcedure } from '../../electron/db/lifecycle';
import { fillDemoLibrary } from '../../electron/services/demo';
import { dispatch } from '../../electron/services/handlers';
import { servedPageForFile } from '../helpers/harness';
import { buildWorkbook } from '../helpers/workbooks';
import type { ProcedureKind } from '../../shared/lifecycle';

let project = '';
const session = servedPageForFile((lib) => {
  const db = lib.ctx.library!.db;
  fillDemoLibrary(db, 'x');
  const first = db.prepare('SELECT p.id, p.name FROM year_plans yp JOIN projects p ON p.id = yp.project_id WHERE yp.year = 2024 ORDER BY yp.sort_order LIMIT 1').get() as { id: number; name: string };
  project = first.name;
  // 能评 recorded for one project: it cannot be deleted, only retired.
  const energy = procedureKinds(db).find((k) => k.name === '能评')!;
  writeProcedure(db, { project_id: first.id, kind_id: energy.id, planned_date: '2024-05-31', obtained_date: null, recorded_on: null, document_number: null });
});
let page: Page;
beforeAll(() => {
  page = session.page;
});

async function openSupport() {
  await page.getByRole('button', { name: '前期手续', exact: true }).click();
  await page.getByLabel('手续年度').selectOption('2024');
  await page.getByRole('button', { name: '要素保障', exact: true }).click();
  await page.getByTestId('bank-form').waitFor();
}

describe('要素保障 forms in Chromium', () => {
  it('records bank totals, a project’s loan and land by hand; refuses a bad figure in Chinese', async () => {
    await openSupport();
    const elements = page.getByTestId('support-elements');
    await expect.poll(() => elements.textContent()).toBe('银行支持：尚未填报。用地保障：尚未填报。');

    // A loan of a project on the list, typed in 万元: the bank figures are its sums until totals are given.
    await page.getByLabel('贷款项目名称').fill(project);
    await page.getByLabel('贷款银行').fill('国家开发银行');
    await page.getByLabel('项目授信额度（万元）').fill('120000');
    await page.getByLabel('项目发放贷款（万元）').fill('35000');
    await page.getByRole('button', { name: '添加贷款' }).click();
    await expect.poll(() => page.getByTestId('loan-list').textContent()).toBe(`${project}，国家开发银行：授信12亿元，发放3.5亿元，余额—删除`);
    await expect.poll(() => elements.textContent()).toBe('银行支持（按1笔项目贷款合计）：支持重点项目1个，授信额度12亿元，累计发放贷款3.5亿元，贷款余额—。用地保障：尚未填报。');

    // The office's totals take their place.
    await page.getByLabel('支持项目（个）').fill('32');
    await page.getByLabel('授信额度（万元）', { exact: true }).fill('1251500');
    await page.getByLabel('累计发放贷款（万元）').fill('490900');
    await page.getByLabel('贷款余额（万元）', { exact: true }).fill('484300');
    await page.getByRole('button', { name: '保存合计' }).click();
    await expect.poll(() => elements.textContent()).toBe('银行支持：支持重点项目32个，授信额度125.15亿元，累计发放贷款49.09亿元，贷款余额48.43亿元。用地保障：尚未填报。');

    await page.getByLabel('用地项目名称').fill(project);
    await page.getByLabel('解决用地（亩）').fill('511.05');
    await page.getByRole('button', { name: '添加用地' }).click();
    await expect.poll(() => elements.textContent()).toMatch(/用地保障：解决用地511\.05亩。$/);
    // The headline and the list are drawn from separate answers: wait for the list too.
    await expect.poll(() => page.getByTestId('land-list').textContent()).toBe(`${project}：511.05亩删除`);

    // Refused with the reason; nothing is added.
    await page.getByLabel('解决用地（亩）').fill('五百亩');
    await page.getByRole('button', { name: '添加用地' }).click();
    await expect.poll(() => page.getByTestId('lifecycle-status').textContent()).toBe('用地面积“五百亩”无效，应为亩数，最多两位小数');
    expect(await page.getByTestId('land-list').locator('li').count()).toBe(1);
  }, 90_000);

  it('previews a bank sheet, then imports it, replacing the year', async () => {
    const data = await buildWorkbook([
      {
        name: '银行支持',
        rows: [['单位：亿元'], ['年度', '项目名称', '贷款银行', '支持项目（个）', '授信额度', '累计发放贷款', '贷款余额'], [2024, '全市合计', null, 40, 130, 50, 49], [2024, project, '建设银行', null, 5, 2, 2]],
      },
    ]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入银行支持表…' }).click();
    await (await chooser).setFiles({ name: '银行支持.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data });
    const dialog = page.getByTestId('support-import');
    await dialog.waitFor();
    expect(await dialog.locator('li').allTextContents()).toEqual(['2024年：2行，发放贷款52亿元，替换原有2条']);
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByTestId('lifecycle-status').textContent()).toBe('已导入银行支持2行（替换原有2条）');
    await expect.poll(() => page.getByTestId('support-elements').textContent()).toMatch(/^银行支持：支持重点项目40个，授信额度130亿元，累计发放贷款50亿元，贷款余额49亿元。/);
    await expect.poll(() => page.getByTestId('loan-list').textContent()).toBe(`${project}，建设银行：授信5亿元，发放2亿元，余额2亿元删除`);
    expect(session.watched.consoleErrors).toEqual([]);
  });
});

describe('设置 > 前期手续种类 in Chromium', () => {
  const kinds = async () => {
    const r = await dispatch(session.served.ctx, 'procedures.kinds', {});
    return r.ok ? (r.value as ProcedureKind[]) : [];
  };

  it('adds, renames, moves and retires kinds; refuses deleting one with records, saying why', async () => {
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const panel = page.getByTestId('procedure-kinds');
    await panel.waitFor();
    await panel.getByLabel('新增手续名称').fill('水土保持方案');
    await panel.getByRole('button', { name: '添加手续' }).click();
    await expect.poll(async () => (await kinds()).map((k) => k.name).at(-1)).toBe('水土保持方案');
    await panel.getByLabel('手续名称：水土保持方案').fill('水保方案');
    await panel.getByTestId('kind-水土保持方案').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('procedure-kinds-status').textContent()).toBe('已改名为“水保方案”');
    await panel.getByRole('button', { name: '上移水保方案' }).click();
    await expect.poll(async () => (await kinds()).map((k) => k.name).slice(-2)).toEqual(['水保方案', '施工许可']);

    // 能评 has a record: deleting is refused with the reason, retiring keeps it.
    await panel.getByTestId('kind-能评').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('settings-error').textContent()).toBe('有1个项目记录了这项手续，不能删除“能评”（删除会丢失这些记录）；如不再使用，请点“停用”：停用后不再显示和统计，记录保留，可随时恢复');
    await panel.getByTestId('kind-能评').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => panel.getByTestId('kind-能评').locator('td').nth(2).textContent()).toBe('已停用');
    expect(await page.getByTestId('settings-error').count()).toBe(0);
    // Gone from what the 前期手续 grid shows (its columns are the listed kinds), back when restored.
    const listed = async () => {
      const r = await dispatch(session.served.ctx, 'procedures.list', { year: 2024, month: 8 });
      return r.ok ? (r.value as { kinds: ProcedureKind[] }).kinds.map((k) => k.name) : [];
    };
    expect(await listed()).toEqual(['立项/备案', '用地预审', '用地批复', '规划许可', '环评批复', '水保方案', '施工许可']);
    await page.getByRole('button', { name: '前期手续', exact: true }).click();
    await page.getByRole('button', { name: '手续台账', exact: true }).click();
    await expect.poll(() => page.getByTestId('procedures-grid').locator('.ag-header').textContent()).toContain('环评批复');
    expect(await page.getByTestId('procedures-grid').locator('.ag-header').textContent()).not.toContain('能评');
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await panel.getByTestId('kind-能评').getByRole('button', { name: '恢复' }).click();
    await expect.poll(async () => (await kinds()).find((k) => k.name === '能评')!.retired).toBe(false);
    // A kind without records is deleted.
    await panel.getByTestId('kind-水保方案').getByRole('button', { name: '删除' }).click();
    await expect.poll(async () => (await kinds()).map((k) => k.name)).toEqual(['立项/备案', '用地预审', '用地批复', '规划许可', '环评批复', '能评', '施工许可']);
    expect(session.watched.consoleErrors).toEqual([]);
  }, 90_000);
});
