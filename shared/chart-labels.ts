/**
 * Names as the charts print them, and how a category axis lays them out so that no two labels
 * overlap and none leaves the chart, from a city's 8–12 districts to a province's 100+ counties.
 *
 * Offices write long names ("火炬高技术产业开发区") and have their own short ones ("火炬区"): the
 * short names are a setting of the library (设置 > 图表简称, electron/services/chart-names.ts),
 * used by every chart and never by a table or a text, where the full name is the official one.
 * A long name without a short one is wrapped onto lines instead.
 *
 * The layout is chosen here, from the names alone, because a spec is plain data built before it
 * knows where it will be drawn: it must hold at the narrowest drawing (a chart card of 560 px on
 * screen, and the drafts' print size of 605 px), and print keeps the screen's drawing scaled down.
 */

/** Full name → the office's short name for charts ("经济技术开发区" → "经开区"). */
export type ShortNames = Readonly<Record<string, string>>;

export const NO_SHORT_NAMES: ShortNames = Object.freeze({});

/** The longest short name accepted: a short name is for a chart's axis. */
export const SHORT_NAME_MAX = 8;

/** The name a chart prints for `name`: the office's short name when it has one. */
export function chartName(name: string, names: ShortNames): string {
  const short = names[name];
  return short && short.trim() ? short.trim() : name;
}

/** ECharts' axis label font size, which the estimates below assume. */
const FONT_PX = 12;
/** The width of the plot at the narrowest drawing: a 560 px card less the grid's side margins. */
export const NARROWEST_PLOT_PX = 560 - 64 - 100;
/** Over this many items a breakdown is drawn as horizontal bars, one row per item. */
export const HORIZONTAL_FROM = 17;
/** Height of one row of horizontal bars, and what the chart needs besides its rows. */
const ROW_PX = 22;
const FRAME_PX = 130;

/** A text's width as drawn at 12 px: CJK and full-width characters one em, the rest about 0.6 em. */
export function textWidth(text: string, fontPx = FONT_PX): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? fontPx : fontPx * 0.62;
  return width;
}

/** `text` cut into `lines` lines as even as can be (a name reads best split near its middle). */
function wrapInto(text: string, lines: number): string {
  const chars = [...text];
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out.join('\n');
}

export interface CategoryLayout {
  /** Category axis labels as printed (short names, long ones wrapped with \n). */
  labels: string[];
  /** Horizontal bars (the categories on the y axis), for many items. */
  horizontal: boolean;
  /** The axis label options of the category axis. */
  axisLabel: { interval: 0 | 'auto'; rotate: number; hideOverlap?: boolean };
  /** Bars' value labels turned upright when they would not fit side by side. */
  valueLabelRotate: number;
  /** The height the chart needs on screen (px): horizontal bars grow with their rows. */
  height: number | undefined;
}

/**
 * How a category axis of `names` is drawn. Up to 16 items: labels across, wrapped onto two or
 * three lines when a name is wider than its slot, turned 45° or upright when even that will not
 * do. From 17: horizontal bars, a row each, the chart as tall as its rows (labels thinned by
 * ECharts only where a fixed size, such as a draft's, cannot hold them all).
 */
export function categoryLayout(names: readonly string[], shortNames: ShortNames, valueLabelPx = 0): CategoryLayout {
  const shown = names.map((n) => chartName(n, shortNames));
  if (shown.length >= HORIZONTAL_FROM) {
    return { labels: shown, horizontal: true, axisLabel: { interval: 'auto', rotate: 0, hideOverlap: true }, valueLabelRotate: 0, height: FRAME_PX + ROW_PX * shown.length };
  }
  const slot = NARROWEST_PLOT_PX / Math.max(1, shown.length);
  const room = slot - 8;
  const widest = Math.max(0, ...shown.map((s) => textWidth(s)));
  const valueLabelRotate = valueLabelPx > slot - 4 ? 90 : 0;
  if (widest <= room) return { labels: shown, horizontal: false, axisLabel: { interval: 0, rotate: 0 }, valueLabelRotate, height: undefined };
  // Wrapped onto lines of two characters at least: a column of single characters reads badly.
  for (const lines of [2, 3]) {
    if (room < 2 * FONT_PX) break;
    const wrapped = shown.map((s) => (textWidth(s) <= room ? s : wrapInto(s, lines)));
    if (wrapped.every((w) => w.split('\n').every((line) => textWidth(line) <= room))) {
      return { labels: wrapped, horizontal: false, axisLabel: { interval: 0, rotate: 0 }, valueLabelRotate, height: undefined };
    }
  }
  // Turned labels are parallel strips `slot` apart: at 45° they clear each other from a slot of
  // about 1.3 lines, upright from one line.
  const rotate = slot * Math.SQRT1_2 >= FONT_PX * 1.3 ? 45 : 90;
  return { labels: shown, horizontal: false, axisLabel: { interval: 0, rotate }, valueLabelRotate, height: undefined };
}
