/** Chart options are pure functions of the engine's numbers: their series are those numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { monthlyTrend, projectsBehind, statistics } from '../../electron/services/statistics';
import { analysisCharts, categoryChart, districtRaceChart, escapeHtml, sizeChart, trendChart, warningShareChart } from '../../shared/charts';
import { moneyInUnit } from '../../shared/money';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
beforeAll(() => {
  lib = createTempLibrary();
  fillDemoLibrary(lib.ctx.library!.db, 'x');
});
afterAll(() => lib.close());

type Series = { data: (number | { value: number } | null)[] };
const values = (spec: { option: { series?: unknown } }, index = 0) =>
  ((spec.option.series as Series[])[index]!.data).map((d) => (d !== null && typeof d === 'object' ? d.value : d));

describe('chart option builders', () => {
  it('赛马 bars are each district’s completion rate, highest first, with the time-progress line', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const chart = districtRaceChart(st);
    const rates = values(chart) as number[];
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    for (const [i, key] of chart.keys[0]!.entries()) {
      const d = st.byDistrict.find((x) => x.key === key)!;
      expect(rates[i]).toBe(Math.round((d.completedToDate / d.annualPlan) * 1000) / 10);
    }
    const markLine = (chart.option.series as { markLine: { data: { yAxis: number }[] } }[])[0]!.markLine;
    expect(markLine.data[0]!.yAxis).toBe(66.7);
  });

  it('category bars are plans and amounts completed in 亿元, the line the counts', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 12);
    const chart = categoryChart(st);
    const industry = chart.keys[0]!.indexOf('工业');
    expect(values(chart, 0)[industry]).toBe(401.7);
    expect(values(chart, 2)[industry]).toBe(311);
    expect(values(chart, 1)[industry]).toBe(moneyInUnit(st.byCategory.find((c) => c.key === '工业')!.completedToDate, '亿元'));
  });

  it('the warning pie and the size bars count what the engine counts, and clicking finds those projects', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    expect(values(warningShareChart(st))).toEqual([st.overall.warnings.red, st.overall.warnings.yellow, st.overall.warnings.green]);
    const size = sizeChart(st);
    expect(values(size)).toEqual(st.bySize.map((b) => b.projects));
    const behind = projectsBehind(lib.ctx, { year: 2024, month: 8, dimension: 'size', key: size.keys[0]![0]! });
    expect(behind.length).toBe(st.bySize[0]!.projects);
    const red = projectsBehind(lib.ctx, { year: 2024, month: 8, dimension: 'warning', key: 'red' });
    expect(red.length).toBe(st.overall.warnings.red);
    const district = projectsBehind(lib.ctx, { year: 2024, month: 8, filter: { categories: ['城建'] }, dimension: 'district', key: '荣成市' });
    expect(district.length).toBe(statistics(lib.ctx.library!.db, 2024, 8, { categories: ['城建'] }).byDistrict.find((d) => d.key === '荣成市')!.projects);
  });

  it('the trend is the engine’s cumulative figure month by month, this year and last', () => {
    const trend = monthlyTrend(lib.ctx, 2024, 8);
    for (const m of [1, 2, 8]) expect(trend.current[m - 1]).toBe(statistics(lib.ctx.library!.db, 2024, m).overall.completedToDate);
    expect(trend.current.slice(8)).toEqual([null, null, null, null]);
    expect(trend.previous![11]).toBe(statistics(lib.ctx.library!.db, 2023, 12).overall.completedToDate);
    const chart = trendChart(trend);
    expect((chart.option.series as unknown[]).length).toBe(3);
    expect(analysisCharts(statistics(lib.ctx.library!.db, 2024, 8), trend).length).toBeGreaterThanOrEqual(6);
  });

  it('escapes text from the data in tooltips', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>&"')).toBe('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;');
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const evil = { ...st, byDistrict: [{ ...st.byDistrict[0]!, key: '<img src=x onerror=alert(1)>' }] };
    const chart = districtRaceChart(evil);
    const formatter = (chart.option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 0 }])).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('charts drawn on the server', () => {
  it('render to valid SVG with Chinese text (for Word drafts and SVG export)', async () => {
    const echarts = await import('echarts');
    const { DOMParser } = await import('@xmldom/xmldom').catch(() => ({ DOMParser: null }));
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 360, locale: 'ZH' });
    chart.setOption(categoryChart(st).option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('各类别年度计划投资与完成投资');
    expect(svg).not.toMatch(/style="[^"]*"[^ >\/]/); // no attribute broken by an unescaped quote
    if (DOMParser) expect(new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length).toBe(0);
  });
});

describe('server-side rendering for drafts', () => {
  it('draws every chart of 统计分析 as SVG without a browser', async () => {
    const { renderChartSvg } = await import('../../electron/services/chart-render');
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    for (const spec of analysisCharts(st, monthlyTrend(lib.ctx, 2024, 8))) {
      const svg = renderChartSvg(spec);
      expect(svg.startsWith('<svg'), spec.id).toBe(true);
      expect(svg, spec.id).toContain(String((spec.option.title as { text: string }).text));
      expect(svg, spec.id).not.toMatch(/style="[^"]*"[^ >\/]/);
    }
  });
});
