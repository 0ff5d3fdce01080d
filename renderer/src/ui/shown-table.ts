/**
 * What a grid shows, as plain text: its displayed columns in their order (the row-selection box
 * left out), each with its header and its group's header, and every row after filter and sort,
 * formatted as the cells show it. Copying all cells and printing read the grid through this, so
 * both give what the user sees.
 */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';

export interface ShownColumn {
  header: string;
  /** The header of the column's group (前期手续: the procedure's name over 计划办结 / 办结). */
  group: string | null;
  /** Right-aligned on screen (amounts, rates): printed the same way, and never broken. */
  numeric: boolean;
  /** Its width on screen, in CSS pixels: how much room the column asks for. */
  width: number;
}

export interface ShownTable {
  columns: ShownColumn[];
  rows: { id: string; cells: string[] }[];
  /** The pinned rows under the list (合计). */
  totals: string[][];
}

function shownColumns<T>(api: GridApi<T>): Column[] {
  return api.getAllDisplayedColumns().filter((c) => !c.getColDef().checkboxSelection && c.getColId() !== 'ag-Grid-SelectionColumn');
}

function cellsOf<T>(api: GridApi<T>, columns: Column[], node: IRowNode<T>): string[] {
  return columns.map((c) => String(api.getCellValue({ rowNode: node, colKey: c, useFormatter: true }) ?? ''));
}

export function shownTable<T>(api: GridApi<T>): ShownTable {
  const columns = shownColumns(api);
  const rows: ShownTable['rows'] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rows.push({ id: node.id ?? String(rows.length), cells: cellsOf(api, columns, node) });
  });
  const totals: string[][] = [];
  for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
    const node = api.getPinnedBottomRow(i);
    if (node) totals.push(cellsOf(api, columns, node));
  }
  return {
    columns: columns.map((c) => {
      const def = c.getColDef();
      const type = def.type;
      return {
        header: def.headerName ?? '',
        group: c.getParent()?.getColGroupDef()?.headerName ?? null,
        numeric: type === 'rightAligned' || (Array.isArray(type) && type.includes('rightAligned')) || type === 'numericColumn',
        width: c.getActualWidth(),
      };
    }),
    rows,
    totals,
  };
}

/** The header row and the rows, as copied to the clipboard. */
export function shownCells<T>(api: GridApi<T>): string[][] {
  const table = shownTable(api);
  return [table.columns.map((c) => c.header), ...table.rows.map((r) => r.cells)];
}
