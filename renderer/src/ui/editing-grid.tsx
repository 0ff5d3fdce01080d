/**
 * What every editing grid does the way Excel and WPS do it, on top of AG Grid:
 *
 * - Keys typed while an editor opens are kept. AG Grid starts editing on the first key (or a
 *   double-click), but the editor appears a moment later (React renders it); keys pressed in that
 *   moment went to the cell and were lost, so "5678" was saved as "8" or "78". They are held here
 *   and replayed into the editor, in order (Ctrl+A selects its text, Enter ends the edit).
 * - Ctrl+A outside an editor selects the cells (copied with Ctrl+C), never the rows: AG Grid's own
 *   Ctrl+A checks every row, which armed 删除 for the whole list.
 * - A value that does not parse keeps the cell open (AG Grid's invalidEditValueMode 'block', with
 *   each column's getValidationErrors from the same parser the service uses) with the reason
 *   beside it and in the status bar; Esc restores the stored value. What only the service can
 *   refuse is shown beside the cell the same way.
 */
import { useCallback, useMemo, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { CellEditRequestEvent, ColDef, FilterChangedEvent, GridApi } from 'ag-grid-community';
import { PRINTS_TABLE, usePrintedGrid } from './print-table';
import { shownCells } from './shown-table';
import { toClipboardTable } from './clipboard-table';
import { isTextTarget } from './keys';
import { useFittedColumns } from './fit-columns';

type HeldKey = { key: string; ctrl: boolean; shift: boolean; alt: boolean };
interface CellError {
  rowIndex: number;
  colId: string;
  message: string;
  top: number;
  left: number;
}

/** Editors whose text input takes the held keys (a dropdown has none). */
const TEXT_EDITORS = new Set([undefined, 'agTextCellEditor', 'agLargeTextCellEditor', 'agNumberCellEditor']);
/** Held keys not taken by an editor within this time are dropped (the editor did not open). */
const HOLD_MS = 1500;

function replay(input: HTMLInputElement | HTMLTextAreaElement, keys: HeldKey[]): void {
  for (const k of keys) {
    if (k.key.length === 1 && !k.ctrl && !k.alt) {
      input.setRangeText(k.key, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (k.ctrl && k.key.toLowerCase() === 'a') {
      input.select();
    } else if (k.key === 'Backspace') {
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      input.setRangeText('', start === end ? Math.max(0, start - 1) : start, end, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      // Enter, Tab, Escape, arrows: as if pressed in the editor (AG Grid listens for them there).
      input.dispatchEvent(new window.KeyboardEvent('keydown', { key: k.key, ctrlKey: k.ctrl, shiftKey: k.shift, altKey: k.alt, bubbles: true, cancelable: true }));
    }
  }
}

function editorInput(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
  return el.closest('.ag-cell-inline-editing, .ag-popup-editor, .ag-cell-editor') ? el : null;
}

export interface EditingGrid {
  /** Spread on the element around the grid (it must hold the grid). */
  wrapProps: {
    ref: RefObject<HTMLDivElement | null>;
    onKeyDownCapture: (e: KeyboardEvent<HTMLDivElement>) => void;
    onFocusCapture: (e: FocusEvent<HTMLDivElement>) => void;
    onMouseDownCapture: () => void;
    onCopyCapture: (e: ClipboardEvent<HTMLDivElement>) => void;
    className: string;
  };
  /** Spread on the AgGridReact element. */
  gridProps: { onCellEditingStarted: () => void; onCellEditingStopped: () => void; onFilterChanged: (e: FilterChangedEvent) => void } & ReturnType<typeof useFittedColumns>['gridProps'];
  /** Fits the text columns to what they hold (ui/fit-columns.ts): for a screen with its own onRowDataUpdated. */
  fitColumns: () => void;
  /** The grid's column filters in words, for the printed page's header. */
  columnFilterText: string;
  /** The reason beside a refused cell, and the grid as printed: render inside the wrapping element. */
  bubble: ReactNode;
  /** Show beside the edited cell why the service refused its value. */
  refuse: (e: CellEditRequestEvent, message: string) => void;
  /** Whether Ctrl+A has selected every cell (the screen may copy them its own way). */
  allCellsSelected: () => boolean;
}

export function useEditingGrid<T>(
  apiRef: RefObject<GridApi<T> | null>,
  /** Said in the status bar: cells selected by Ctrl+A, a value refused. */
  say?: (text: string, kind?: 'idle' | 'error') => void,
): EditingGrid {
  const onAllSelected = say;
  // Printed, the grid shows every row, and the header says which columns are filtered.
  const { wrap, printTable, columnFilter } = usePrintedGrid(apiRef);
  const onFilterChanged = columnFilter.onFilterChanged;
  // Text columns as wide as what they hold, so a short value is never wrapped (ui/fit-columns.ts).
  const fitted = useFittedColumns(apiRef);
  const onRefused = useCallback((message: string) => say?.(message, 'error'), [say]);
  const held = useRef<{ keys: HeldKey[]; at: number }>({ keys: [], at: 0 });
  const [allSelected, setAllSelected] = useState(false);
  const allRef = useRef(false);
  const [error, setError] = useState<CellError | null>(null);
  const selectAll = useCallback((on: boolean) => {
    allRef.current = on;
    setAllSelected(on);
  }, []);

  const opening = useCallback((target: HTMLElement): boolean => {
    const api = apiRef.current;
    if (!api || !target.classList.contains('ag-cell')) return false;
    const editing = api.getEditingCells()[0];
    if (!editing) return false;
    const colDef = editing.column?.getColDef() as ColDef | undefined;
    if (!colDef) return false;
    return TEXT_EDITORS.has(typeof colDef.cellEditor === 'string' ? colDef.cellEditor : colDef.cellEditor ? 'custom' : undefined);
  }, [apiRef]);

  // A refused cell whose editor was closed (Esc, or another cell) no longer needs its reason; one
  // the service refused keeps it until the next edit starts.
  const keepError = useRef(false);
  const startEdit = useCallback(() => {
    keepError.current = false;
    setError(null);
  }, []);
  const clearError = useCallback(() => {
    if (keepError.current) keepError.current = false;
    else setError(null);
  }, []);

  const showError = useCallback((rowIndex: number, colId: string, message: string) => {
    const cellEl = wrap.current?.querySelector<HTMLElement>(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
    const box = wrap.current?.getBoundingClientRect();
    const r = cellEl?.getBoundingClientRect();
    setError({ rowIndex, colId, message, top: r && box ? r.bottom - box.top + 2 : 40, left: r && box ? Math.max(0, r.left - box.left) : 8 });
  }, [wrap]);

  const refuse = useCallback(
    (e: CellEditRequestEvent, message: string) => {
      if (e.rowIndex === null || e.rowPinned) return;
      showError(e.rowIndex, e.column.getColId(), message);
      keepError.current = true;
    },
    [showError],
  );

  /** Enter or Tab in an editor the grid kept open: its value did not pass the column's check. */
  const afterCommitKey = useCallback(
    (input: HTMLInputElement | HTMLTextAreaElement) => {
      setTimeout(() => {
        const editing = apiRef.current?.getEditingCells()[0];
        if (!editing?.column || !input.isConnected) return;
        const check = (editing.column.getColDef().cellEditorParams as { getValidationErrors?: (p: { value: unknown }) => string[] | null } | undefined)?.getValidationErrors;
        const message = check?.({ value: input.value })?.[0];
        if (!message) return;
        showError(editing.rowIndex, editing.column.getColId(), message);
        onRefused?.(message);
      }, 0);
    },
    [apiRef, showError, onRefused],
  );

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement;
      if (isTextTarget(target)) {
        // An editor or a filter box: its own keys; a commit the grid refuses is explained.
        const input = editorInput(target);
        if (input && (e.key === 'Enter' || e.key === 'Tab')) afterCommitKey(input);
        return;
      }
      if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
      if (opening(target)) {
        const h = held.current;
        if (h.keys.length && performance.now() - h.at > HOLD_MS) h.keys = [];
        h.keys.push({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey });
        h.at = performance.now();
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        e.stopPropagation();
        const api = apiRef.current;
        selectAll(true);
        const rows = api?.getDisplayedRowCount() ?? 0;
        onAllSelected?.(`已选中全部单元格（${rows}行），Ctrl+C 复制；勾选行才会删除`);
        return;
      }
      if (allRef.current && !(ctrl && e.key.toLowerCase() === 'c')) selectAll(false);
    },
    [apiRef, opening, selectAll, onAllSelected, afterCommitKey],
  );

  const onFocusCapture = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const input = editorInput(e.target);
    const h = held.current;
    if (!input || h.keys.length === 0) return;
    const keys = h.keys;
    h.keys = [];
    if (performance.now() - h.at > HOLD_MS) return;
    // After AG Grid has finished placing the caret (it does so right after focusing the input).
    queueMicrotask(() => replay(input, keys));
  }, []);

  const onCopyCapture = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || !allRef.current || isTextTarget(e.target)) return;
      const table = shownCells(api);
      e.preventDefault();
      e.stopPropagation();
      e.clipboardData.setData('text/plain', toClipboardTable(table));
    },
    [apiRef],
  );


  const bubble = useMemo(
    () => (
      <>
        {error && (
          <div className="cell-error" role="alert" data-testid="cell-error" style={{ top: error.top, left: error.left }}>
            {error.message}
          </div>
        )}
        {printTable}
      </>
    ),
    [error, printTable],
  );

  return useMemo(
    () => ({
      wrapProps: { ref: wrap, onKeyDownCapture, onFocusCapture, onCopyCapture, onMouseDownCapture: () => allRef.current && selectAll(false), className: allSelected ? `${PRINTS_TABLE} all-cells-selected` : PRINTS_TABLE },
      gridProps: { onCellEditingStarted: startEdit, onCellEditingStopped: clearError, onFilterChanged, ...fitted.gridProps },
      fitColumns: fitted.fit,
      columnFilterText: columnFilter.text,
      bubble,
      refuse,
      allCellsSelected: () => allRef.current,
    }),
    [wrap, onKeyDownCapture, onFocusCapture, onCopyCapture, allSelected, selectAll, startEdit, clearError, onFilterChanged, fitted, columnFilter.text, bubble, refuse],
  );
}
