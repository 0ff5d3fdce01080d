/**
 * 关账 freezes the month: after 8月 is closed, July edited and re-imported (August carries July's
 * reports forward), the list changed, a problem recorded and the warning rules changed, every
 * figure of August — statistics, ranking, trend, drill-down, the dispatch grid, a draft and its
 * figure list, `kpw stats` — is what it was at closing; reopening shows the new ones.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';
import { closeLibrary, openLibrary } from '../../electron/services/library';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
const NOW = new Date('2025-09-05T10:00:00+08:00');

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
let ids: Record<string, number>;

const base64 = (b: Buffer) => b.toString('base64');

async function importList(year: number, rows: (string | number)[][]) {
  const data = base64(await buildWorkbook([{ name: '清单', rows: [['项目名称', '建设地点', '建设性质', '总投资', '年度计划投资', '计划开工时间'], ...rows] }]));
  const preview = await call('import.projects.preview', { source: { fileName: `${year}.xlsx`, data }, year });
  await call('import.projects.commit', { token: preview.token, year, validOnly: false });
}

async function importMonth(month: number, rows: [string, number][]) {
  const data = base64(await buildWorkbook([{ name: `${month}月`, rows: [['项目名称', `1-${month}月完成投资`, '是否开工'], ...rows.map(([n, v]) => [n, v, '是'])] }]));
  const preview = await call('import.progress.preview', { files: [{ fileName: `${month}月.xlsx`, data }], year: 2025, month });
  await call('import.progress.commit', { token: preview.token, year: 2025, month });
}

/** Everything a leader may see of 2025年1-8月. */
async function august() {
  const kpw = spawnSync(process.execPath, [KPW, 'stats', '--db', lib.file, '--year', '2025', '--month', '8', '--json'], { encoding: 'utf8' });
  expect(kpw.status, kpw.stderr).toBe(0);
  const draft = await call('drafts.build', { kind: 'bulletin', year: 2025, month: 8, params: { office: '市发展和改革委员会', date: '2025年9月5日' } });
  return {
    stats: await call('stats.get', { year: 2025, month: 8 }),
    ranking: await call('stats.ranking', { year: 2025, month: 8 }),
    trend: await call('stats.trend', { year: 2025, month: 8 }),
    behindRed: await call('stats.projects', { year: 2025, month: 8, dimension: 'warning', key: 'red' }),
    dispatch: await call('dispatch.list', { year: 2025, month: 8 }),
    draftFigures: draft.figures,
    draftText: JSON.stringify(draft.blocks),
    kpw: JSON.parse(kpw.stdout) as unknown,
  };
}

beforeEach(async () => {
  lib = createTempLibrary({ now: () => NOW });
  await importList(2024, [['甲前身', '环翠区', '续建', 5000, 1000, '']]);
  await importList(2025, [
    ['甲', '环翠区', '新建', 20000, 6000, '2025年3月'],
    ['乙', '文登区', '续建', 30000, 12000, ''],
    ['丙', '荣成市', '新建', 8000, 2400, '2025年5月'],
  ]);
  ids = Object.fromEntries((await call('dispatch.list', { year: 2025, month: 8 })).map((r) => [r.name, r.projectId]));
  await importMonth(7, [['甲', 1000], ['乙', 4000]]);
  // August: only 乙 reports; 甲 carries July forward, 丙 is unreported.
  await importMonth(8, [['乙', 5200]]);
});
afterEach(() => lib.close());

describe('关账', () => {
  it('keeps every August figure as closed while July, the list, problems and rules change, until reopened', async () => {
    const before = await august();
    expect(before.stats.overall.completedToDate).toBe(62_000_000); // 1000 + 5200 万元
    await call('dispatch.close', { year: 2025, month: 8 });
    expect(await august()).toEqual(before);

    // July corrected by hand and re-imported, the list changed, a problem raised, rules changed.
    await call('dispatch.update', { projectId: ids['甲']!, year: 2025, month: 7, field: 'completedToDate', value: '1500', unit: '万元' });
    await importMonth(7, [['甲', 1800], ['乙', 4100], ['丙', 300]]);
    await call('projects.update', { projectId: ids['乙']!, year: 2025, field: 'annualPlan', value: '20000', unit: '万元' });
    await importList(2025, [['丁', '乳山市', '新建', 9000, 3000, '2025年1月']]);
    await call('problems.add', { projectId: ids['甲']!, year: 2025, type: 'land', description: '用地指标未落实', raisedDate: '2025-08-20' });
    await call('settings.setThresholds', { redMonthsLate: 1, yellowMonthsLate: 1, redGap: 0.05, yellowGap: 0.01 });
    const july = await call('stats.get', { year: 2025, month: 7 });
    expect(july.overall.completedToDate).toBe(62_000_000); // 1800 + 4100 + 300: July itself is live

    const frozen = await august();
    expect(frozen).toEqual(before);

    // The library itself is not frozen: reopening shows what changed.
    await call('dispatch.reopen', { year: 2025, month: 8, reason: '更正7月数据后重新统计' });
    const after = await august();
    expect(after.stats.overall.completedToDate).toBe(73_000_000); // 甲 1800 + 乙 5200 + 丙 300
    expect(after.stats.overall.projects).toBe(4);
    expect(after.kpw).not.toEqual(before.kpw);
    expect(after.draftFigures).not.toEqual(before.draftFigures);
    expect(after.dispatch.length).toBe(4);
  }, 180_000);

  it('still refuses edits and imports of the closed month itself, and holds across reopening the library file', async () => {
    await call('dispatch.close', { year: 2025, month: 8 });
    const before = await call('stats.get', { year: 2025, month: 8 });
    expect((await refused('dispatch.update', { projectId: ids['乙']!, year: 2025, month: 8, field: 'completedToDate', value: '1', unit: '万元' })).message).toMatch(/2025年8月已关账/);
    await call('dispatch.update', { projectId: ids['甲']!, year: 2025, month: 7, field: 'completedToDate', value: '2500', unit: '万元' });
    closeLibrary(lib.ctx);
    await openLibrary(lib.ctx, lib.file);
    expect(await call('stats.get', { year: 2025, month: 8 })).toEqual(before);
    // The frozen copy is read-only: a write through a closed month's context is refused.
    expect((await call('dispatch.state', { year: 2025, month: 8 })).closed).toBe(true);
  });

  it('kpw close and kpw reopen (with its reason) do the same', async () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args, '--db', lib.file], { encoding: 'utf8' });
    const closed = run('close', '--year', '2025', '--month', '8');
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.stdout).toMatch(/已关账：2025年8月/);
    expect((await call('dispatch.state', { year: 2025, month: 8 })).closed).toBe(true);
    const before = await call('stats.get', { year: 2025, month: 8 });
    await call('dispatch.update', { projectId: ids['甲']!, year: 2025, month: 7, field: 'completedToDate', value: '2500', unit: '万元' });
    expect(await call('stats.get', { year: 2025, month: 8 })).toEqual(before);
    const noReason = run('reopen', '--year', '2025', '--month', '8');
    expect(noReason.status).toBe(2);
    const reopened = run('reopen', '--year', '2025', '--month', '8', '--reason', '区市更正');
    expect(reopened.status, reopened.stderr).toBe(0);
    expect((await call('stats.get', { year: 2025, month: 8 })).overall.completedToDate).toBe(77_000_000);
    const again = run('reopen', '--year', '2025', '--month', '8', '--reason', '区市更正');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/没有关账/);
  }, 180_000);
});
