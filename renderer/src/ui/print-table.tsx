/**
 * A grid printed as a plain table of what it shows: every displayed column (not only the few that
 * fit the window) and every row after filter and sort, each cell's text wrapped within its column,
 * never cut. AG Grid draws only the rows and columns in view and cuts long text with "…"; a table
 * built at print time (ui/shown-table.ts) has neither limit, repeats its header on every page and
 * lays out far faster than the grid's own print layout. Wider than an A4 portrait page can hold,
 * it prints on A4 landscape (the body's `print-landscape`, styles.css @page landscape-table).
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { GridApi } from 'ag-grid-community';
import { textWidth } from '../../../shared/chart-labels';
import { useColumnFilterText, type ColumnFilterText } from './print-header';
import { shownTable, type ShownTable } from './shown-table';

/** A4 portrait between the 12 mm margins (186 mm) in CSS pixels; landscape holds 273 mm. */
const PORTRAIT_PX = 703;
const LANDSCAPE_PX = 1032;
/** The screen's widths shrink to about this share in print (8 pt text, cells wrap). */
const PRINT_SHARE = 0.75;

export type PrintSize = { landscape: boolean; dense: boolean };

/** Portrait when the columns fit it, otherwise landscape; smaller text when even that is crowded. */
export function printSize(widths: readonly number[]): PrintSize {
  const wanted = widths.reduce((a, b) => a + b, 0) * PRINT_SHARE;
  return { landscape: wanted > PORTRAIT_PX, dense: wanted > LANDSCAPE_PX * 1.6 };
}

/** The longest a text column asks for, in characters: a long 建设内容 wraps rather than take the page. */
const TEXT_CHARS_MAX = 24;

/**
 * Each column's share of the printed width, in per cent. A number is never broken: its column
 * gets the room of its longest figure. The text columns share the rest in proportion to what they
 * hold (their longer texts, not the screen's widths), so every column of a row wraps onto about
 * as many lines — a row is as tall as its most wrapped cell, so evening them out keeps rows short.
 */
export function printColumnWidths(table: ShownTable, size: PrintSize): number[] {
  const page = size.landscape ? LANDSCAPE_PX : PORTRAIT_PX;
  const font = size.dense ? 8.7 : 10.7; // 6.5 pt and 8 pt in CSS pixels
  const padding = 6;
  const texts = (i: number) => [...table.rows.map((r) => r.cells[i]!), ...table.totals.map((t) => t[i]!)];
  const fixed = table.columns.map((c, i) => (c.numeric ? Math.max(0, ...texts(i).map((t) => t.length)) * font * 0.56 + padding : null));
  // What a text column holds: the length most of its cells stay within (the 90th percentile), its
  // header's longest word at least two characters.
  const wanted = table.columns.map((c, i) => {
    if (fixed[i] !== null) return 0;
    const lengths = texts(i).map((t) => textWidth(t, 1)).sort((a, b) => a - b);
    const p90 = lengths.length ? lengths[Math.floor(0.9 * (lengths.length - 1))]! : 0;
    return Math.min(TEXT_CHARS_MAX, Math.max(2, p90, Math.min(4, textWidth(c.header, 1))));
  });
  const fixedTotal = fixed.reduce<number>((a, b) => a + (b ?? 0), 0);
  const wantedTotal = wanted.reduce((a, b) => a + b, 0) || 1;
  const room = Math.max(0, page - fixedTotal);
  const widths = table.columns.map((_, i) => fixed[i] ?? Math.max(2 * font + padding, (wanted[i]! / wantedTotal) * room));
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / sum) * 100);
}

function Cells({ cells, columns }: { cells: string[]; columns: ShownTable['columns'] }) {
  return cells.map((text, i) => (
    <td key={i} className={columns[i]!.numeric ? 'num' : undefined}>
      {text}
    </td>
  ));
}

function PrintTable({ table }: { table: ShownTable }) {
  const { columns } = table;
  const grouped = columns.some((c) => c.group);
  // The group row: consecutive columns of one group share a cell; ungrouped columns span both rows.
  const groupCells: { label: string | null; span: number; first: number }[] = [];
  columns.forEach((c, i) => {
    const last = groupCells[groupCells.length - 1];
    if (c.group && last && last.label === c.group) last.span++;
    else groupCells.push({ label: c.group, span: 1, first: i });
  });
  const size = printSize(columns.map((c) => c.width));
  const widths = printColumnWidths(table, size);
  return (
    <table className={`print-table${size.dense ? ' dense' : ''}`} data-testid="print-table">
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w.toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        {grouped && (
          <tr>
            {groupCells.map((g) =>
              g.label ? (
                <th key={g.first} colSpan={g.span}>
                  {g.label}
                </th>
              ) : (
                <th key={g.first} rowSpan={2}>
                  {columns[g.first]!.header}
                </th>
              ),
            )}
          </tr>
        )}
        <tr>{columns.map((c, i) => (grouped && !c.group ? null : <th key={i}>{c.header}</th>))}</tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.id} data-row-id={r.id}>
            <Cells cells={r.cells} columns={columns} />
          </tr>
        ))}
        {table.totals.map((cells, n) => (
          <tr key={`total-${n}`} className="total">
            <Cells cells={cells} columns={columns} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * While the page prints (or is shown as printed), the table of the grid in `wrap`: only a grid on
 * the screen shown, not the project list kept mounted under another. Render the result inside
 * the element carrying `PRINTS_TABLE` (which hides the grid itself in print).
 */
export function usePrintTable<T>(apiRef: RefObject<GridApi<T> | null>, wrap: RefObject<HTMLElement | null>): ReactNode {
  const [table, setTable] = useState<ShownTable | null>(null);
  useEffect(() => {
    const media = window.matchMedia('print');
    let shown = false;
    const layout = (printing: boolean) => {
      const api = apiRef.current;
      if (printing === shown || (printing && (!api || api.isDestroyed() || !wrap.current?.offsetParent))) return;
      shown = printing;
      const next = printing && api ? shownTable(api) : null;
      document.body.classList.toggle('print-landscape', next ? printSize(next.columns.map((c) => c.width)).landscape : false);
      // Drawn before the browser lays the page out for print (beforeprint is the last moment).
      flushSync(() => setTable(next));
    };
    const onMedia = (e: MediaQueryListEvent) => layout(e.matches);
    const before = () => layout(true);
    const after = () => layout(false);
    media.addEventListener('change', onMedia);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      media.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [apiRef, wrap]);
  return table ? <PrintTable table={table} /> : null;
}

/** The class of the element holding a grid and its print table. */
export const PRINTS_TABLE = 'prints-table';

/**
 * What a screen's grid needs to print itself: the element to wrap it in (with PRINTS_TABLE), the
 * print table to render inside that element, and its column filters in words for the header.
 */
export function usePrintedGrid<T>(apiRef: RefObject<GridApi<T> | null>): { wrap: RefObject<HTMLDivElement | null>; printTable: ReactNode; columnFilter: ColumnFilterText<T> } {
  const wrap = useRef<HTMLDivElement | null>(null);
  const printTable = usePrintTable(apiRef, wrap);
  const columnFilter = useColumnFilterText<T>();
  return { wrap, printTable, columnFilter };
}
