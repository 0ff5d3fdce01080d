/**
 * Missing is not zero (issue 14, item 6): a project with no report is 未报送 and its warning says
 * so; months before the library's first report of the year have no data — the trend leaves them
 * out and 本月完成 is "—", not the whole cumulative — until someone enters them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDispatchColumns } from '../../renderer/src/features/dispatch/columns';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

let lib: TempLibrary;
const { call } = contractCaller(() => lib.ctx);
const data = async (name: string, rows: (string | number)[][]) => (await buildWorkbook([{ name, rows }])).toString('base64');

async function importSheet(year: number, month: number, rows: [string, number][]) {
  const sheet = await data(`${month}月`, [['项目名称', `1-${month}月完成投资`, '是否开工'], ...rows.map(([n, v]) => [n, v, '是'])]);
  const p = await call('import.progress.preview', { files: [{ fileName: `${month}月.xlsx`, data: sheet }], year, month });
  await call('import.progress.commit', { token: p.token, year, month });
}

beforeEach(async () => {
  lib = createTempLibrary();
  for (const year of [2024, 2025]) {
    const list = await data('清单', [
      ['项目名称', '建设地点', '建设性质', '总投资', '年度计划投资'],
      ['甲', '环翠区', '续建', 20000, 1200],
      ['乙', '文登区', '续建', 30000, 2400],
      ['丙', '荣成市', '续建', 8000, 1200],
    ]);
    const preview = await call('import.projects.preview', { source: { fileName: '清单.xlsx', data: list }, year });
    await call('import.projects.commit', { token: preview.token, year, validOnly: false });
  }
  // The library starts in August with a 1-8月 sheet; 丙 has not reported; 2024 was kept from May.
  await importSheet(2025, 8, [['甲', 700], ['乙', 1000]]);
  await importSheet(2024, 5, [['甲', 300]]);
});
afterEach(() => lib.close());

const 万 = 10_000;

describe('missing is not zero', () => {
  it('leaves the months before the first report out of the trend, for this year and last', async () => {
    const trend = await call('stats.trend', { year: 2025, month: 8 });
    expect(trend.current).toEqual([null, null, null, null, null, null, null, 1700 * 万, null, null, null, null]);
    expect(trend.previous).toEqual([null, null, null, null, ...Array(8).fill(300 * 万)]);
  });

  it('shows 本月完成 as "—" while last month has no data, and the increment once someone enters it', async () => {
    const rows = await call('dispatch.list', { year: 2025, month: 8 });
    expect(rows.map((r) => [r.name, r.completedLastMonth, r.increment])).toEqual([
      ['甲', null, null],
      ['乙', null, null],
      ['丙', null, null],
    ]);
    const increment = buildDispatchColumns({ month: 8, unit: '万元', editable: true }).find((c) => c.colId === 'increment')!;
    const shown = (value: number | null) => (increment.valueFormatter as (p: { value: unknown }) => string)({ value });
    expect(shown(rows[0]!.increment)).toBe('—');
    expect(shown(250 * 万)).toBe('250.00'); // every cell of a money column with the office's decimals (口径)

    // 甲's July is entered by hand: July has data now.
    const jia = rows[0]!.projectId;
    await call('dispatch.update', { projectId: jia, year: 2025, month: 7, field: 'completedToDate', value: '450', unit: '万元' });
    const after = await call('dispatch.list', { year: 2025, month: 8 });
    expect(after.find((r) => r.name === '甲')).toMatchObject({ completedLastMonth: 450 * 万, increment: 250 * 万 });
    expect((await call('stats.trend', { year: 2025, month: 8 })).current.slice(6, 8)).toEqual([450 * 万, 1700 * 万]);
    // January's month before is the start of the year: 0, not unknown.
    await importSheet(2025, 1, [['乙', 80]]);
    expect((await call('dispatch.list', { year: 2025, month: 1 })).find((r) => r.name === '乙')).toMatchObject({ completedLastMonth: 0, increment: 80 * 万 });
  });

  it('says a project without a report is 未报送, never "投资完成率0%"', async () => {
    const rows = await call('dispatch.list', { year: 2025, month: 8 });
    const bing = rows.find((r) => r.name === '丙')!;
    expect(bing).toMatchObject({ reported: false, warning: 'red' });
    expect(bing.warningReason).toBe('1-8月未报送，完成投资按0计，低于时序进度66.7个百分点（红色：低于时序进度超过30个百分点）');
    expect(rows.map((r) => r.warningReason ?? '').join()).not.toMatch(/投资完成率0%/);
    expect((await call('stats.get', { year: 2025, month: 8 })).overall.unreported).toBe(1);
    // A draft's warning list carries the same reason.
    const draft = await call('drafts.build', { kind: 'bulletin', year: 2025, month: 8, params: {} });
    expect(JSON.stringify(draft.blocks)).toContain('1-8月未报送，完成投资按0计');
  });
});
