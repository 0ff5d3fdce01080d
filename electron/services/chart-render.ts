/**
 * Charts drawn without a browser: the same option builders as the 统计分析 screen (shared/charts.ts),
 * rendered by ECharts' server-side SVG renderer — for Word drafts, and for the command line.
 */
import * as echarts from 'echarts';
import type { ChartSpec } from '../../shared/charts';

/** The chart as SVG text at the given size (print size by default: 16 cm × 9 cm at 96 dpi). */
export function renderChartSvg(spec: ChartSpec, size: { width: number; height: number } = { width: 605, height: 340 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height, locale: 'ZH' });
  try {
    chart.setOption({ ...spec.option, backgroundColor: '#fff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
