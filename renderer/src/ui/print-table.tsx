/**
 * A grid printed as a plain table of what it shows: every displayed column (not only the few that
 * fit the window; one empty in every row is named above the table instead, ui/print-widths.ts)
 * and every row after filter and sort, each cell's text wrapped within its column, never cut. AG Grid draws only the rows and columns in view and cuts long text with "…"; a table
 * built at print time (ui/shown-table.ts) has neither limit, repeats its header on every page and
 * lays out far faster than the grid's own print layout. Wider than an A4 portrait page can hold,
 * it prints on A4 landscape (the body's `print-landscape`, styles.css @page landscape-table).
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { GridApi } from 'ag-grid-community';
import { useColumnFilterText, type ColumnFilterText } from './print-header';
import { printable, printLayout, printsLandscape } from './print-widths';
import { shownTable, type ShownTable } from './shown-table';

function Cells({ cells, columns }: { cells: string[]; columns: ShownTable['columns'] }) {
  return cells.map((text, i) => (
    <td key={i} className={columns[i]!.numeric ? 'num' : undefined}>
      {text}
    </td>
  ));
}

function PrintTable({ table, omitted }: { table: ShownTable; omitted: string[] }) {
  const { columns } = table;
  const grouped = columns.some((c) => c.group);
  // The group row: consecutive columns of one group share a cell; ungrouped columns span both rows.
  const groupCells: { label: string | null; span: number; first: number }[] = [];
  columns.forEach((c, i) => {
    const last = groupCells[groupCells.length - 1];
    if (c.group && last && last.label === c.group) last.span++;
    else groupCells.push({ label: c.group, span: 1, first: i });
  });
  const { fontPt, widths } = printLayout(table, printsLandscape(columns.map((c) => c.width)));
  return (
    <table className="print-table" data-testid="print-table" style={{ fontSize: `${fontPt}pt` }}>
      {omitted.length > 0 && <caption className="print-omitted">以下各列均无内容，未打印：{omitted.join('、')}</caption>}
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
  const [table, setTable] = useState<ReturnType<typeof printable> | null>(null);
  useEffect(() => {
    const media = window.matchMedia('print');
    let shown = false;
    const layout = (printing: boolean) => {
      const api = apiRef.current;
      if (printing === shown || (printing && (!api || api.isDestroyed() || !wrap.current?.offsetParent))) return;
      shown = printing;
      const next = printing && api ? printable(shownTable(api)) : null;
      document.body.classList.toggle('print-landscape', next ? printsLandscape(next.table.columns.map((c) => c.width)) : false);
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
  return table ? <PrintTable table={table.table} omitted={table.omitted} /> : null;
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
