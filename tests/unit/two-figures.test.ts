/**
 * Two figures and two plans (issue 14): a dispatch sheet's 纳统 column and a list's split plans,
 * imported through the contract; statistics give both figures and their difference for every
 * breakdown, the plan 1-M月 and the 时序开工率; the bulletin and `kpw stats --json` show them; 关账
 * keeps them; the dispatch edit; the new migration on an old library is in migrations.test.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plannedBySetting, plannedFromSplit } from '../../electron/services/statistics/plan-split';
import { planPeriodOf } from '../../electron/services/import/plan-split-columns';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
const 万 = 10_000;
let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
const data = async (rows: CellInput[][]) => (await buildWorkbook([{ name: '表', rows }])).toString('base64');

async function importList(rows: CellInput[][]) {
  const preview = await call('import.projects.preview', { source: { fileName: '清单.xlsx', data: await data(rows) }, year: 2025 });
  await call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false, allowMissing: ['totalInvestment'] });
  return preview;
}

async function previewMonth(month: number, rows: CellInput[][], confirmMonth?: boolean) {
  const r = await call('import.progress.preview', { files: [{ fileName: `${month}月.xlsx`, data: await data(rows) }], year: 2025, month, ...(confirmMonth ? { confirmMonth } : {}) });
  return { ...r.previews[0]!, token: r.token };
}

async function importMonth(month: number, rows: CellInput[][]) {
  const preview = await previewMonth(month, rows);
  await call('import.progress.commit', { token: preview.token, year: 2025, month });
  return preview;
}

const LIST: CellInput[][] = [
  ['项目名称', '所在区市', '项目级别', '建设性质', '总投资', '年度计划投资', '1季度计划', '2季度计划', '下半年', '计划开工时间'],
  ['甲', '荣成市', '省级', '新建', 20000, 1200, 300, 600, 300, '2025年3月'],
  ['乙', '文登区', '市级', '续建', 30000, 2400, null, null, null, null],
  ['丙', '荣成市', '市级', '新建', 8000, 600, 100, 200, 300, '2025年6月'],
];
const APRIL: CellInput[][] = [
  ['项目名称', '1-4月完成投资', '1-4月纳统投资', '是否开工'],
  ['甲', 500, 450, '是'],
  ['乙', 900, null, '是'],
  ['丙', 0, 0, '否'],
];

beforeEach(async () => {
  lib = createTempLibrary({ now: () => new Date('2025-05-06T10:00:00+08:00') });
  await importList(LIST);
});
afterEach(() => lib.close());

describe('two figures: the 纳统 figure beside the dispatch figure', () => {
  it('imports both from one dispatch sheet and gives both and their difference, overall and by every breakdown', async () => {
    const preview = await importMonth(4, APRIL);
    expect(preview.columns.find((c) => c.header === '1-4月纳统投资')?.target).toBe('statisticsToDate');
    const st = await call('stats.get', { year: 2025, month: 4 });
    // 乙 gives no 纳统 figure: not counted as 0, not in the 纳统 sum.
    expect(st.overall).toMatchObject({ completedToDate: 1400 * 万, statisticsToDate: 450 * 万, statisticsReported: 2, statisticsDifference: 950 * 万 });
    expect(st.overall.statisticsRate).toBeCloseTo(450 / 4200, 12);
    const 荣成 = st.byDistrict.find((d) => d.key === '荣成市')!;
    expect(荣成).toMatchObject({ completedToDate: 500 * 万, statisticsToDate: 450 * 万, statisticsDifference: 50 * 万 });
    expect(st.byDistrict.find((d) => d.key === '文登区')).toMatchObject({ statisticsToDate: null, statisticsDifference: null });
    expect(st.byLevel.every((l) => 'statisticsDifference' in l) && st.bySize.every((l) => 'statisticsDifference' in l)).toBe(true);
    const rows = await call('dispatch.list', { year: 2025, month: 4 });
    expect(rows.map((r) => [r.name, r.statisticsToDate])).toEqual([['甲', 450 * 万], ['乙', null], ['丙', 0]]);
    // Carried forward like the dispatch figure: May without a 纳统 column keeps April's.
    await importMonth(5, [['项目名称', '1-5月完成投资'], ['甲', 700]]);
    expect((await call('stats.get', { year: 2025, month: 5 })).overall).toMatchObject({ completedToDate: 1600 * 万, statisticsToDate: 450 * 万 });
  });

  it('reads 纳统数 beside 调度数 under one band, refuses another month unless confirmed, and warns when 纳统 exceeds the dispatch figure', async () => {
    const banded: CellInput[][] = [
      ['项目名称', '1-4月完成投资', null],
      [null, '调度数', '纳统数'],
      ['甲', 500, 520],
    ];
    const p = await previewMonth(4, banded);
    expect(p.completedFrom?.columns).toEqual(['1-4月完成投资／调度数']);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(p.issues.find((i) => i.cell === 'C3')?.message).toMatch(/纳统完成投资高于调度的累计完成投资/);
    const other = await previewMonth(4, [['项目名称', '1-4月完成投资', '1-3月纳统投资'], ['甲', 500, 400]]);
    expect(other.issues.find((i) => i.severity === 'error')?.message).toMatch(/1-3月纳统投资.*不会当作1-4月纳统完成投资读入/);
    const confirmed = await previewMonth(4, [['项目名称', '1-4月完成投资', '1-3月纳统投资'], ['甲', 500, 400]], true);
    expect(confirmed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const bad = await previewMonth(4, [['项目名称', '1-4月完成投资', '入库投资'], ['甲', 500, '很多']]);
    expect(bad.issues.find((i) => i.severity === 'error')).toMatchObject({ cell: 'C2', message: expect.stringMatching(/纳统完成投资.*不是有效的金额/) });
  });

  it('is edited in 月调度 (emptied: no figure), refused in a closed month, and undone', async () => {
    await importMonth(4, APRIL);
    const 乙 = (await call('dispatch.list', { year: 2025, month: 4 })).find((r) => r.name === '乙')!;
    const row = await call('dispatch.update', { projectId: 乙.projectId, year: 2025, month: 4, field: 'statisticsToDate', value: '800.5', unit: '万元' });
    expect(row.statisticsToDate).toBe(8_005_000);
    expect((await refused('dispatch.update', { projectId: 乙.projectId, year: 2025, month: 4, field: 'statisticsToDate', value: '1.00001', unit: '万元' })).message).toMatch(/纳统完成投资.*精度/);
    expect((await call('dispatch.update', { projectId: 乙.projectId, year: 2025, month: 4, field: 'statisticsToDate', value: '', unit: '万元' })).statisticsToDate).toBeNull();
    await call('history.undo', {});
    expect((await call('stats.get', { year: 2025, month: 4 })).overall.statisticsToDate).toBe(450 * 万 + 8_005_000);
    await call('dispatch.close', { year: 2025, month: 4 });
    expect((await refused('dispatch.update', { projectId: 乙.projectId, year: 2025, month: 4, field: 'statisticsToDate', value: '1', unit: '万元' })).message).toMatch(/2025年4月已关账/);
  });
});

describe('two plans: the plan 1-M月 and the 时序开工率', () => {
  it('splits the imported quarters, spreads a month inside a period evenly, and compares like with like', async () => {
    await importMonth(4, APRIL);
    const st = await call('stats.get', { year: 2025, month: 4 });
    // 甲: 1-3月 300, 1-6月 900 → 1-4月 500; 丙: 100, 300 → 1-4月 166.6667 (half-up to the 元); 乙 has no split.
    expect(st.overall).toMatchObject({ plannedToDate: 500 * 万 + 1_666_667, plannedProjects: 2, plannedCompleted: 500 * 万 });
    expect(st.overall.plannedRate).toBeCloseTo(5_000_000 / 6_666_667, 12);
    // 甲 (March) was due by April and started; 丙 (June) not yet due.
    expect(st.overall).toMatchObject({ dueToStart: 1, startedDue: 1, timelyStartRate: 1 });
    expect((await call('stats.get', { year: 2025, month: 6 })).overall).toMatchObject({ dueToStart: 2, startedDue: 1, timelyStartRate: 0.5 });
    expect((await call('stats.get', { year: 2025, month: 4 })).byDistrict.find((d) => d.key === '文登区')).toMatchObject({ plannedToDate: null, plannedRate: null });
    const rows = await call('dispatch.list', { year: 2025, month: 6 });
    expect(rows.map((r) => r.plannedToDate)).toEqual([900 * 万, null, 300 * 万]);
  });

  it('spreads plans without a split evenly or by the profile set in 设置 (validated)', async () => {
    expect((await call('settings.planSplit', {})).mode).toBe('none');
    await call('settings.setPlanSplit', { mode: 'even', profile: [] });
    expect((await call('stats.get', { year: 2025, month: 4 })).overall.plannedToDate).toBe(500 * 万 + 800 * 万 + 1_666_667); // 乙: 2400 × 4/12
    const profile = [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100];
    await call('settings.setPlanSplit', { mode: 'profile', profile });
    expect((await call('stats.get', { year: 2025, month: 4 })).overall.plannedToDate).toBe(500 * 万 + 720 * 万 + 1_666_667); // 2400 × 30%
    expect((await refused('settings.setPlanSplit', { mode: 'profile', profile: [5, 4, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100] })).message).toMatch(/累计比例不能减少/);
    expect((await refused('settings.setPlanSplit', { mode: 'profile', profile: profile.slice(0, 11) })).message).toMatch(/12个累计百分比/);
  });

  it('refuses a split it cannot make cumulative, naming the cell, and a list re-imported with a new split is undone as one step', async () => {
    const broken = await call('import.projects.preview', {
      source: { fileName: '清单.xlsx', data: await data([['项目名称', '年度计划投资', '2季度计划'], ['甲', 1200, 600]]) },
      year: 2025,
    });
    expect(broken.issues.find((i) => i.severity === 'error')).toMatchObject({ cell: 'C2', message: expect.stringMatching(/没有1-3月的/) });
    const changed = await importList([['项目名称', '年度计划投资', '上半年计划', '全年'], ['甲', 1200, 1000, 1200]]);
    expect(changed.rows[0]!.changes.find((c) => c.field === 'planSplit')?.newText).toBe('1-6月1,000万元');
    expect((await call('stats.get', { year: 2025, month: 3 })).overall.plannedToDate).toBe(500 * 万 + 1_000_000);
    await call('history.undo', {});
    expect((await call('stats.get', { year: 2025, month: 3 })).overall.plannedToDate).toBe(300 * 万 + 100 * 万);
  });

  it('reads the periods offices write', () => {
    const cases: [string, [number, number] | null][] = [
      ['1季度计划', [1, 3]], ['一季度', [1, 3]], ['第二季度计划投资', [4, 6]], ['Q3', [7, 9]], ['上半年', [1, 6]], ['下半年计划', [7, 12]],
      ['1-6月计划', [1, 6]], ['前三季度', [1, 9]], ['7-9月计划投资', [7, 9]], ['3月计划', [3, 3]], ['2025年计划投资／一季度', [1, 3]],
      ['3月', null], ['一季度完成投资', null], ['全年计划', null], ['1-6月完成投资', null],
    ];
    expect(cases.map(([h]) => { const p = planPeriodOf(h); return p && [p.from, p.to]; })).toEqual(cases.map(([, p]) => p));
    expect(plannedFromSplit(new Map([[6, 600]]), 1000, 9)).toBe(800); // 600 + (1000 − 600) × 3/6
    expect(plannedFromSplit(new Map(), 1000, 1)).toBe(83); // 83.33 half-up
    expect(plannedBySetting({ mode: 'even', profile: [] }, 6, 1)).toBe(1); // 0.5 → 1 (half-up)
    expect(plannedBySetting({ mode: 'none', profile: [] }, 6, 1)).toBeNull();
  });
});

describe('the bulletin, kpw and 关账', () => {
  it('show both figures and both plans, and keep them as closed', async () => {
    await importMonth(4, APRIL);
    const draft = await call('drafts.build', { kind: 'bulletin', year: 2025, month: 4, params: {} });
    const text = draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    expect(text).toContain('其中，纳统（统计入库）完成投资450万元，比调度数少950万元，占年度计划投资的10.7%。');
    expect(text).toContain('有分期计划的2个项目1-4月计划投资666.67万元，完成1-4月投资计划的75%，完成年度投资计划的33.3%。');
    expect(text).toContain('截至4月底，应开工新建项目1个，已开工1个，时序开工率100%。');
    // Per level too, where the level's 纳统 figure differs: 甲 (省级) 500 against 450; 乙 (市级) gave none and 丙 0, so 市级 has none yet.
    expect(text).toMatch(/省重点项目1个，完成投资500万元，完成年度计划投资的41\.7%，[^。，]*，纳统（统计入库）完成投资450万元，占年度计划投资的37\.5%。市重点项目2个，完成投资900万元，完成年度计划投资的30%，低于时序进度3\.3个百分点，尚无纳统（统计入库）投资。/);
    expect(draft.figures.map((f) => f.label)).toEqual(expect.arrayContaining(['纳统完成投资（全市）', '完成1-M月计划（全市）', '时序开工率（全市）']));

    const kpw = () => {
      const r = spawnSync(process.execPath, [KPW, 'stats', '--db', lib.file, '--year', '2025', '--month', '4', '--json'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { overall: Record<string, unknown>; byDistrict: Record<string, unknown>[] };
    };
    const json = kpw();
    expect(json.overall).toMatchObject({ completedToDate: 1400, statisticsToDate: 450, statisticsDifference: 950, plannedToDate: 666.6667, dueToStart: 1, timelyStartRate: 1 });
    expect(json.byDistrict.find((d) => d.key === '荣成市')).toMatchObject({ statisticsToDate: 450, statisticsDifference: 50 });

    // 关账: a new split and a corrected 纳统 figure of March leave April as closed.
    await call('dispatch.close', { year: 2025, month: 4 });
    const closed = await call('stats.get', { year: 2025, month: 4 });
    await importList([['项目名称', '年度计划投资', '1-4月计划'], ['甲', 1200, 1100]]);
    await importMonth(3, [['项目名称', '1-3月完成投资', '1-3月纳统投资'], ['乙', 600, 590]]);
    await call('settings.setPlanSplit', { mode: 'even', profile: [] });
    expect(await call('stats.get', { year: 2025, month: 4 })).toEqual(closed);
    expect(kpw().overall).toMatchObject({ statisticsToDate: 450, plannedToDate: 666.6667 });
    await call('dispatch.reopen', { year: 2025, month: 4, reason: '核对分期计划' });
    expect((await call('stats.get', { year: 2025, month: 4 })).overall).toMatchObject({ plannedToDate: 1100 * 万 + 800 * 万 + 1_666_667 });
  }, 240_000); // kpw starts twice (under tsx while the sources are newer than its bundle)
});
