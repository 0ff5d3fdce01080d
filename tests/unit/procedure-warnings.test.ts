/**
 * Overdue 前期手续 feed the warnings (issue 19): a procedure whose planned date has passed at the
 * month end, not obtained, makes the project yellow, or red from the rule's days (设置), with a
 * reason naming the procedure and the days — in 统计, 月调度, the warning lists, the bulletin's
 * counts and kpw stats alike. A closed month keeps its warnings whatever is done to the procedures
 * afterwards (its frozen copy holds them), and a copy closed before the rule existed keeps the
 * rules it was closed with.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
let ids: Record<string, number>;
let kinds: Record<string, number>;

const set = (project: string, kind: string, field: 'plannedDate' | 'obtainedDate', value: string) =>
  call('procedures.update', { year: 2025, projectId: ids[project]!, kindId: kinds[kind]!, field, value });

/** What a leader sees of the month's warnings: counts, each project's colour and reason, the red list, the bulletin's figures. */
async function warningsOf(month: number) {
  const stats = await call('stats.get', { year: 2025, month });
  const rows = await call('dispatch.list', { year: 2025, month });
  const red = await call('stats.projects', { year: 2025, month, dimension: 'warning', key: 'red' });
  const draft = await call('drafts.build', { kind: 'bulletin', year: 2025, month, params: { office: '市发展和改革委员会', date: '2025年9月5日' } });
  return {
    counts: stats.overall.warnings,
    byProject: Object.fromEntries(rows.map((r) => [r.name, [r.warning, r.warningReason]])),
    red: red.map((p) => p.name),
    bulletin: JSON.stringify(draft.blocks),
  };
}

beforeEach(async () => {
  lib = createTempLibrary({ now: () => new Date('2025-09-05T10:00:00+08:00') });
  const data = (await buildWorkbook([{ name: '清单', rows: [['项目名称', '所在区市', '建设性质', '总投资', '年度计划投资'], ['甲', '环翠区', '续建', 20000, 6000], ['乙', '文登区', '续建', 30000, 12000], ['丙', '荣成市', '续建', 8000, 2400]] }])).toString('base64');
  const preview = await call('import.projects.preview', { source: { fileName: '清单.xlsx', data }, year: 2025 });
  await call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false });
  ids = Object.fromEntries((await call('dispatch.list', { year: 2025, month: 8 })).map((r) => [r.name, r.projectId]));
  kinds = Object.fromEntries((await call('procedures.kinds', {})).map((k) => [k.name, k.id]));
  // Only the procedure rule, so every colour below is its doing.
  await call('settings.setThresholds', { rules: ['procedure'] });
  await set('甲', '施工许可', 'plannedDate', '2025-07-27'); // 35 days overdue at 8月31日
  await set('甲', '环评批复', 'plannedDate', '2025-08-25'); // and a second one, 6 days
  await set('乙', '用地预审', 'plannedDate', '2025-08-20'); // 11 days
  await set('丙', '能评', 'plannedDate', '2025-09-10'); // not yet due
});
afterEach(() => lib.close());

describe('overdue procedures as warnings', () => {
  it('colours by days overdue at the month end, names the procedure and the days everywhere warnings are', async () => {
    const aug = await warningsOf(8);
    expect(aug.counts).toEqual({ red: 1, yellow: 1, green: 1 });
    expect(aug.byProject).toEqual({
      甲: ['red', '施工许可逾期35天未取得（计划2025-07-27办结），另有1项手续逾期（红色：前期手续逾期30天及以上）'],
      乙: ['yellow', '用地预审逾期11天未取得（计划2025-08-20办结）（黄色：前期手续逾期1天及以上）'],
      丙: ['green', null],
    });
    expect(aug.red).toEqual(['甲']);
    // The bulletin's list of warned projects gives the reason.
    expect(aug.bulletin).toContain('施工许可逾期35天未取得');
    // kpw stats gives the same counts.
    const kpw = spawnSync(process.execPath, [KPW, 'stats', '--db', lib.file, '--year', '2025', '--month', '8', '--json'], { encoding: 'utf8' });
    expect(kpw.status, kpw.stderr).toBe(0);
    expect((JSON.parse(kpw.stdout) as { overall: { warnings: unknown } }).overall.warnings).toEqual({ red: 1, yellow: 1, green: 1 });
    // The overdue list colours by the same rule.
    expect((await call('procedures.overdue', { year: 2025, month: 8 })).map((o) => [o.name, o.kind, o.daysOverdue, o.warning])).toEqual([
      ['甲', '施工许可', 35, 'red'],
      ['乙', '用地预审', 11, 'yellow'],
      ['甲', '环评批复', 6, 'yellow'],
    ]);

    // At the end of July only 甲's 施工许可 is overdue (4 days): yellow.
    expect((await warningsOf(7)).byProject['甲']).toEqual(['yellow', '施工许可逾期4天未取得（计划2025-07-27办结）（黄色：前期手续逾期1天及以上）']);
    // Obtained after the month end: still overdue at that month end.
    await set('乙', '用地预审', 'obtainedDate', '2025-09-02');
    expect((await warningsOf(8)).byProject['乙']![0]).toBe('yellow');
    expect((await warningsOf(9)).byProject['乙']).toEqual(['green', null]);
  }, 120_000);

  it('takes its thresholds from 设置, refused when yellow exceeds red; a retired kind warns no more', async () => {
    await call('settings.setThresholds', { yellowDaysOverdue: 15, redDaysOverdue: 60 });
    expect((await warningsOf(8)).byProject).toMatchObject({ 甲: ['yellow', '施工许可逾期35天未取得（计划2025-07-27办结），另有1项手续逾期（黄色：前期手续逾期15天及以上）'], 乙: ['green', null] });
    expect((await refused('settings.setThresholds', { yellowDaysOverdue: 61 })).message).toBe('黄色预警的手续逾期天数不能多于红色预警');
    expect((await refused('settings.setThresholds', { redDaysOverdue: 0 })).message).toMatch(/手续逾期天数不能小于1/);
    await call('settings.setThresholds', { yellowDaysOverdue: 1, redDaysOverdue: 30 });
    await call('procedures.retireKind', { id: kinds['施工许可']!, retired: true });
    expect((await warningsOf(8)).byProject['甲']).toEqual(['yellow', '环评批复逾期6天未取得（计划2025-08-25办结）（黄色：前期手续逾期1天及以上）']);
    // Turned off, the rule gives nothing; the other rules are as they were.
    await call('settings.setThresholds', { rules: ['late'] });
    expect((await warningsOf(8)).counts).toEqual({ red: 0, yellow: 0, green: 3 });
  }, 120_000);
});

describe('关账 and procedures', () => {
  it('keeps a closed month’s warnings when a procedure is obtained, replanned or its kind retired afterwards', async () => {
    const before = await warningsOf(8);
    await call('dispatch.close', { year: 2025, month: 8 });
    expect(await warningsOf(8)).toEqual(before);
    // The frozen copy holds the procedures: edits after closing do not reach August.
    await set('甲', '施工许可', 'obtainedDate', '2025-08-15');
    await set('乙', '用地预审', 'plannedDate', '2025-12-31');
    await call('procedures.retireKind', { id: kinds['环评批复']!, retired: true });
    await call('settings.setThresholds', { redDaysOverdue: 100 });
    expect(await warningsOf(8)).toEqual(before);
    expect(await call('procedures.overdue', { year: 2025, month: 8 })).toHaveLength(3);
    // September is live: 甲 has its permit, 乙 is replanned, 环评批复 retired; 丙's 能评 is 20 days late.
    expect((await warningsOf(9)).counts).toEqual({ red: 0, yellow: 1, green: 2 });
    await call('dispatch.reopen', { year: 2025, month: 8, reason: '手续办理情况更正' });
    expect((await warningsOf(8)).counts).toEqual({ red: 0, yellow: 0, green: 3 });
  }, 180_000);

  it('keeps the rules of a month closed before the procedure rule existed', async () => {
    await call('settings.setThresholds', { rules: ['late', 'procedure'] });
    await call('dispatch.close', { year: 2025, month: 8 });
    expect((await warningsOf(8)).counts).toEqual({ red: 1, yellow: 1, green: 1 });
    // As if closed by version 9: its copy knew no procedure rule, so it gave no procedure warning.
    lib.ctx.library!.db.prepare('UPDATE month_snapshots SET schema_version = 9 WHERE year = 2025 AND month = 8').run();
    closeLibrary(lib.ctx);
    await openLibrary(lib.ctx, lib.file);
    expect((await warningsOf(8)).counts).toEqual({ red: 0, yellow: 0, green: 3 });
    // The library itself keeps the rule: a month still open warns (甲 65 days, 乙 41, 丙 20).
    expect((await warningsOf(9)).counts).toEqual({ red: 2, yellow: 1, green: 0 });
  }, 120_000);
});
