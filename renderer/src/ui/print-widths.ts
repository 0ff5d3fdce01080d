/**
 * How a grid's table shares the A4 page (ui/print-table.tsx), as pure functions of what it holds.
 *
 * A printed row is as tall as its most wrapped cell, so the page count is the rows times their
 * lines. The columns are sized to keep rows on as few lines as the page allows:
 * - a number is never broken: its column gets the room of its longest figure (its header on two lines);
 * - a short value ("省重点", "南海新区", a leader's name, "工业和信息化局": nine in ten of the
 *   column's texts up to 8 characters) is never broken either: its column holds it whole;
 * - the long texts (a name, a 建设单位, the tags) wrap onto the number of lines that puts the rows
 *   on the fewest lines in all, each long column holding the same share of its cells;
 * - the text is 8 pt, or 7.5 or 7 pt when that takes the rows onto fewer lines;
 * - a column empty in every printed row is left out (its name said above the table): ten empty
 *   columns of the project list took a quarter of the page and forced every row onto two lines.
 * The demo city's 896 projects: 29 A4 landscape pages at 7 pt, from 37 at 6.5 pt.
 */
import { textWidth } from '../../../shared/chart-labels';
import type { ShownTable } from './shown-table';

/** A4 portrait between the 12 mm margins (186 mm) in CSS pixels; landscape holds 273 mm. */
const PORTRAIT_PX = 703;
const LANDSCAPE_PX = 1032;
/** The screen's widths shrink to about this share in print (8 pt text, cells wrap). */
const PRINT_SHARE = 0.75;
/** The longest a text column asks for, in characters: a long 建设内容 wraps rather than take the page. */
const TEXT_CHARS_MAX = 24;
/** A column whose texts (nine in ten) are this short holds them on one line. */
const SHORT_CHARS = 8;
/** The most lines a long text is wrapped onto before the columns are squeezed further. */
const LINES_MAX = 6;

/** Portrait when the columns' screen widths fit it, otherwise landscape. */
export function printsLandscape(widths: readonly number[]): boolean {
  return widths.reduce((a, b) => a + b, 0) * PRINT_SHARE > PORTRAIT_PX;
}

/** The name of a column as said in words: its group's name before it (前期手续: "立项/备案计划办结"). */
export function columnName(c: ShownTable['columns'][number]): string {
  return c.group ? `${c.group}${c.header}` : c.header;
}

/** The table as printed: the columns empty in every row (and total) left out, and their names. */
export function printable(table: ShownTable): { table: ShownTable; omitted: string[] } {
  if (table.rows.length === 0) return { table, omitted: [] };
  const empty = table.columns.map((_, i) => table.rows.every((r) => !r.cells[i]!.trim()) && table.totals.every((t) => !t[i]!.trim()));
  if (!empty.some(Boolean)) return { table, omitted: [] };
  const keep = <T,>(cells: readonly T[]): T[] => cells.filter((_, i) => !empty[i]);
  return {
    table: { columns: keep(table.columns), rows: table.rows.map((r) => ({ id: r.id, cells: keep(r.cells) })), totals: table.totals.map((t) => keep(t)) },
    omitted: table.columns.filter((_, i) => empty[i]).map(columnName),
  };
}

/** The sizes the table may print at, in points: 8 pt, or down to 7 pt where that saves pages. */
const FONTS_PT = [8, 7.5, 7];
const PT_PX = 96 / 72;
/** A cell's padding (2 px each side) and borders, with a little room to spare. */
const PADDING_PX = 6;

interface Fit {
  fontPt: number;
  /** The lines a row takes, on average, as the cells wrap in these widths. */
  rowLines: number;
  /** Per cent of the table's width. */
  widths: number[];
}

/** The lines `text` takes in a column `chars` characters wide. */
function linesIn(text: string, chars: number): number {
  return Math.max(1, ...text.split('\n').map((line) => Math.ceil(textWidth(line, 1) / Math.max(1, chars) - 0.02)));
}

/** A short column holds all its values when none is long ("南海新区"), else the share q of them, nine in ten at most. */
function shortWidth(sorted: readonly number[], q: number): number {
  const longest = sorted[sorted.length - 1] ?? 0;
  return longest <= SHORT_CHARS ? longest : quantile(sorted, Math.min(q, 0.9));
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]! : 0;
}

/**
 * The columns at one size. The long texts wrap onto `lines` lines for the share q of their cells
 * that fits (every long column the same share, so a row's cells wrap alike), q as high as the page
 * allows; the short ones hold q of their values whole (nine in ten at most: a rare long one
 * wraps); the number of lines is the one whose rows take the fewest lines in all.
 */
export function fitAt(table: ShownTable, page: number, fontPt: number): Fit {
  const font = fontPt * PT_PX;
  const texts = (i: number) => [...table.rows.map((r) => r.cells[i]!), ...table.totals.map((t) => t[i]!)];
  // A header reads on two lines at most (a number's header breaks before its unit).
  const headerChars = (c: ShownTable['columns'][number]) => Math.max(2, Math.ceil(textWidth(c.header, 1) / 2));
  const fixed = table.columns.map((c, i) => (c.numeric ? Math.max(Math.max(0, ...texts(i).map((t) => t.length)) * 0.56, headerChars(c)) * font + PADDING_PX : null));
  // Each text column's lengths in characters (longest line of a cell), sorted; short columns are never broken.
  const lengths = table.columns.map((_, i) => (fixed[i] === null ? texts(i).map((t) => Math.max(0, ...t.split('\n').map((l) => textWidth(l, 1)))).sort((a, b) => a - b) : []));
  const short = lengths.map((l) => quantile(l, 0.9) <= SHORT_CHARS);
  const room = Math.max(0, page - fixed.reduce<number>((a, b) => a + (b ?? 0), 0));
  const charsRoom = (room - fixed.filter((f) => f === null).length * PADDING_PX) / font;
  const widthsAt = (lines: number, q: number) =>
    table.columns.map((c, i) => (fixed[i] === null ? Math.max(headerChars(c), short[i] ? shortWidth(lengths[i]!, q) : Math.min(TEXT_CHARS_MAX, quantile(lengths[i]!, q)) / lines) : 0));
  const total = (w: number[]) => w.reduce((a, b) => a + b, 0);
  const rowLinesOf = (chars: number[]) =>
    table.rows.length ? table.rows.reduce((n, r) => n + Math.max(1, ...r.cells.map((c, i) => (fixed[i] === null ? linesIn(c, chars[i]!) : 1))), 0) / table.rows.length : 1;
  let best: { chars: number[]; rowLines: number } | null = null;
  for (let lines = 1; lines <= LINES_MAX; lines++) {
    if (total(widthsAt(lines, 0)) > charsRoom) continue;
    let [lo, hi] = [0, 1];
    for (let k = 0; k < 16; k++) {
      const mid = (lo + hi) / 2;
      if (total(widthsAt(lines, mid)) <= charsRoom) lo = mid;
      else hi = mid;
    }
    const chars = widthsAt(lines, lo);
    // What room is left goes to the long columns by what they hold, or to every text column alike.
    const share = chars.map((c, i) => (fixed[i] === null && (!short[i] || short.every(Boolean)) ? c : 0));
    const spare = charsRoom - total(chars);
    const shareTotal = total(share) || 1;
    const spread = chars.map((c, i) => c + (spare * share[i]!) / shareTotal);
    const rowLines = rowLinesOf(spread);
    if (!best || rowLines < best.rowLines - 1e-9) best = { chars: spread, rowLines };
    if (lo >= 1) break;
  }
  // Too wide even at six lines: every column shrinks alike from what it asks.
  if (!best) {
    const chars = widthsAt(LINES_MAX, 0);
    const scale = charsRoom / total(chars);
    best = { chars: chars.map((c) => c * scale), rowLines: rowLinesOf(chars.map((c) => c * scale)) };
  }
  const px = table.columns.map((_, i) => fixed[i] ?? best.chars[i]! * font + PADDING_PX);
  const sum = px.reduce((a, b) => a + b, 0);
  return { fontPt, rowLines: best.rowLines, widths: px.map((w) => (w / sum) * 100) };
}

/**
 * The text size and each column's share of the printed width (per cent): the rows on the fewest
 * lines any size allows (within 5 %), at the largest size that does it — the demo city's 896
 * projects on one line a row mostly at 7 pt rather than on two at 8 pt; a table that fits at
 * 8 pt stays at 8 pt.
 */
export function printLayout(table: ShownTable, landscape: boolean): { fontPt: number; widths: number[] } {
  const page = landscape ? LANDSCAPE_PX : PORTRAIT_PX;
  const fits = FONTS_PT.map((pt) => fitAt(table, page, pt));
  const fewest = Math.min(...fits.map((f) => f.rowLines));
  const best = fits.find((f) => f.rowLines <= fewest * 1.05)!;
  return { fontPt: best.fontPt, widths: best.widths };
}
