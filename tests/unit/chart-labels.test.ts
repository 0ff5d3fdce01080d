/**
 * Every label a chart prints is the phrase library's text for the same number: walk the built
 * options of every chart of shared/charts.ts on a real library and check each label, bar and line.
 */
import { money } from '../../shared/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { monthlyTrend, statistics } from '../../electron/services/statistics';
import { analysisCharts, districtRaceChart, type ChartSpec } from '../../shared/charts';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../shared/number-style';
import { count, percent, progressGapPhrase, timeProgress } from '../../shared/phrases';
import type { KeyedSummary, Statistics } from '../../shared/statistics';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
beforeAll(() => {
  lib = createTempLibrary();
  fillDemoLibrary(lib.ctx.library!.db, 'x');
});
afterAll(() => lib.close());

type Item = { name?: string; value: number | null; label?: { formatter?: unknown } };
type Series = { type: string; data: (Item | number | null)[]; label?: { formatter?: unknown }; markLine?: { data: { yAxis: number }[]; label: { formatter: string } } };

/** Every label formatter in an option, wherever it is (so a new label cannot slip past the check). */
function formatters(node: unknown, path = ''): { path: string; formatter: string }[] {
  if (!node || typeof node !== 'object') return [];
  const own = 'formatter' in node && typeof (node as { formatter: unknown }).formatter === 'string' ? [{ path, formatter: (node as { formatter: string }).formatter }] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => formatters(v, `${path}.${k}`))];
}

/** A chart's labels as ECharts prints them: a template's {b} and {c} filled from the data item. */
function printed(spec: ChartSpec): { path: string; text: string; value: number | null }[] {
  const out: { path: string; text: string; value: number | null }[] = [];
  (spec.option.series as Series[]).forEach((s, si) => {
    s.data.forEach((d, di) => {
      const item: Item = d !== null && typeof d === 'object' ? d : { value: d };
      const template = item.label?.formatter ?? s.label?.formatter;
      if (typeof template !== 'string') return;
      const text = template.replace('{b}', item.name ?? '').replace('{c}', String(item.value)).replace('\n', '');
      out.push({ path: `${spec.id}.series[${si}].data[${di}]`, text, value: item.value });
    });
    if (s.markLine) out.push({ path: `${spec.id}.series[${si}].markLine`, text: s.markLine.label.formatter, value: s.markLine.data[0]!.yAxis });
  });
  return out;
}

function checkEveryLabel(st: Statistics, style: NumberStyle) {
  const specs = analysisCharts(st, monthlyTrend(lib.ctx, st.year, st.month), 'rate', style);
  const byKey = new Map(st.byDistrict.map((d) => [d.key, d]));
  let checked = 0;
  for (const spec of specs) {
    const labels = printed(spec);
    // Nothing labelled outside the series' own labels and mark lines, which printed() reads.
    const all = formatters(spec.option).filter((f) => !f.path.startsWith('.series'));
    expect(all, spec.id).toEqual([]);
    for (const l of labels) {
      checked++;
      if (spec.id === 'districtRace' && l.path.includes('.data[')) {
        const i = Number(/data\[(\d+)\]/.exec(l.path)![1]);
        const d = byKey.get(spec.keys[0]![i]!)!;
        expect(l.text, l.path).toBe(percent(d.completedToDate, d.annualPlan, style));
        // The bar is drawn at the number its label writes.
        expect(`${l.value}%`, l.path).toBe(l.text);
      } else if (l.path.endsWith('markLine')) {
        expect(l.text, l.path).toBe(`时序进度${timeProgress(st.month, style)}`);
        expect(`时序进度${l.value}%`).toBe(l.text);
      } else if (spec.id === 'size') {
        expect(l.text, l.path).toBe(String(l.value));
      } else {
        // Pie labels: a name and a count in the office's counting word.
        expect(l.text, l.path).toMatch(/^\D+\d+\D$/);
        expect(l.text.replace(/^\D+/, ''), l.path).toBe(count(l.value!, style));
      }
    }
  }
  return checked;
}

describe('chart labels', () => {
  it('every label of every chart equals the formatter’s text for the same number (standard style)', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    expect(checkEveryLabel(st, DEFAULT_NUMBER_STYLE)).toBeGreaterThanOrEqual(15);
  });

  it('and in an office’s own style (two decimals, 宗)', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 7);
    const style: NumberStyle = { ...DEFAULT_NUMBER_STYLE, percentDecimals: 2, timeProgressDecimals: 2, countWord: '宗' };
    expect(checkEveryLabel(st, style)).toBeGreaterThanOrEqual(15);
    const race = districtRaceChart(st, 'rate', style);
    expect((race.option.series as Series[])[0]!.markLine!.label.formatter).toBe('时序进度58.33%');
  });

  it('1001 of 2000万元 is 50.1% on the bar and in the text beside it; bars ordered by the exact rate', () => {
    const st = statistics(lib.ctx.library!.db, 2024, 8);
    const group = (key: string, completedToDate: number, annualPlan: number): KeyedSummary => ({ ...st.byDistrict[0]!, key, completedToDate: money(completedToDate), annualPlan: money(annualPlan), projects: 1 });
    const 万 = 10_000;
    // b and c both print 50%, but c is ahead exactly; a is 50.1%.
    const made = { ...st, byDistrict: [group('b', 1000.1 * 万, 2000 * 万), group('a', 1001 * 万, 2000 * 万), group('c', 1000.8 * 万, 2000 * 万)] };
    const race = districtRaceChart(made);
    const bars = (race.option.series as Series[])[0]!.data as Item[];
    expect(race.keys[0]).toEqual(['a', 'c', 'b']);
    expect(bars.map((b) => [b.value, b.label!.formatter])).toEqual([[50.1, '50.1%'], [50, '50%'], [50, '50%']]);
    expect(race.tooltips![0]).toContain('完成率50.1%');
    // The text beside it, from the same library.
    expect(progressGapPhrase(1001 * 万, 2000 * 万, 6)).toBe('超过时序进度0.1个百分点');
  });
});
