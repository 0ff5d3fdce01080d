/**
 * One chart on screen: ECharts (SVG renderer, Chinese locale) drawing a ChartSpec, reporting
 * clicks by the spec's keys, and saving itself as PNG or SVG or copying itself to the clipboard.
 */
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../../../shared/charts';
import { chartSvg, echarts, PRINT_SIZE } from '../../../../shared/chart-svg';
import { downloadBlob } from '../../ui/download';

/** The chart as PNG bytes (the SVG drawn on a canvas at twice the size, for print). */
export async function chartPng(spec: ChartSpec): Promise<Blob> {
  const svg = chartSvg(spec);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('图表无法转为图片'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = PRINT_SIZE.width * 2;
    canvas.height = PRINT_SIZE.height * 2;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图表无法转为图片'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The option as drawn on screen: the spec's own tooltip texts shown through a formatter. Specs are
 * plain data because drafts build them in the main process and send them over IPC (which cannot
 * carry functions); the one function a chart needs is added here, where it never crosses IPC.
 */
export function interactiveOption(spec: ChartSpec): EChartsOption {
  const tooltips = spec.tooltips;
  if (!tooltips) return spec.option;
  const formatter = (params: unknown) => {
    // An axis tooltip gets every series at the hovered category, an item tooltip one slice.
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
    return tooltips[first?.dataIndex ?? -1] ?? '';
  };
  return { ...spec.option, tooltip: { ...(spec.option.tooltip as object | undefined), formatter } };
}

export function ChartView(props: { spec: ChartSpec; onSelect: (spec: ChartSpec, key: string, series: number) => void; onMessage: (text: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // The latest spec and handler, read by the click listener installed once.
  const current = useRef(props);
  current.current = props;
  const { spec } = props;
  useEffect(() => {
    const chart = echarts.init(ref.current!, null, { renderer: 'svg', locale: 'ZH' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      const { spec: s, onSelect } = current.current;
      const key = s.keys[p.seriesIndex ?? 0]?.[p.dataIndex];
      if (key !== undefined) onSelect(s, key, p.seriesIndex ?? 0);
    });
    // Printing keeps the screen's drawing, scaled by CSS to the A4 column (styles.css), which needs
    // a viewBox on the SVG (ECharts sets only width and height). Resizing to the print layout's
    // boxes instead would redraw after the page has been laid out.
    chart.on('finished', () => ref.current?.querySelector('svg')?.setAttribute('viewBox', `0 0 ${chart.getWidth()} ${chart.getHeight()}`));
    const printing = window.matchMedia('print');
    const observer = new ResizeObserver(() => printing.matches || chart.resize());
    observer.observe(ref.current!);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  // A new month or filter updates the chart in place: redrawing, not rebuilding, is what keeps it fast.
  useEffect(() => {
    chartRef.current?.setOption(interactiveOption(spec), { notMerge: true });
  }, [spec]);

  const title = String((spec.option.title as { text?: string } | undefined)?.text ?? spec.id);
  return (
    // Horizontal bars of many items (a province's counties) take the whole row, as tall as their rows.
    <figure className={`chart-card${spec.height ? ' tall' : ''}`} data-testid={`chart-${spec.id}`}>
      <div className="chart" ref={ref} style={spec.height ? { height: spec.height } : undefined} />
      <figcaption>
        <button className="link" onClick={() => void chartPng(spec).then((b) => downloadBlob(b, `${title}.png`), (e) => props.onMessage(String(e)))}>
          保存为PNG
        </button>
        <button className="link" onClick={() => downloadBlob(new Blob([chartSvg(spec)], { type: 'image/svg+xml' }), `${title}.svg`)}>
          保存为SVG
        </button>
        <button
          className="link"
          onClick={() =>
            void chartPng(spec)
              .then((b) => navigator.clipboard.write([new ClipboardItem({ 'image/png': b })]))
              .then(() => props.onMessage(`已复制“${title}”`), () => props.onMessage('无法写入剪贴板'))
          }
        >
          复制
        </button>
      </figcaption>
    </figure>
  );
}
