/**
 * Charts as PNG without a browser, for Word drafts and the command line: the SVG of
 * shared/chart-svg.ts rasterised by resvg (WebAssembly: one build for every platform and
 * architecture we ship) with the bundled Chinese font (electron/assets/fonts, Noto Sans CJK SC cut
 * to GB2312), since the machines it runs on may have no Chinese font that resvg can find.
 */
import fs from 'node:fs';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ChartSpec } from '../../shared/charts';
import { chartSvg, PRINT_SIZE } from '../../shared/chart-svg';

/** Where the renderer's files are: the WebAssembly module and the font folder. */
export interface ChartAssets {
  wasmFile: string;
  fontDir: string;
}

/** The family name of the bundled font, as written in the SVG (shared/charts.ts FONT lists it). */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

let ready: Promise<void> | null = null;
const fontCache = new Map<string, Uint8Array[]>();

function fontsIn(dir: string): Uint8Array[] {
  let fonts = fontCache.get(dir);
  if (!fonts) {
    const files = fs.readdirSync(dir).filter((f) => /\.(otf|ttf)$/i.test(f));
    if (files.length === 0) throw new Error(`图表字体缺失：${dir}`);
    fonts = files.map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
    fontCache.set(dir, fonts);
  }
  return fonts;
}

/**
 * Compile the rasteriser and read the fonts ahead of the first draft (the app calls this once its
 * window is up): the first chart otherwise pays about half a second for it.
 */
export async function prepareChartRenderer(assets: ChartAssets): Promise<void> {
  ready ??= initWasm(fs.readFileSync(assets.wasmFile)).catch((e: unknown) => {
    ready = null;
    throw e;
  });
  await ready;
  fontsIn(assets.fontDir);
}

/** The chart as PNG bytes at `scale` times print size (2: 1210 × 680 px, sharp when printed). */
export async function renderChartPng(assets: ChartAssets, spec: ChartSpec, options: { scale?: number; size?: { width: number; height: number } } = {}): Promise<Uint8Array> {
  await prepareChartRenderer(assets);
  const svg = chartSvg(spec, options.size ?? PRINT_SIZE);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: { fontBuffers: fontsIn(assets.fontDir), defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
