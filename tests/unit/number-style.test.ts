/**
 * 设置 > 口径: the office's style changes a draft's text, its tables and a chart's labels; a closed
 * month keeps the style it was closed with (the settings are part of its frozen copy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { DEFAULT_NUMBER_STYLE } from '../../shared/number-style';
import { analysisCharts } from '../../shared/charts';
import type { Draft } from '../../shared/drafts';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
type Bar = { value: number; label: { formatter: string } };
const raceLabels = (draft: Draft) => {
  const race = draft.charts.find((c) => c.id === 'districtRace')!;
  const series = (race.option.series as { data: Bar[]; markLine: { label: { formatter: string } } }[])[0]!;
  return { bars: series.data.map((d) => d.label.formatter), line: series.markLine.label.formatter };
};
const tableOf = (draft: Draft, i: number) => draft.blocks.filter((b) => b.kind === 'table')[i] as Extract<Draft['blocks'][number], { kind: 'table' }>;

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
beforeAll(() => {
  lib = createTempLibrary({ now: () => new Date(2024, 8, 30) });
  fillDemoLibrary(lib.ctx.library!.db, 'x');
});
afterAll(() => lib.close());

const bulletin = (month: number) => call('drafts.build', { kind: 'bulletin', year: 2024, month, params: { office: '市发展和改革委员会', date: '2024年9月5日' } });

describe('口径', () => {
  it('starts as STATISTICS.md’s rules and refuses what is not one of its choices', async () => {
    expect(await call('settings.style', {})).toEqual(DEFAULT_NUMBER_STYLE);
    expect((await refused('settings.setStyle', { percentDecimals: 3 } as never)).message).toMatch(/百分比保留1位或2位小数/);
    expect((await refused('settings.setStyle', { countWord: '件' } as never)).message).toMatch(/计数单位应为个、项或宗/);
  });

  it('changes a draft’s text, its tables and its charts’ labels', async () => {
    const before = await bulletin(7);
    const text = textOf(before);
    expect(text).toMatch(/投资完成率\d+(\.\d)?%，/);
    expect(raceLabels(before).line).toBe('时序进度58.3%');
    expect(raceLabels(before).bars.every((l) => /^\d+(\.\d)?%$/.test(l))).toBe(true);
    expect(tableOf(before, 0).columns[2]!.title).toBe('年度计划投资（亿元）');

    const style = await call('settings.setStyle', { percentDecimals: 2, timeProgressDecimals: 2, countWord: '宗', textUnit: '亿元', tableUnit: '万元', wanDecimals: 0, thousands: false });
    expect(style).toMatchObject({ percentDecimals: 2, countWord: '宗', tableUnit: '万元' });
    const after = await bulletin(7);
    const changed = textOf(after);
    // Percentages in two decimals wherever they are not whole; counts in 宗; every amount in 亿元.
    const rates = [...changed.matchAll(/(?:投资完成率|完成年度计划投资的)(\d+(?:\.\d+)?)%/g)].map((m) => m[1]!);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.some((r) => /\.\d\d$/.test(r))).toBe(true);
    expect(changed).toMatch(/重点项目\d+宗/);
    expect(changed).toMatch(/低于时序进度\d+\.\d\d个百分点/);
    expect(changed).toMatch(/黄色预警项目\d+宗/);
    // A warning's reason writes the project's figures in the same style (the thresholds as set).
    const reasons = (await call('dispatch.list', { year: 2024, month: 7 })).map((r) => r.warningReason).filter((r): r is string => r !== null);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.some((r) => /^投资完成率\d+\.\d\d%，低于时序进度\d+\.\d\d个百分点（/.test(r))).toBe(true);
    expect(changed).not.toMatch(/\d万元/);
    expect(changed).not.toMatch(/项目\d+个/);
    // The chart's labels and its time-progress line follow.
    expect(raceLabels(after).line).toBe('时序进度58.33%');
    expect(raceLabels(after).bars.some((l) => /^\d+\.\d\d%$/.test(l))).toBe(true);
    // Tables: 万元 with no decimals and no separators, the unit in the header.
    const table = tableOf(after, 0);
    expect(table.columns[2]!.title).toBe('年度计划投资（万元）');
    const cells = table.rows.map((r) => r[2]!.map((run) => run.text).join(''));
    expect(cells.every((c) => /^\d+$/.test(c))).toBe(true);
    // The charts of 统计分析 too.
    const charts = analysisCharts(await call('stats.get', { year: 2024, month: 7 }), await call('stats.trend', { year: 2024, month: 7 }), 'rate', style);
    expect((charts.find((c) => c.id === 'category')!.option.yAxis as { name: string }[])[0]!.name).toBe('万元');
    await call('settings.setStyle', DEFAULT_NUMBER_STYLE);
    expect(textOf(await bulletin(7))).toBe(text);
  }, 120_000);

  it('a closed month keeps the style it was closed with, until reopened', async () => {
    await call('dispatch.close', { year: 2024, month: 8 });
    const closed = textOf(await bulletin(8));
    await call('settings.setStyle', { percentDecimals: 2, countWord: '项' });
    expect(await call('settings.style', { year: 2024, month: 8 })).toEqual(DEFAULT_NUMBER_STYLE);
    expect((await call('settings.style', {})).countWord).toBe('项');
    expect(textOf(await bulletin(8))).toBe(closed);
    await call('dispatch.reopen', { year: 2024, month: 8, reason: '口径调整' });
    expect(textOf(await bulletin(8))).not.toBe(closed);
    expect(textOf(await bulletin(8))).toMatch(/重点项目\d+项/);
    await call('settings.setStyle', DEFAULT_NUMBER_STYLE);
  }, 120_000);
});
