/**
 * The one way a chart becomes a picture: ECharts (its tree-shaken core, the components our charts
 * use, the SVG renderer, Chinese locale) in server-side mode, so the same text comes out in the
 * renderer (保存为SVG/PNG, 复制) and in the main process (Word drafts, through
 * electron/services/chart-render.ts). ECharts' SSR mode needs no DOM.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './charts';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** The ECharts instance with our components registered, for the interactive charts on screen. */
export { echarts };

/** Print size: 16 cm × 9 cm at 96 dpi, the width of a chart on an A4 page of the official layout. */
export const PRINT_SIZE = { width: 605, height: 340 } as const;

/** The chart as SVG text (valid XML, white background). */
export function chartSvg(spec: ChartSpec, size: { width: number; height: number } = PRINT_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height, locale: 'ZH' });
  try {
    chart.setOption({ ...spec.option, backgroundColor: '#fff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
