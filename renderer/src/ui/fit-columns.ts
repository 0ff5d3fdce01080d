/**
 * Text columns as wide as what they hold. Fixed widths either wrapped a short value onto two lines
 * (问题清单's 责任部门 "市自然资源和规划局" in 140 px, 台账's 工作人员) or kept 150 px for "工业"
 * while the window had no room for the next column. So every text column of a grid takes the
 * width of its longest text, over all rows (not only the drawn ones), and of its header on one
 * line, up to its own width or 18 characters, whichever is more: only a long text (a 预警原因, a
 * 问题描述, a long name) wraps, and it wraps within the width the column was given. Numbers keep
 * their columns (their headers carry the unit), and a column the user has resized keeps the user's
 * width.
 */
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { Column, ColumnResizedEvent, GridApi, IRowNode } from 'ag-grid-community';
import { FONT_STACK } from './theme';

/** A text up to this many characters (at the grid's 14 px) never wraps. */
const SHORT_CHARS = 18;
const FONT_PX = 14;
/** A cell's padding and borders (11 px and 1 px each side in the Quartz theme), and a little slack. */
const CELL_EXTRA = 26;
/** A header's padding (12 px each side) and the sort arrow beside its text. */
const HEADER_EXTRA = 24 + 20;
/** A column with a filter box under its header: room for the box and its button. */
const FILTER_MIN = 84;
/** Rows sampled of a computed column (序号, a status): enough to find its longest text. */
const COMPUTED_ROWS = 300;

function isNumeric(column: Column): boolean {
  const type = column.getColDef().type;
  return type === 'rightAligned' || type === 'numericColumn' || (Array.isArray(type) && (type.includes('rightAligned') || type.includes('numericColumn')));
}

function fitted(column: Column): boolean {
  const def = column.getColDef();
  return !isNumeric(column) && !def.cellRenderer && !def.suppressAutoSize && def.resizable !== false && !def.checkboxSelection && column.getColId() !== 'ag-Grid-SelectionColumn';
}

/** A column with up to this many stored values shows them all; with more, its longest few are measured. */
const DISTINCT_ALL = 64;
const LONGEST_FEW = 8;

/**
 * The rows whose text in `column` may be its longest, without formatting every cell (20,000
 * projects × 30 columns took 1.5 s): one row per stored value when there are few (a district, a
 * level), else the rows with the longest stored texts; for a computed column (序号, a status) an
 * even sample and the last row.
 */
function candidateRows<T>(nodes: readonly IRowNode<T>[], column: Column): IRowNode<T>[] {
  const def = column.getColDef();
  const field = def.field;
  if (!field || def.valueGetter) {
    const step = Math.max(1, Math.floor(nodes.length / COMPUTED_ROWS));
    const sample = nodes.filter((_, i) => i % step === 0);
    if (nodes.length) sample.push(nodes[nodes.length - 1]!);
    return sample;
  }
  // Few stored values (a district, a level, a year): one row of each, found without measuring any.
  const byValue = new Map<unknown, IRowNode<T>>();
  for (const node of nodes) {
    const value = (node.data as Record<string, unknown>)[field];
    if (!byValue.has(value)) byValue.set(value, node);
    if (byValue.size > DISTINCT_ALL) break;
  }
  if (byValue.size <= DISTINCT_ALL) return [...byValue.values()];
  // Many: the rows of the longest stored texts (no string made per row: 20,000 of them per column).
  const longest: { length: number; node: IRowNode<T> }[] = [];
  let shortest = -1;
  for (const node of nodes) {
    const length = storedLength((node.data as Record<string, unknown>)[field]);
    if (longest.length >= LONGEST_FEW && length <= shortest) continue;
    const at = longest.findIndex((l) => l.length < length);
    longest.splice(at < 0 ? longest.length : at, 0, { length, node });
    if (longest.length > LONGEST_FEW) longest.pop();
    shortest = longest[longest.length - 1]!.length;
  }
  return longest.map((l) => l.node);
}

/** The length of a stored value as text (a list of tags with a separator between them). */
function storedLength(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) {
    let n = Math.max(0, value.length - 1);
    for (const v of value) n += typeof v === 'string' ? v.length : String(v).length;
    return n;
  }
  return String(value).length;
}

/**
 * The rows last looked through and each column's candidates among them: the grid calls for a fit
 * at its first rows, on every change of its rows, when the fonts are in and when its columns
 * change, and looking through 20,000 rows again for each call made the project list open 90–200
 * ms later. A column's candidates are found again only when the rows (their data) have changed.
 */
export interface FitCache {
  data: unknown[];
  candidates: Map<string, IRowNode<unknown>[]>;
}

export function newFitCache(): FitCache {
  return { data: [], candidates: new Map() };
}

/** Whether the grid still holds the rows (the same data, in the same order) the cache was made of. */
function sameRows(cache: FitCache, nodes: readonly IRowNode<unknown>[]): boolean {
  if (cache.data.length !== nodes.length) return false;
  for (let i = 0; i < nodes.length; i++) if (cache.data[i] !== nodes[i]!.data) return false;
  return true;
}

/** The width each fitted column of the grid should have, by its texts measured in the grid's font. */
export function fittedWidths<T>(api: GridApi<T>, fontFamily: string, skip: ReadonlySet<string>, cache: FitCache = newFitCache()): { key: string; newWidth: number }[] {
  const canvas = document.createElement('canvas').getContext('2d');
  if (!canvas) return [];
  // Setting the canvas's font parses it: only when the weight changes, not for each of ~1,500 texts.
  let weight: boolean | null = null;
  const measure = (text: string, bold: boolean) => {
    if (weight !== bold) canvas.font = `${bold ? '600 ' : ''}${FONT_PX}px ${fontFamily}`;
    weight = bold;
    // A line break in a cell (a pasted address) makes lines, not one long line.
    return Math.max(0, ...text.split('\n').map((line) => canvas.measureText(line).width));
  };
  const nodes: IRowNode<T>[] = [];
  api.forEachNode((node) => {
    if (node.data) nodes.push(node);
  });
  if (!sameRows(cache, nodes as IRowNode<unknown>[])) {
    cache.data = nodes.map((n) => n.data);
    cache.candidates.clear();
  }
  const candidates = (column: Column): IRowNode<T>[] => {
    const key = `${column.getColId()}\u0000${column.getColDef().field ?? ''}`;
    let found = cache.candidates.get(key) as IRowNode<T>[] | undefined;
    if (!found) cache.candidates.set(key, (found = candidateRows(nodes, column)) as IRowNode<unknown>[]);
    return found;
  };
  const totals = Array.from({ length: api.getPinnedBottomRowCount() }, (_, i) => api.getPinnedBottomRow(i)).filter((n): n is IRowNode<T> => Boolean(n));
  const shown = (column: Column) => [...candidates(column), ...totals].map((node) => String(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }) ?? ''));
  const out: { key: string; newWidth: number }[] = [];
  for (const column of api.getAllDisplayedColumns()) {
    const id = column.getColId();
    if (skip.has(id) || !fitted(column)) continue;
    const def = column.getColDef();
    const given = def.width ?? column.getActualWidth();
    const cap = Math.max(given, SHORT_CHARS * FONT_PX + CELL_EXTRA);
    const longest = Math.max(0, ...shown(column).map((t) => measure(t, false)));
    const header = Math.max(measure(def.headerName ?? '', true) + HEADER_EXTRA, def.filter && def.floatingFilter !== false ? FILTER_MIN : 0);
    const width = Math.ceil(Math.max(header, Math.min(cap, longest + CELL_EXTRA)));
    if (Math.abs(width - column.getActualWidth()) >= 1) out.push({ key: id, newWidth: width });
  }
  return out;
}

/** What a column-resized event tells (any grid's rows: the handler reads none of them). */
type ResizedColumns = Pick<ColumnResizedEvent, 'source' | 'finished' | 'columns'>;

/**
 * The grid events that keep a grid's text columns fitted: spread on AgGridReact (a screen with
 * its own onRowDataUpdated calls `fit` from it).
 */
export function useFittedColumns<T>(apiRef: RefObject<GridApi<T> | null>): {
  fit: () => void;
  gridProps: { onFirstDataRendered: () => void; onRowDataUpdated: () => void; onGridColumnsChanged: () => void; onColumnResized: (e: ResizedColumns) => void };
} {
  const userSized = useRef(new Set<string>());
  const cache = useRef(newFitCache());
  const fit = useCallback(() => {
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    const widths = fittedWidths(api, FONT_STACK.join(', '), userSized.current, cache.current);
    if (widths.length) api.setColumnWidths(widths, true, 'autosizeColumns');
  }, [apiRef]);
  const onColumnResized = useCallback((e: ResizedColumns) => {
    if (e.source !== 'uiColumnResized' || !e.finished) return;
    for (const c of e.columns ?? []) userSized.current.add(c.getColId());
  }, []);
  const gridProps = useMemo(() => {
    // The fonts may still be loading at the first rows: measure again once they are in.
    const first = () => {
      fit();
      void document.fonts?.ready.then(fit);
    };
    return { onFirstDataRendered: first, onRowDataUpdated: fit, onGridColumnsChanged: fit, onColumnResized };
  }, [fit, onColumnResized]);
  return { fit, gridProps };
}
