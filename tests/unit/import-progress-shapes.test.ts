/**
 * Dispatch sheets in every shape offices send (REAL-DOCUMENTS.md, "Dispatch sheets as they
 * arrive"): the cumulative column, one column per month added up, 本月完成 plus 上月累计, and
 * 自开工累计 (never this year's figure unless mapped). Each is imported through the contract, and
 * every project's stored cumulative compared with what the sheet says. Then the checks a
 * statistics office makes (warnings, each with a case that triggers it and one that does not),
 * problems typed from their words, and kpw refusing a sheet without completed investment.
 */
import { money } from '../../shared/money';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertReports, readReport, type ReportSnapshot } from '../../electron/db/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { describeIssue } from '../../shared/import';
import { problemTypeOf } from '../../shared/problems';
import type { DispatchChoices, ProgressImportPreview } from '../../shared/progress-import';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, tempDir, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
const db = () => lib.ctx.library!.db;
const ids: Record<string, number> = {};
/** An amount in 万元 as the exact 元 the library stores. */
const 万 = (n: number) => Math.round(n * 10_000);

// 甲 new and under construction, 乙 continuing, 丙 continuing and finished (竣工).
const LIST: CellInput[][] = [
  ['项目编号', '项目名称', '建设性质', '项目阶段', '总投资', '年度计划投资'],
  ['P1', '甲', '新建', '在建', 5000, 1200],
  ['P2', '乙', '续建', '在建', 3000, 600],
  ['P3', '丙', '续建', '竣工', 1000, 800],
];

beforeEach(async () => {
  lib = createTempLibrary();
  commitProjectImport(lib.ctx, readWorkbook(await buildWorkbook([{ name: '清单', rows: LIST }]), 'list.xlsx'), 'list.xlsx', { year: 2024 });
  const table = await call('projects.list', { year: 2024 });
  for (const r of table.rows) ids[r[2] as string] = r[0] as number;
});
afterEach(() => lib.close());

type Choices = Omit<DispatchChoices, 'allowNoCompleted'>;

/** Preview one sheet through the contract, as the dialog does. */
async function preview(rows: CellInput[][], month: number, choices: Choices = {}, merges: string[] = []): Promise<{ token: string; preview: ProgressImportPreview }> {
  const data = (await buildWorkbook([{ name: `${month}月调度`, rows, merges }])).toString('base64');
  const r = await call('import.progress.preview', { files: [{ fileName: `${month}月.xlsx`, data }], year: 2024, month, ...choices });
  return { token: r.token, preview: r.previews[0]! };
}

/** Preview and commit with the same choices; the preview is returned. */
async function importSheet(rows: CellInput[][], month: number, choices: DispatchChoices = {}, merges: string[] = []): Promise<ProgressImportPreview> {
  const { allowNoCompleted, ...rest } = choices;
  const p = await preview(rows, month, rest, merges);
  await call('import.progress.commit', { token: p.token, year: 2024, month, ...rest, ...(allowNoCompleted ? { allowNoCompleted } : {}) });
  return p.preview;
}

const stored = (code: string, month: number) => readReport(db(), ids[code]!, 2024, month)?.completed_to_date;
const errors = (p: ProgressImportPreview) => p.issues.filter((i) => i.severity === 'error').map(describeIssue);
const warnings = (p: ProgressImportPreview) => p.issues.filter((i) => i.severity === 'warning' && i.cell !== '').map(describeIssue);

/** Reports written straight into the library (earlier months or years). */
function report(code: string, year: number, month: number, completed: number, extra: Partial<ReportSnapshot> = {}): void {
  insertReports(db(), [{ project_id: ids[code]!, year, month, completed_to_date: money(万(completed)), started: 0, resumed: 1, start_date: null, in_statistics: 0, completed: 0, in_production: 0, visual_progress: null, reported_at: '2024-01-01T00:00:00.000Z', ...extra }]);
}

describe('the shapes of the completed investment', () => {
  it.each([
    ['1-8月完成投资', 1],
    ['截至8月底累计完成投资', 1],
    ['本年累计完成投资', 1],
    ['1-8月累计完成投资（亿元）', 10_000],
  ])('reads the cumulative column “%s”', async (header, scale) => {
    const amounts = { P1: 894.6, P2: 300.5, P3: 0.1 };
    const p = await importSheet([['单位：万元'], ['项目编号', '项目名称', header], ...Object.entries(amounts).map(([code, v]) => [code, null, v / scale])], 8);
    expect(p.completedFrom).toEqual({ how: 'cumulative', columns: [header], letters: ['C'] });
    expect(errors(p)).toEqual([]);
    for (const [code, v] of Object.entries(amounts)) expect(stored(code, 8)).toBe(万(v));
  });

  it('adds up one column per month, 1..M, exactly; later months ignored with a note, N月形象进度 as 形象进度', async () => {
    const months: Record<string, number[]> = { P1: [0.1, 0.2, 0, 10, 20.5, 30.25, 40.125, 50.0625, 99], P2: [1, 2, 3, 4, 5, 6, 7, 8, 9], P3: [100, 0, 0, 0, 0, 0, 0, 0.0001, 0] };
    const header: CellInput[] = ['项目名称'];
    for (let m = 1; m <= 9; m++) header.push(`${m}月完成投资`, `${m}月形象进度`);
    const rows: CellInput[][] = [header, ...['甲', '乙', '丙'].map((name, i) => [name, ...Object.values(months)[i]!.flatMap((v, m) => [v, `${m + 1}月进展`])])];
    const p = await importSheet(rows, 8);
    expect(p.completedFrom?.how).toBe('monthly-sum');
    expect(p.completedFrom?.columns).toEqual(Array.from({ length: 8 }, (_, i) => `${i + 1}月完成投资`));
    expect(p.notes).toContain('R列“9月完成投资”是8月以后的数，不计入（导入的是8月）');
    expect(p.notes).toContain('Q列“8月形象进度”作为8月的形象进度');
    expect(errors(p)).toEqual([]);
    for (const [code, values] of Object.entries(months)) expect(stored(code, 8)).toBe(values.slice(0, 8).reduce((n, v) => n + 万(v), 0));
    expect(stored('P1', 8)).toBe(1_512_375); // 0.1 + 0.2 + … in 元, no binary fractions
    expect(readReport(db(), ids['P1']!, 2024, 8)?.visual_progress).toBe('8月进展');
  });

  it('reads the months under a merged band "完成投资（万元）"', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '完成投资（万元）', null, null, '是否开工'],
      [null, '1月', '2月', '3月', null],
      ['甲', 1.5, 2.25, 3, '是'],
    ];
    const p = await importSheet(rows, 3, {}, ['A1:A2', 'B1:D1', 'E1:E2']);
    expect(p.completedFrom).toMatchObject({ how: 'monthly-sum', letters: ['B', 'C', 'D'] });
    expect(stored('P1', 3)).toBe(万(6.75));
  });

  it('adds 本月完成 to 上月累计, and warns (naming both figures) when 上月累计 is not what the library holds', async () => {
    await importSheet([['项目名称', '1-7月完成投资'], ['甲', 500], ['乙', 200]], 7);
    const p = await importSheet([['项目名称', '上月累计完成投资', '本月完成投资'], ['甲', 500, 120.5], ['乙', 250, 10]], 8);
    expect(p.completedFrom).toEqual({ how: 'month-plus-previous', columns: ['本月完成投资', '上月累计完成投资'], letters: ['C', 'B'] });
    expect(warnings(p)).toEqual(['8月调度!B3: 上月累计250万元与项目库中7月的累计完成投资200万元不一致']);
    // Flagged, never fixed: the sheet's own figures are what is stored.
    expect(stored('P1', 8)).toBe(万(620.5));
    expect(stored('P2', 8)).toBe(万(260));
  });

  it('takes "1-7月完成投资" beside "8月完成投资" as 上月累计 plus this month', async () => {
    const p = await importSheet([['项目名称', '1-7月完成投资', '8月完成投资'], ['甲', 500, 20]], 8);
    expect(p.completedFrom).toMatchObject({ how: 'month-plus-previous', columns: ['8月完成投资', '1-7月完成投资'] });
    expect(p.notes).toEqual(['B列“1-7月完成投资”作为上月累计，与C列“8月完成投资”相加']);
    expect(stored('P1', 8)).toBe(万(520));
  });

  it('never reads 自开工累计 as this year’s cumulative unless mapped, then says so', async () => {
    const rows: CellInput[][] = [['项目名称', '自开工累计完成投资'], ['甲', 800], ['乙', 2900]];
    const { token, preview: p } = await preview(rows, 8);
    expect(p.completedFrom).toBeNull();
    expect(p.missingCompleted).toMatch(/^B列“自开工累计完成投资”是项目自开工以来的累计，不是2024年1-8月的完成投资/);
    expect(p.columns.find((c) => c.letter === 'B')?.target).toBe('sinceStart');
    const refusal = await refused('import.progress.commit', { token, year: 2024, month: 8 });
    expect(refusal).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('未导入任何内容') });
    expect(stored('P1', 8)).toBeUndefined();

    const mapped = await importSheet(rows, 8, { mapping: { 自开工累计完成投资: 'completedToDate' } });
    expect(mapped.completedFrom).toEqual({ how: 'since-start', columns: ['自开工累计完成投资'], letters: ['B'] });
    expect(mapped.notes).toContain('按您的指定，把B列“自开工累计完成投资”（自开工以来的累计）作为2024年1-8月累计完成投资读入');
    expect(stored('P1', 8)).toBe(万(800));
    expect(stored('P2', 8)).toBe(万(2900));
  });

  it('refuses a cumulative naming another month until the user confirms it, and then still warns', async () => {
    const rows: CellInput[][] = [['项目名称', '1-7月完成投资'], ['甲', 500]];
    const { token, preview: p } = await preview(rows, 8);
    expect(p.otherMonth).toEqual({ header: '1-7月完成投资', month: 7 });
    expect(errors(p)).toEqual(['8月调度!B1: 表头是“1-7月完成投资”（截至7月），而导入的是8月的调度，不会当作1-8月累计完成投资读入。请核对导入的月份；如该列确是1-8月的累计，请确认月份后再导入']);
    expect((await refused('import.progress.commit', { token, year: 2024, month: 8 })).message).toMatch(/有1处错误/);
    expect(stored('P1', 8)).toBeUndefined();
    // A later month's cumulative is refused too.
    expect(errors((await preview([['项目名称', '1-8月完成投资'], ['甲', 500]], 7)).preview)).toHaveLength(1);

    const confirmed = await importSheet(rows, 8, { confirmMonth: true });
    expect(warnings(confirmed)).toEqual(['8月调度!B1: 表头是“1-7月完成投资”（截至7月），而导入的是8月的调度：已按您的确认作为1-8月累计完成投资读入']);
    expect(stored('P1', 8)).toBe(万(500));
  });

  it('never takes a single month as the cumulative, and names the month columns missing', async () => {
    const single = (await preview([['项目名称', '1月完成投资'], ['甲', 50]], 8)).preview;
    expect(single.completedFrom).toBeNull();
    expect(errors(single)).toEqual(['8月调度!第1行: 按月填报的完成投资缺少2月、3月、4月、5月、6月、7月、8月的列：导入8月须有1月至8月每月一列（本表有1月）；单月的完成投资不能作为累计']);
    const mapped = (await preview([['项目名称', '1月完成投资'], ['甲', 50]], 8, { mapping: { '1月完成投资': 'completedToDate' } })).preview;
    expect(errors(mapped)).toEqual(['8月调度!B1: “1月完成投资”是1月当月的完成投资，不是1-8月的累计，不能作为累计完成投资']);

    const header = ['项目名称', ...[1, 2, 4, 5].map((m) => `${m}月完成投资`)];
    const gap = (await preview([header, ['甲', 1, 2, 4, 5]], 5)).preview;
    expect(errors(gap)).toEqual(['5月调度!第1行: 按月填报的完成投资缺少3月的列：导入5月须有1月至5月每月一列（本表有1月、2月、4月、5月）；单月的完成投资不能作为累计']);
  });

  it('holds back a sheet with no completed investment until the user confirms, then keeps the figures as they were', async () => {
    await importSheet([['项目名称', '1-7月完成投资'], ['甲', 500]], 7);
    const rows: CellInput[][] = [['项目名称', '是否开工', '形象进度'], ['甲', '是', '主体施工']];
    const { token, preview: p } = await preview(rows, 8);
    expect(p.completedFrom).toBeNull();
    expect(p.missingCompleted).toBe('本表没有完成投资列（如“1-8月完成投资”“本年累计完成投资”，逐月的“N月完成投资”，或“本月完成”加“上月累计”），导入后各项目的累计完成投资不会更新。');
    const refusal = await refused('import.progress.commit', { token, year: 2024, month: 8 });
    expect(refusal.message).toBe(`未导入任何内容：\n“8月.xlsx” 8月调度: ${p.missingCompleted}\n如本表只报开工、纳统、形象进度等情况，请确认“不含完成投资”后再导入。`);
    expect(readReport(db(), ids['P1']!, 2024, 8)).toBeUndefined();
    // The refused files stay pending: the user ticks the box and imports with the same token.
    await call('import.progress.commit', { token, year: 2024, month: 8, allowNoCompleted: true });
    expect(readReport(db(), ids['P1']!, 2024, 8)).toMatchObject({ completed_to_date: 万(500), started: 1, visual_progress: '主体施工' });
  });

  it('re-analyses the files of a preview by token, and refuses a preview with neither files nor token', async () => {
    const { token } = await preview([['项目名称', '自开工累计完成投资'], ['甲', 800]], 8);
    const again = await call('import.progress.preview', { token, year: 2024, month: 8, mapping: { 自开工累计完成投资: 'completedToDate' } });
    expect(again.previews[0]!.completedFrom?.how).toBe('since-start');
    expect((await refused('import.progress.preview', { year: 2024, month: 8 })).message).toMatch(/请选择文件/);
    expect((await refused('import.progress.preview', { token, year: 2024, month: 8, mapping: { B: 'nonsense' as never } })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('what a statistics office checks', () => {
  it('since-start above the total investment: from a since-start column, or this year plus the library’s earlier years', async () => {
    const p = await importSheet([['项目名称', '1-8月完成投资', '自开工累计完成投资'], ['甲', 400, 4000], ['乙', 500, 3100]], 8);
    expect(p.completedFrom?.columns).toEqual(['1-8月完成投资']);
    expect(warnings(p)).toEqual(['8月调度!C3: 自开工累计完成投资3,100万元超过总投资3,000万元']);

    report('P2', 2023, 11, 2000);
    report('P2', 2023, 12, 2500); // the year's last report is what 2023 completed
    const over = await importSheet([['项目名称', '1-9月完成投资'], ['乙', 550]], 9);
    expect(warnings(over)).toEqual(['9月调度!B2: 自开工累计完成投资3,050万元（2024年1-9月550万元，加项目库中2023年的2,500万元）超过总投资3,000万元']);
    const under = await importSheet([['项目名称', '1-10月完成投资'], ['乙', 450]], 10);
    expect(warnings(under)).toEqual(['10月调度!B2: 累计完成投资少于9月的550万元']);
  });

  it('more than 1.2 × the total without 竣工/投产', async () => {
    const p = await importSheet([['项目名称', '1-8月完成投资', '自开工累计完成投资'], ['甲', 1000, 6100], ['丙', 500, 1300]], 8);
    expect(warnings(p)).toEqual([
      '8月调度!C2: 自开工累计完成投资6,100万元超过总投资5,000万元的1.2倍，而项目尚未竣工或投产',
      // 丙 is 竣工: above its total, but not the 1.2 × warning.
      '8月调度!C3: 自开工累计完成投资1,300万元超过总投资1,000万元',
    ]);
    const fine = await importSheet([['项目名称', '1-8月完成投资', '自开工累计完成投资'], ['甲', 1000, 5000]], 8);
    expect(warnings(fine)).toEqual([]);
  });

  it('a cumulative falling from last month', async () => {
    await importSheet([['项目名称', '1-7月完成投资'], ['甲', 500]], 7);
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['甲', 400]], 8)).preview)).toEqual(['8月调度!B2: 累计完成投资少于7月的500万元']);
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['甲', 600]], 8)).preview)).toEqual([]);
  });

  it('a cumulative many times the annual plan: 3 × by default, the factor set in 设置', async () => {
    const rows: CellInput[][] = [['项目名称', '1-8月完成投资'], ['甲', 3700]];
    expect(warnings((await preview(rows, 8)).preview)).toEqual(['8月调度!B2: 累计完成投资3,700万元超过年度计划投资1,200万元的3倍，请核对单位和数字']);
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['甲', 3600]], 8)).preview)).toEqual([]);
    const t = await call('settings.setThresholds', { redMonthsLate: 3, yellowMonthsLate: 1, redGap: 0.3, yellowGap: 0.1, planMultiple: 4 });
    expect(t.planMultiple).toBe(4);
    expect(warnings((await preview(rows, 8)).preview)).toEqual([]);
    // Saving the colour thresholds alone keeps the factor.
    await call('settings.setThresholds', { redMonthsLate: 4, yellowMonthsLate: 1, redGap: 0.3, yellowGap: 0.1 });
    expect((await call('settings.thresholds', {})).planMultiple).toBe(4);
    expect((await refused('settings.setThresholds', { redMonthsLate: 3, yellowMonthsLate: 1, redGap: 0.3, yellowGap: 0.1, planMultiple: 0.5 })).message).toMatch(/倍数不能小于1/);
  });

  it('three or more months running without investment after the start', async () => {
    for (const [m, v] of [[4, 80], [5, 100], [6, 100], [7, 100]] as const) report('P2', 2024, m, v);
    const three = (await preview([['项目名称', '1-8月完成投资'], ['乙', 100]], 8)).preview;
    expect(warnings(three)).toEqual(['8月调度!B2: 6月至8月连续3个月完成投资为零（项目已开工）']);
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['乙', 110]], 8)).preview)).toEqual([]);
    // Two months only (May 90, June 100, then July and August flat): not yet.
    db().prepare('UPDATE progress_reports SET completed_to_date = ? WHERE project_id = ? AND year = 2024 AND month = 5').run(万(90), ids['P2']);
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['乙', 100]], 8)).preview)).toEqual([]);
    // A new project that has not started is not expected to invest; one that started in March is, from April.
    expect(warnings((await preview([['项目名称', '1-8月完成投资'], ['甲', 0]], 8)).preview)).toEqual([]);
    const months = ['项目名称', '实际开工时间', ...Array.from({ length: 8 }, (_, i) => `${i + 1}月完成投资`)];
    const started = (await preview([months, ['甲', '2024年3月21日', 0, 0, 50, 0, 0, 0, 0, 0]], 8)).preview;
    expect(warnings(started)).toEqual(['8月调度!J2: 4月至8月连续5个月完成投资为零（项目已开工）']);
  });

  it('the months added up differing from the sheet’s own cumulative', async () => {
    const rows: CellInput[][] = [['项目名称', '1月完成投资', '2月完成投资', '1-2月完成投资'], ['甲', 10, 20, 30], ['乙', 10, 20, 35]];
    const p = await importSheet(rows, 2);
    expect(p.completedFrom?.columns).toEqual(['1-2月完成投资']);
    expect(warnings(p)).toEqual(['2月调度!D3: 累计完成投资35万元与1月至2月各月之和30万元不一致']);
    expect(stored('P2', 2)).toBe(万(35));
  });
});

describe('problems typed from their words', () => {
  it.each([
    ['用地指标未落实', 'land'],
    ['土地征收及规划调整未完成', 'land'],
    ['林地审批未通过', 'land'],
    ['资金不到位导致拆迁滞后', 'funds'],
    ['专项债尚未发行', 'funds'],
    ['银行贷款未审批', 'funds'],
    ['环评批复未取得', 'environment'],
    ['环境影响评价报告在编', 'environment'],
    ['能耗指标不足', 'energy'],
    ['能评未批复', 'energy'],
    ['施工许可手续未办结', 'approval'],
    ['立项备案未完成', 'approval'],
    ['沿线两户未签约拆迁', 'demolition'],
    ['房屋征收进展慢', 'demolition'],
    ['企业搬迁未完成', 'demolition'],
    ['受雨季影响施工缓慢', 'other'],
  ] as const)('“%s” is %s', (text, type) => {
    expect(problemTypeOf(text)).toBe(type);
  });

  it('records a sheet’s 存在问题 with its type, editable afterwards', async () => {
    await importSheet([['项目名称', '1-8月完成投资', '存在问题'], ['甲', 100, '用地指标未落实'], ['乙', 100, '融资困难'], ['丙', 100, '天气原因']], 8);
    expect(db().prepare('SELECT description, type FROM problems ORDER BY id').all()).toEqual([
      { description: '用地指标未落实', type: 'land' },
      { description: '融资困难', type: 'funds' },
      { description: '天气原因', type: 'other' },
    ]);
    const [first] = await call('problems.list', { year: 2024 });
    expect((await call('problems.update', { id: first!.id, year: 2024, field: 'type', value: '手续' })).type).toBe('approval');
  });
});

describe('kpw import progress', () => {
  const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
  it('exits 1 with the reason on a sheet with no completed column, unless --allow-no-completed', async () => {
    const dir = tempDir('kpw-shapes-');
    try {
      const kpw = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args], { encoding: 'utf8', cwd: dir });
      fs.writeFileSync(path.join(dir, 'list.xlsx'), await buildWorkbook([{ name: '清单', rows: LIST }]));
      fs.writeFileSync(path.join(dir, '8.xlsx'), await buildWorkbook([{ name: '8月', rows: [['项目名称', '是否开工'], ['甲', '是']] }]));
      expect(kpw('init', '--db', 'k.kpw').status).toBe(0);
      expect(kpw('import', 'projects', 'list.xlsx', '--db', 'k.kpw', '--year', '2024').status).toBe(0);
      const refused = kpw('import', 'progress', '8.xlsx', '--db', 'k.kpw', '--year', '2024', '--month', '8');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/本表没有完成投资列.*--allow-no-completed/s);
      const allowed = kpw('import', 'progress', '8.xlsx', '--db', 'k.kpw', '--year', '2024', '--month', '8', '--allow-no-completed');
      expect(allowed.status, allowed.stderr).toBe(0);
      expect(allowed.stdout).toMatch(/已导入2024年8月调度：新报送1个/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // four runs of kpw, each starting tsx
});
