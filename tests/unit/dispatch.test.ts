import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitProgressImport, previewProgressImport } from '../../electron/services/import/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
let ids: Record<string, number>;

beforeEach(async () => {
  lib = createTempLibrary();
  const wb = readWorkbook(
    await buildWorkbook([{ name: '清单', rows: [['项目名称', '建设性质', '年度计划投资', '计划开工时间'], ['甲', '新建', 1200, '2024年2月'], ['乙', '续建', 600, null]] }]),
    'l.xlsx',
  );
  commitProjectImport(lib.ctx, wb, 'l.xlsx', { year: 2024, allowMissing: ['totalInvestment'] });
  ids = Object.fromEntries((await call('dispatch.list', { year: 2024, month: 8 })).map((r) => [r.name, r.projectId]));
});
afterEach(() => lib.close());

describe('月调度', () => {
  it('lists every project with last month, this month, the increment, unreported and colour with reason', async () => {
    await call('dispatch.update', { projectId: ids['乙']!, year: 2024, month: 7, field: 'completedToDate', value: '300', unit: '万元' });
    await call('dispatch.update', { projectId: ids['乙']!, year: 2024, month: 8, field: 'completedToDate', value: '380', unit: '万元' });
    const rows = await call('dispatch.list', { year: 2024, month: 8 });
    const yi = rows.find((r) => r.name === '乙')!;
    expect(yi).toMatchObject({ completedLastMonth: 3_000_000, completedToDate: 3_800_000, increment: 800_000, reported: true });
    const jia = rows.find((r) => r.name === '甲')!;
    expect(jia).toMatchObject({ reported: false, warning: 'red', warningReason: '计划2月开工，已逾期6个月未开工（红色：逾期3个月及以上）' });
  });

  it('edits a month’s start, date, 纳统, 形象进度 and problems, each undoable', async () => {
    const id = ids['甲']!;
    let row = await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'startDate', value: '2024年3月5日', unit: '万元' });
    expect(row).toMatchObject({ startDate: '2024-03-05', startedNew: true });
    row = await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'inStatistics', value: '是', unit: '万元' });
    expect(row.inStatistics).toBe(true);
    await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'visualProgress', value: '主体完工', unit: '万元' });
    row = await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'problem', value: '用地未落实', unit: '万元' });
    expect(row).toMatchObject({ visualProgress: '主体完工', openProblems: ['用地未落实'] });
    expect((await refused('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'startDate', value: '2024年2月30日', unit: '万元' })).message).toMatch(/不是有效的日期/);
    expect((await refused('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'completedToDate', value: '-1', unit: '万元' })).code).toBe('VALIDATION');
    await call('history.undo', {});
    expect((await call('dispatch.list', { year: 2024, month: 8 })).find((r) => r.projectId === id)!.openProblems).toEqual([]);
  });

  it('closes a month against changes, by hand, by import and by undo, and reopens only with a reason', async () => {
    const id = ids['乙']!;
    await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'completedToDate', value: '100', unit: '万元' });
    expect((await call('dispatch.close', { year: 2024, month: 8 })).closed).toBe(true);
    expect((await refused('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'completedToDate', value: '200', unit: '万元' })).message).toMatch(/2024年8月已关账/);
    expect((await refused('history.undo', {})).message).toMatch(/已关账/);
    const sheet = readWorkbook(await buildWorkbook([{ name: '8月', rows: [['项目名称', '1-8月完成投资'], ['乙', 500]] }]), '8.xlsx');
    expect(previewProgressImport(lib.ctx, [{ workbook: sheet, fileName: '8.xlsx' }], { year: 2024, month: 8 })[0]!.issues[0]!.message).toMatch(/已关账/);
    expect(() => commitProgressImport(lib.ctx, [{ workbook: sheet, fileName: '8.xlsx' }], { year: 2024, month: 8 })).toThrow(/已关账/);
    expect((await refused('dispatch.reopen', { year: 2024, month: 8, reason: ' ' })).message).toMatch(/请说明重新开账的原因/);
    const state = await call('dispatch.reopen', { year: 2024, month: 8, reason: '荣成市更正8月数据' });
    expect(state.closed).toBe(false);
    expect(state.log.map((l) => [l.action, l.reason])).toEqual([['reopen', '荣成市更正8月数据'], ['close', null]]);
    await call('dispatch.update', { projectId: id, year: 2024, month: 8, field: 'completedToDate', value: '200', unit: '万元' });
  });

  it('ranks districts and departments and sets warning thresholds with checks', async () => {
    expect((await refused('settings.setThresholds', { redMonthsLate: 3, yellowMonthsLate: 1, redGap: 0.1, yellowGap: 0.2 })).message).toMatch(/黄色预警/);
    const t = await call('settings.setThresholds', { redMonthsLate: 4, yellowMonthsLate: 2, redGap: 0.4, yellowGap: 0.2 });
    expect(t).toMatchObject({ rules: ['late', 'gap', 'procedure'], redMonthsLate: 4, yellowMonthsLate: 2, redGap: 0.4, yellowGap: 0.2 });
    const r = await call('stats.ranking', { year: 2024, month: 8 });
    // No districts or categories were given to these projects: nothing to rank by them.
    expect(r.districts).toEqual([]);
    expect(r.leadDepartments).toEqual([]);
    // Both projects have a plan, so both are ranked among the slowest.
    expect(r.slowest.map((p) => p.name).sort()).toEqual(['乙', '甲']);
  });
});
