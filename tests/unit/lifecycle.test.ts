/**
 * 项目全周期 through the contract: stages on a year's list with the day they changed, counts and
 * conversions (储备→前期→开工) as of a month end by every breakdown, 前期手续 counted as of a month
 * end (obtained later: not counted), overdue procedures as warnings, and undo.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

let lib: TempLibrary;
let now = new Date(2025, 0, 5, 10);
const { call, refused, list } = contractCaller(() => lib.ctx);
const idOf = async (name: string) => (await list(2025)).find((r) => r.name === name)!.projectId;
const at = (y: number, m: number, d: number) => (now = new Date(y, m - 1, d, 10));

beforeEach(async () => {
  at(2025, 1, 5);
  lib = createTempLibrary({ now: () => now });
  const book = await buildWorkbook([
    {
      name: '清单',
      rows: [
        ['项目名称', '所在区市', '项目阶段', '总投资', '年度计划投资', '年度工作目标'],
        ['海洋科创园', '荣成市', '储备', 80_000, null, null],
        ['乳山口大桥', '荣成市', '前期', 350_000, null, '完成可研批复'],
        ['华能热电联产', '环翠区', '前期', 120_000, null, '取得用地批复'],
        ['光威复材碳纤维', '环翠区', '在建', 500_000, 100_000, null],
        ['远遥冷链物流', '环翠区', '储备', 30_000, null, null],
      ],
    },
  ]);
  commitProjectImport(lib.ctx, readWorkbook(book, '清单.xlsx'), '清单.xlsx', { year: 2025 });
});
afterEach(() => lib.close());

async function moveStage(name: string, stage: string, day: [number, number, number]) {
  at(...day);
  await call('projects.update', { projectId: await idOf(name), year: 2025, field: 'stage', value: stage, unit: '万元' });
}

describe('stages by year', () => {
  it('keeps the stage it came from and the day; counts and conversions as of each month end, by district', async () => {
    await moveStage('海洋科创园', '前期', [2025, 3, 10]);
    await moveStage('乳山口大桥', '在建', [2025, 8, 20]);
    const row = (await list(2025)).find((r) => r.name === '乳山口大桥')!;
    expect(row).toMatchObject({ stage: 'construction', previousStage: 'preparation', stageChangedOn: '2025-08-20', workTarget: '完成可研批复' });

    const feb = (await call('lifecycle.stages', { year: 2025, month: 2 })).overall;
    expect(feb.stages).toEqual({ reserve: 2, preparation: 2, construction: 1, completed: 0, production: 0 });
    expect(feb).toMatchObject({ reserveToPreparation: 0, preparationToStart: 0, reserveAtStart: 2, preparationAtStart: 2 });

    const july = (await call('lifecycle.stages', { year: 2025, month: 7 })).overall;
    expect(july.stages).toMatchObject({ reserve: 1, preparation: 3, construction: 1 });
    expect(july).toMatchObject({ reserveToPreparation: 1, preparationToStart: 0, workTargets: 2 });

    const aug = await call('lifecycle.stages', { year: 2025, month: 8 });
    expect(aug.asOf).toBe('2025-08-31');
    expect(aug.overall.stages).toMatchObject({ reserve: 1, preparation: 2, construction: 2 });
    expect(aug.overall).toMatchObject({ projects: 5, reserveToPreparation: 1, preparationToStart: 1, workTargets: 1 });
    const rongcheng = aug.byDistrict.find((d) => d.key === '荣成市')!;
    expect(rongcheng).toMatchObject({ projects: 2, reserveToPreparation: 1, preparationToStart: 1 });
    expect(rongcheng.stages).toMatchObject({ reserve: 0, preparation: 1, construction: 1 });
    expect(aug.byDistrict.find((d) => d.key === '环翠区')).toMatchObject({ projects: 3, reserveToPreparation: 0, preparationToStart: 0 });
    // The filter of the statistics applies.
    const filtered = await call('lifecycle.stages', { year: 2025, month: 8, filter: { districts: ['环翠区'] } });
    expect(filtered.overall.projects).toBe(3);

    // The day can be corrected: moved into September, the start no longer counts for August.
    await call('projects.update', { projectId: await idOf('乳山口大桥'), year: 2025, field: 'stageChangedOn', value: '2025-09-02', unit: '万元' });
    expect((await call('lifecycle.stages', { year: 2025, month: 8 })).overall).toMatchObject({ preparationToStart: 0 });
    // Undo puts back the day; undoing the stage change puts back the stage it came from.
    await call('history.undo', {});
    await call('history.undo', {});
    expect((await list(2025)).find((r) => r.name === '乳山口大桥')).toMatchObject({ stage: 'preparation', previousStage: null, stageChangedOn: null });
  });
});

describe('前期手续', () => {
  it('counts procedures obtained in the year by the month end, a later one not; 提前开工 with its investment; overdue ones as warnings', async () => {
    const kinds = await call('procedures.kinds', {});
    expect(kinds.map((k) => k.name)).toEqual(['立项/备案', '用地预审', '用地批复', '规划许可', '环评批复', '能评', '施工许可']);
    const kind = (name: string) => kinds.find((k) => k.name === name)!.id;
    const set = async (name: string, k: string, field: 'plannedDate' | 'obtainedDate' | 'obtained' | 'documentNumber', value: string) =>
      call('procedures.update', { year: 2025, projectId: await idOf(name), kindId: kind(k), field, value });

    await set('乳山口大桥', '立项/备案', 'obtainedDate', '2025-02-01');
    await set('乳山口大桥', '立项/备案', 'documentNumber', '威发改审批〔2025〕12号');
    await set('乳山口大桥', '施工许可', 'obtainedDate', '2025-08-15');
    await set('华能热电联产', '用地预审', 'plannedDate', '2025-06-30');
    await set('光威复材碳纤维', '环评批复', 'obtainedDate', '2024-11-01');
    at(2025, 9, 5);
    // 已办 without a date: counted from the day it was recorded, never before.
    const row = await set('海洋科创园', '立项/备案', 'obtained', '已办');
    expect(row.procedures[kind('立项/备案')]).toMatchObject({ obtainedDate: null, recordedOn: '2025-09-05', status: 'done' });
    await moveStage('乳山口大桥', '在建', [2025, 8, 20]);
    at(2025, 9, 5);
    await call('dispatch.update', { projectId: await idOf('乳山口大桥'), year: 2025, month: 8, field: 'completedToDate', value: '1717', unit: '万元' });

    const july = await call('procedures.counts', { year: 2025, month: 7 });
    expect(july).toMatchObject({ asOf: '2025-07-31', obtained: 1, approval: 1, constructionPermit: 0, overdue: 1, overdueProjects: 1, earlyStarts: 0 });
    const aug = await call('procedures.counts', { year: 2025, month: 8 });
    expect(aug).toMatchObject({ obtained: 2, approval: 1, constructionPermit: 1, undated: 0, earlyStarts: 1, earlyStartCompleted: 17_170_000 });
    expect(aug.byKind.find((k) => k.name === '用地预审')).toMatchObject({ obtained: 0, overdue: 1 });
    const sept = await call('procedures.counts', { year: 2025, month: 9 });
    expect(sept).toMatchObject({ obtained: 3, approval: 2, constructionPermit: 1, undated: 1 });
    // The district filter of the statistics applies.
    expect(await call('procedures.counts', { year: 2025, month: 9, filter: { districts: ['环翠区'] } })).toMatchObject({ obtained: 0, overdue: 1 });

    // Planned for 6月30日: due at the end of June, overdue after; red from 30 days.
    expect(await call('procedures.overdue', { year: 2025, month: 6 })).toEqual([]);
    expect(await call('procedures.overdue', { year: 2025, month: 7 })).toEqual([
      { projectId: await idOf('华能热电联产'), name: '华能热电联产', district: '环翠区', kind: '用地预审', plannedDate: '2025-06-30', daysOverdue: 31, warning: 'red', reason: '用地预审计划2025-06-30办结，已逾期31天未取得' },
    ]);
    const listed = await call('procedures.list', { year: 2025, month: 7 });
    expect(listed.rows.find((r) => r.name === '华能热电联产')!.procedures[kind('用地预审')]!.status).toBe('overdue');
    expect(listed.rows.find((r) => r.name === '乳山口大桥')!.procedures[kind('施工许可')]!.status).toBe('none');

    // Obtained: no longer overdue. Undo brings the warning back.
    await set('华能热电联产', '用地预审', 'obtainedDate', '2025-09-01');
    expect(await call('procedures.overdue', { year: 2025, month: 9 })).toEqual([]);
    await call('history.undo', {});
    expect((await call('procedures.overdue', { year: 2025, month: 9 })).map((o) => o.name)).toEqual(['华能热电联产']);
  });

  it('refuses a bad date with a Chinese message and keeps the kinds configurable', async () => {
    const kinds = await call('procedures.kinds', {});
    const err = await refused('procedures.update', { year: 2025, projectId: await idOf('乳山口大桥'), kindId: kinds[0]!.id, field: 'plannedDate', value: '明年' });
    expect(err.message).toBe('计划办结日期“明年”不是有效的日期，例如2025年3月21日');
    const added = await call('procedures.addKind', { name: '水土保持方案', role: null });
    expect(added.at(-1)!.name).toBe('水土保持方案');
    expect((await refused('procedures.addKind', { name: '能评' })).message).toBe('已有名为“能评”的手续');
    await call('procedures.update', { year: 2025, projectId: await idOf('乳山口大桥'), kindId: added.at(-1)!.id, field: 'plannedDate', value: '2025年10月1日' });
    expect((await refused('procedures.removeKind', { id: added.at(-1)!.id })).message).toMatch(/有1个项目记录了这项手续，不能删除/);
  });
});
