/**
 * 月调度 of a small 2024 library, in Chromium through the harness: the list and the July sheet the
 * test writes, imported as a user would, and the screen opened on the month the test looks at.
 */
import type { Browser, Page } from 'playwright-core';
import { commitProgressImport } from '../../electron/services/import/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { openPage, type WatchedPage } from './browser';
import { serveTempLibrary, type ServedLibrary } from './harness';
import { buildWorkbook, type CellInput } from './workbooks';

export interface DispatchPage {
  served: ServedLibrary;
  watched: WatchedPage;
  page: Page;
}

export async function openDispatchMonth(
  browser: Browser,
  setup: { list: CellInput[][]; july: CellInput[][]; month: number; withoutTotalInvestment?: boolean },
): Promise<DispatchPage> {
  const list = readWorkbook(await buildWorkbook([{ name: '清单', rows: setup.list }]), 'l.xlsx');
  const july = readWorkbook(await buildWorkbook([{ name: '7月', rows: setup.july }]), '7.xlsx');
  const served = await serveTempLibrary((lib) => {
    commitProjectImport(lib.ctx, list, 'l.xlsx', { year: 2024, ...(setup.withoutTotalInvestment ? { allowMissing: ['totalInvestment'] } : {}) });
    commitProgressImport(lib.ctx, [{ workbook: july, fileName: '7.xlsx' }], { year: 2024, month: 7 });
  });
  const watched = await openPage(browser, served.harness.url);
  const page = watched.page;
  await page.getByRole('button', { name: '月调度', exact: true }).click();
  await page.getByLabel('调度年度').selectOption('2024');
  await page.getByLabel('调度月份选择').selectOption(String(setup.month));
  await dispatchCell(page, 0, 'name').waitFor();
  return { served, watched, page };
}

export async function closeDispatchMonth(d: DispatchPage | undefined): Promise<void> {
  await d?.page.context().close();
  await d?.served.stop();
}

/** A cell of the 月调度 grid by row index and column id. */
export function dispatchCell(page: Page, row: number, col: string) {
  return page.locator(`[data-testid="dispatch-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
}
