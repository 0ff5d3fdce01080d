/**
 * Chart options for 统计分析, built by pure functions from the statistics engine's results, so the
 * same charts are drawn on screen (ECharts in the renderer) and in Word drafts (ECharts' server-side
 * SVG). Amounts are in 亿元 and every label is written by the one formatter. Each chart also names the
 * key of every data item (a district, a category…), for clicking through to the projects behind it.
 * Patterns (decals) keep series apart when printed in black and white.
 *
 * A spec is plain data, with no function anywhere in it: the drafts build charts in the main
 * process, and results cross Electron IPC by structured clone, which refuses functions. So labels
 * are written here by the phrase library (shared/phrases.ts) as strings, item by item, or are
 * ECharts' string templates of a count ('{c}个'); computed numbers stand where ECharts accepts a callback
 * (an axis maximum), and each chart's tooltip texts are written here as strings, which the screen
 * shows with the one function that needs a function (renderer/.../chart-view.tsx, interactiveOption).
 *
 * A rate is drawn as the number its label writes (percentNumber: 1001 of 2000万元 is a bar of 50.1
 * labelled "50.1%", the same text as beside it), and bars are ordered by the exact rate. Every
 * builder takes the office's style (设置 > 口径): its decimals, counting word and table unit; and,
 * last, the office's short names of districts and categories (shared/chart-labels.ts), which only
 * the charts print: keys and tooltips keep the full name.
 */
import type { EChartsOption, PieSeriesOption } from 'echarts';
import { money, moneyInUnit, type Money } from './money';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from './number-style';
import { byCompletionRate, count, countWord, moneyText, percent, percentNumber, TIME_PROGRESS, timeProgress, timeProgressNumber } from './phrases';
import type { KeyedSummary, Statistics } from './statistics';
import type { ChartDimension, DrillCondition } from './drill-down';
import { LEVEL_LABELS, type Level } from './domain';
import { categoryLayout, NO_SHORT_NAMES, textWidth, type CategoryLayout, type ShortNames } from './chart-labels';

/** What a click on a chart selects: the breakdown and its key (e.g. district 荣成市). */
export type { ChartDimension } from './drill-down';

/**
 * A chart: its ECharts option, and for each series (by index) the key of each data item, so a
 * click (series, item) names the projects behind it. Plain data only (see above).
 */
export interface ChartSpec {
  id: string;
  option: EChartsOption;
  dimension: ChartDimension | null;
  keys: string[][];
  /**
   * What a series counts within its key, by series index (the red part of a district's stacked
   * bar: its red projects), so a click opens exactly the projects of the part clicked.
   */
  where?: DrillCondition[][];
  /**
   * The tooltip of each category or slice, by data index (HTML; text from the data escaped), for
   * charts that say more than ECharts' default tooltip would. Absent: ECharts' own tooltip.
   */
  tooltips?: string[];
  /** The height the chart needs on screen (px) when more than a card's: horizontal bars of many items. */
  height?: number;
}

/** Text from the data goes into tooltips as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Single quotes: ECharts writes the family into an SVG style attribute without escaping, and
// double quotes there would make the SVG (exported, or drawn into Word) invalid XML.
const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
/** Colours far apart in lightness too, so they stay distinct in grey. */
export const PALETTE = ['#1f5fa8', '#e08a1e', '#3a9a5b', '#7a4fb0', '#c0392b', '#6b7b8c', '#17a2b8'];
export const WARNING_COLOURS = { red: '#c0392b', yellow: '#e0a800', green: '#3a9a5b' } as const;

function base(title: string): EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontFamily: FONT, fontSize: 16 } },
    textStyle: { fontFamily: FONT, fontSize: 13 },
    color: PALETTE,
    aria: { enabled: true, decal: { show: true } },
    animation: false,
    // ECharts 6 shrinks the plot to keep axis labels and names within grid.outerBounds: the chart
    // less the title above and the legend below, so a turned label never runs into the legend.
    grid: { left: 64, right: 32, top: 64, bottom: 56, outerBounds: { left: 4, right: 8, top: 34, bottom: 30 } },
  };
}

const STANDARD = DEFAULT_NUMBER_STYLE;
/** An amount as a chart draws it: exact, in the office's table unit (the axis names the unit). */
const inUnit = (amount: Money, style: NumberStyle) => moneyInUnit(amount, style.tableUnit);

/**
 * The category axis and the value axis (or axes) of a bar chart over a breakdown, as its layout
 * says: across, or turned into horizontal bars (the first item at the top) for many items.
 */
function barAxes(layout: CategoryLayout, value: object | object[]): Pick<EChartsOption, 'xAxis' | 'yAxis' | 'grid'> {
  const category = { type: 'category' as const, data: layout.labels, axisLabel: layout.axisLabel, inverse: layout.horizontal };
  if (!layout.horizontal) return { xAxis: category, yAxis: value as EChartsOption['yAxis'] };
  const values = (Array.isArray(value) ? value : [value]).map((v) => ({ ...v, nameLocation: 'middle' as const, nameGap: 28 }));
  return { yAxis: category, xAxis: values as EChartsOption['xAxis'], grid: { left: 16, right: 48, top: 64, bottom: 72, outerBounds: { left: 4, right: 8, top: 34, bottom: 30 } } };
}

/** The tooltip of each item of a breakdown: its name, projects, plan, completed and rate. */
function tooltipsFor(items: readonly KeyedSummary[], label: (k: string) => string, style: NumberStyle): string[] {
  return items.map((s) =>
    [
      `<b>${escapeHtml(label(s.key))}</b>`,
      `项目${count(s.projects, style)}`,
      `年度计划投资${moneyText(s.annualPlan, style)}`,
      `完成投资${moneyText(s.completedToDate, style)}`,
      `完成率${percent(s.completedToDate, s.annualPlan, style)}`,
    ].join('<br/>'),
  );
}

/** 赛马: completion rate by district, highest first (exactly), against the time-progress line. */
export function districtRaceChart(st: Statistics, sort: 'rate' | 'name' = 'rate', style: NumberStyle = STANDARD, names: ShortNames = NO_SHORT_NAMES): ChartSpec {
  const items = st.byDistrict.filter((d) => d.projects > 0);
  if (sort === 'rate') items.sort(byCompletionRate);
  const progress = timeProgressNumber(st.month, style);
  const rates = items.map((d) => percentNumber(d.completedToDate, d.annualPlan, style) ?? 0);
  const labels = items.map((d) => percent(d.completedToDate, d.annualPlan, style));
  const layout = categoryLayout(items.map((d) => d.key), names, Math.max(0, ...labels.map((l) => textWidth(l))));
  // Upright value labels stand inside their bar from its foot, so none reaches the title.
  // Rows too thin for every value (a draft's fixed size over 100 counties) show those that fit;
  // the margin keeps those shown apart where a printer's digits are wider than ECharts measures.
  const valueLabel = layout.horizontal ? { position: 'right' as const, minMargin: 4 } : layout.valueLabelRotate ? { position: 'insideBottom' as const, rotate: 90, align: 'left' as const, verticalAlign: 'middle' as const } : { position: 'top' as const };
  // At least 100%, else the highest rate rounded up to ten: the axis always shows the whole plan.
  const axisMax = Math.max(100, Math.ceil(Math.max(0, ...rates) / 10) * 10);
  // A label beyond the end of a bar just short of the time-progress line would be crossed by it
  // (a label is some 18 px, a tenth of the smallest plot): that bar's label goes inside its end.
  const underLine = (rate: number) => !layout.valueLabelRotate && progress - rate >= 0 && progress - rate < axisMax / 10;
  const inside = layout.horizontal ? ({ position: 'insideRight', color: '#fff' } as const) : ({ position: 'insideTop', color: '#fff' } as const);
  const frame = base(`各区市投资完成率（1-${st.month}月）`);
  const option: EChartsOption = {
    ...frame,
    tooltip: { trigger: 'axis' },
    ...barAxes(layout, { type: 'value', name: '完成率（%）', max: axisMax }),
    // The time-progress label sits beyond the plot's end (right, or above for horizontal bars),
    // where no bar's label can be.
    ...(layout.horizontal ? {} : { grid: { ...(frame.grid as object), right: 104 } }),
    series: [
      {
        type: 'bar',
        name: '投资完成率',
        // Coloured by the exact comparison with M ÷ 12 (12·completed ≥ M·plan), as the text says 超过/低于.
        data: items.map((d, i) => ({
          value: rates[i]!,
          label: { formatter: labels[i]!, ...(underLine(rates[i]!) ? inside : {}) },
          itemStyle: { color: d.annualPlan > 0 && 12 * d.completedToDate >= st.month * d.annualPlan ? PALETTE[0] : PALETTE[1] },
        })),
        label: { show: true, ...valueLabel },
        labelLayout: { hideOverlap: true },
        markLine: {
          symbol: 'none',
          data: [layout.horizontal ? { xAxis: progress, name: TIME_PROGRESS } : { yAxis: progress, name: TIME_PROGRESS }],
          label: { position: layout.horizontal ? 'start' : 'end', formatter: `${TIME_PROGRESS}${timeProgress(st.month, style)}` },
          lineStyle: { type: 'dashed', color: '#333' },
        },
      },
    ],
  };
  return { id: 'districtRace', option, dimension: 'district', keys: [items.map((d) => d.key)], tooltips: tooltipsFor(items, (k) => k, style), height: layout.height };
}

/** By category: annual plan and completed (in the table unit), and the number of projects. */
export function categoryChart(st: Statistics, style: NumberStyle = STANDARD, names: ShortNames = NO_SHORT_NAMES): ChartSpec {
  const items = st.byCategory.filter((c) => c.projects > 0);
  const layout = categoryLayout(items.map((c) => c.key), names);
  const option: EChartsOption = {
    ...base(`各类别年度计划投资与完成投资（1-${st.month}月）`),
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    ...barAxes(layout, [{ type: 'value', name: style.tableUnit }, { type: 'value', name: `项目数（${countWord(style)}）` }]),
    series: [
      { type: 'bar', name: '年度计划投资', data: items.map((c) => ({ value: inUnit(c.annualPlan, style) })) },
      { type: 'bar', name: '完成投资', data: items.map((c) => ({ value: inUnit(c.completedToDate, style) })) },
      { type: 'line', name: '项目数', ...(layout.horizontal ? { xAxisIndex: 1 } : { yAxisIndex: 1 }), data: items.map((c) => ({ value: c.projects })) },
    ],
  };
  return { id: 'category', option, dimension: 'category', keys: [0, 1, 2].map(() => items.map((c) => c.key)), tooltips: tooltipsFor(items, (k) => k, style), height: layout.height };
}

/** By level: annual plan and completed (in the table unit) for 省重点, 市重点, 县重点. */
export function levelChart(st: Statistics, style: NumberStyle = STANDARD): ChartSpec {
  const items = st.byLevel;
  const label = (k: string) => LEVEL_LABELS[k as Level] ?? k;
  const option: EChartsOption = {
    ...base(`各级别重点项目投资（1-${st.month}月）`),
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: items.map((l) => `${label(l.key)}（${count(l.projects, style)}）`) },
    yAxis: { type: 'value', name: style.tableUnit },
    series: [
      { type: 'bar', name: '年度计划投资', data: items.map((l) => ({ value: inUnit(l.annualPlan, style) })) },
      { type: 'bar', name: '完成投资', data: items.map((l) => ({ value: inUnit(l.completedToDate, style) })) },
    ],
  };
  return { id: 'level', option, dimension: 'level', keys: [0, 1].map(() => items.map((l) => l.key)), tooltips: tooltipsFor(items, label, style) };
}

/** Red, yellow and green projects by district, stacked. */
export function warningByDistrictChart(st: Statistics, style: NumberStyle = STANDARD, names: ShortNames = NO_SHORT_NAMES): ChartSpec {
  const items = st.byDistrict.filter((d) => d.projects > 0);
  const layout = categoryLayout(items.map((d) => d.key), names);
  const series = (['red', 'yellow', 'green'] as const).map((w) => ({
    type: 'bar' as const,
    stack: 'warnings',
    name: { red: '红色预警', yellow: '黄色预警', green: '正常' }[w],
    itemStyle: { color: WARNING_COLOURS[w] },
    data: items.map((d) => ({ value: d.warnings[w] })),
  }));
  const option: EChartsOption = {
    ...base(`各区市预警项目（1-${st.month}月）`),
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    ...barAxes(layout, { type: 'value', name: `项目数（${countWord(style)}）` }),
    series,
  };
  const where = (['red', 'yellow', 'green'] as const).map((w): DrillCondition[] => [{ dimension: 'warning', keys: [w] }]);
  return { id: 'warningByDistrict', option, dimension: 'district', keys: [0, 1, 2].map(() => items.map((d) => d.key)), where, height: layout.height };
}

/** The shares of red, yellow and green projects. */
export function warningShareChart(st: Statistics, style: NumberStyle = STANDARD): ChartSpec {
  const w = st.overall.warnings;
  const data = [
    { name: '红色预警', value: w.red, itemStyle: { color: WARNING_COLOURS.red } },
    { name: '黄色预警', value: w.yellow, itemStyle: { color: WARNING_COLOURS.yellow } },
    { name: '正常', value: w.green, itemStyle: { color: WARNING_COLOURS.green } },
  ];
  const option: EChartsOption = {
    ...base(`红黄绿预警分布（1-${st.month}月）`),
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', top: 36, bottom: 28, radius: ['30%', '55%'], data, labelLine: PIE_LABEL_LINE, label: { ...PIE_LABEL, formatter: `{b}\n{c}${countWord(style)}` } }],
  };
  const tooltips = data.map((d) => `${escapeHtml(d.name)}：${count(d.value, style)}（${percent(d.value, st.overall.projects, style)}）`);
  return { id: 'warningShare', option, dimension: 'warning', keys: [['red', 'yellow', 'green']], tooltips };
}

/** Projects by size of total investment. */
export function sizeChart(st: Statistics, style: NumberStyle = STANDARD): ChartSpec {
  const items = st.bySize;
  const option: EChartsOption = {
    ...base('项目规模分布（按总投资）'),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: items.map((s) => s.key.replace('>=', '≥')) },
    yAxis: { type: 'value', name: `项目数（${countWord(style)}）` },
    series: [{ type: 'bar', name: '项目数', data: items.map((s) => ({ value: s.projects })), label: { show: true, position: 'top', formatter: '{c}' } }],
  };
  return { id: 'size', option, dimension: 'size', keys: [items.map((b) => b.key)], tooltips: tooltipsFor(items, (k) => k, style) };
}

/**
 * Two donuts side by side, each in its own half of the chart (above the legend) with its labels
 * inside that half: placed around a centre alone, the left one's labels ran off the canvas.
 */
const PIE_HALF: Record<'left' | 'right', PieSeriesOption> = {
  left: { left: '0%', width: '50%', top: 36, bottom: 28, radius: ['25%', '45%'] },
  right: { left: '50%', width: '50%', top: 36, bottom: 28, radius: ['25%', '45%'] },
};
// ECharts cuts a pie's label at its box's edge: short label lines leave the text room for "未开复工".
const PIE_LABEL: PieSeriesOption['label'] = { minMargin: 4, lineHeight: 16 };
const PIE_LABEL_LINE: PieSeriesOption['labelLine'] = { length: 8, length2: 8 };

/** New and continuing projects, and how many have started or resumed. */
export function natureStartChart(st: Statistics, style: NumberStyle = STANDARD): ChartSpec {
  const o = st.overall;
  const option: EChartsOption = {
    ...base(`新建、续建与开复工情况（1-${st.month}月）`),
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: '建设性质',
        ...PIE_HALF.left,
        data: [
          { name: '新建', value: o.newProjects },
          { name: '续建', value: o.continuedProjects },
        ],
        labelLine: PIE_LABEL_LINE,
        label: { ...PIE_LABEL, formatter: `{b}\n{c}${countWord(style)}` },
      },
      {
        type: 'pie',
        name: '开复工',
        ...PIE_HALF.right,
        data: [
          { name: '已开复工', value: o.startedNew + o.resumed },
          { name: '未开复工', value: o.projects - o.startedNew - o.resumed },
        ],
        labelLine: PIE_LABEL_LINE,
        label: { ...PIE_LABEL, formatter: `{b}\n{c}${countWord(style)}` },
      },
    ],
  };
  return { id: 'natureStart', option, dimension: 'nature', keys: [['new', 'continued'], ['started', 'notStarted']] };
}

/** Cumulative completed investment by month, this year and last, against the plan's time line. */
export interface MonthlyTrend {
  year: number;
  /**
   * Cumulative completed (元) for months 1..12 of the year: null for months not reached, and for
   * months before the year's first report (no data: the line leaves them out rather than draw 0).
   */
  current: (number | null)[];
  previous: (number | null)[] | null;
  annualPlan: number;
}

export function trendChart(t: MonthlyTrend, style: NumberStyle = STANDARD): ChartSpec {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const yi = (amount: number) => inUnit(money(amount), style);
  const plan = (i: number) => Math.round((t.annualPlan * (i + 1)) / 12);
  // ECharts' own axis tooltip would print the exact values (8 decimals): each month's is written here.
  const tooltips = months.map((m, i) =>
    [
      `<b>${m}</b>`,
      ...(t.current[i] != null ? [`${t.year}年累计完成${moneyText(t.current[i]!, style)}`] : []),
      ...(t.previous?.[i] != null ? [`${t.year - 1}年同期${moneyText(t.previous[i]!, style)}`] : []),
      `${TIME_PROGRESS}（计划）${moneyText(plan(i), style)}`,
    ].join('<br/>'),
  );
  const option: EChartsOption = {
    ...base(`${t.year}年累计完成投资走势`),
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', name: style.tableUnit },
    series: [
      { type: 'line', name: `${t.year}年累计完成`, data: t.current.map((v) => (v === null ? null : yi(v))), symbolSize: 6 },
      ...(t.previous ? [{ type: 'line' as const, name: `${t.year - 1}年同期`, data: t.previous.map((v) => (v === null ? null : yi(v))), lineStyle: { type: 'dotted' as const }, symbolSize: 6 }] : []),
      { type: 'line', name: '时序进度（计划）', data: months.map((_, i) => yi(plan(i))), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  };
  return { id: 'trend', option, dimension: null, keys: [], tooltips };
}

/** Every chart of 统计分析, in order, in the office's style. */
export function analysisCharts(st: Statistics, trend: MonthlyTrend, districtOrder: 'rate' | 'name' = 'rate', style: NumberStyle = STANDARD, names: ShortNames = NO_SHORT_NAMES): ChartSpec[] {
  return [
    districtRaceChart(st, districtOrder, style, names),
    categoryChart(st, style, names),
    levelChart(st, style),
    trendChart(trend, style),
    warningShareChart(st, style),
    warningByDistrictChart(st, style, names),
    sizeChart(st, style),
    natureStartChart(st, style),
  ];
}
