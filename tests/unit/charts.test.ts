/** Chart options are pure functions of the engine's numbers: their series are those numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { monthlyTrend, statistics } from '../../electron/services/statistics';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import { analysisCharts, categoryChart, districtRaceChart, escapeHtml, sizeChart, trendChart, warningShareChart } from '../../shared/charts';
import { moneyInUnit } from '../../shared/money';
import { formatMoneyText, formatPercent } from '../../shared/format';
import { chartSvg, PRINT_SIZE } from '../../shared/chart-svg';
import { renderChartPng } from '../../electron/services/chart-render';
import zlib from 'node:zlib';
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
    expect(chart.tooltips![0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(chart.tooltips![0]).not.toContain('<img');
  });

  it('writes each item’s tooltip: name, projects, plan, completed and rate (the screen shows them)', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const race = districtRaceChart(st);
    expect(race.tooltips!.length).toBe(race.keys[0]!.length);
    const d = st.byDistrict.find((x) => x.key === race.keys[0]![0])!;
    expect(race.tooltips![0]).toBe(`<b>${d.key}</b><br/>项目${d.projects}个<br/>年度计划投资${formatMoneyText(d.annualPlan)}<br/>完成投资${formatMoneyText(d.completedToDate)}<br/>完成率${formatPercent(d.completedToDate, d.annualPlan)}`);
    const w = st.overall.warnings;
    expect(warningShareChart(st).tooltips).toEqual([
      `红色预警：${w.red}个（${formatPercent(w.red, st.overall.projects)}）`,
      `黄色预警：${w.yellow}个（${formatPercent(w.yellow, st.overall.projects)}）`,
      `正常：${w.green}个（${formatPercent(w.green, st.overall.projects)}）`,
    ]);
  });

  it('are plain data, with no function anywhere (drafts send them over IPC, which clones by structured clone)', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    for (const spec of analysisCharts(st, monthlyTrend(lib.ctx, 2024, 8))) {
      expect(structuredClone(spec), spec.id).toStrictEqual(spec);
    }
    // The 赛马 axis: at least 100%, else the highest rate rounded up to ten, computed, not a callback.
    const race = districtRaceChart(st);
    const highest = Math.max(...(values(race) as number[]));
    expect((race.option.yAxis as { max: number }).max).toBe(Math.max(100, Math.ceil(highest / 10) * 10));
    // Each bar's label is the phrase library's text, written item by item (no callback).
    const bars = (race.option.series as { data: { value: number; label: { formatter: string } }[] }[])[0]!.data;
    expect(bars.every((b) => typeof b.label.formatter === 'string' && b.label.formatter === `${b.value}%`)).toBe(true);
  });
});

describe('charts drawn on the server', () => {
  it('render to valid SVG with Chinese text (for Word drafts and SVG export)', async () => {
    const { DOMParser } = await import('@xmldom/xmldom').catch(() => ({ DOMParser: null }));
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const svg = chartSvg(categoryChart(st));
    expect(svg).toContain('各类别年度计划投资与完成投资');
    expect(svg).not.toMatch(/style="[^"]*"[^ >/]/); // no attribute broken by an unescaped quote
    if (DOMParser) expect(new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length).toBe(0);
  });

  it('draws every chart of 统计分析 as SVG without a browser', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    for (const spec of analysisCharts(st, monthlyTrend(lib.ctx, 2024, 8))) {
      const svg = chartSvg(spec);
      expect(svg.startsWith('<svg'), spec.id).toBe(true);
      expect(svg, spec.id).toContain(String((spec.option.title as { text: string }).text));
      expect(svg, spec.id).not.toMatch(/style="[^"]*"[^ >/]/);
    }
  });

  it('rasterises every chart to PNG with the bundled Chinese font, no browser and no system font', async () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const specs = analysisCharts(st, monthlyTrend(lib.ctx, 2024, 8));
    for (const spec of specs) {
      const png = await renderChartPng(lib.ctx.chartAssets, spec);
      expect(Buffer.from(png.subarray(0, 8)).toString('hex'), spec.id).toBe('89504e470d0a1a0a');
      const ihdr = Buffer.from(png.subarray(16, 24));
      expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)], spec.id).toEqual([PRINT_SIZE.width * 2, PRINT_SIZE.height * 2]);
    }
  });

  it('draws Chinese glyphs, not empty boxes: the ink follows the characters', async () => {
    // The same chart titled with different characters must differ in ink; a character outside
    // the font (U+4DB5, not in GB2312) draws only the small empty box of a missing glyph.
    const titled = (text: string) => ({ id: 't', dimension: null, keys: [], option: { title: { text, textStyle: { fontFamily: "'Noto Sans CJK SC'", fontSize: 40 } } } });
    const ink = async (text: string) => {
      const png = await renderChartPng(lib.ctx.chartAssets, titled(text), { scale: 1 });
      return inkOf(png);
    };
    const a = await ink('荣成市');
    const b = await ink('乳山口大桥');
    const none = await ink('\u4db5');
    expect(a).toBeGreaterThan(500);
    expect(b).toBeGreaterThan(a);
    expect(none).toBeLessThan(a / 3);
  });
});

/** Dark pixels of a PNG (decoded with node:zlib; 8-bit RGBA or RGB, the filters undone). */
function inkOf(png: Uint8Array): number {
  const buf = Buffer.from(png);
  let pos = 8;
  let width = 0, height = 0, channels = 4;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[data[9]!]!;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      out[y * stride + x] = (v + [0, left, up, (left + up) >> 1, paeth][filter]!) & 0xff;
    }
  }
  let dark = 0;
  for (let i = 0; i < out.length; i += channels) if (out[i]! < 128) dark++;
  return dark;
}
