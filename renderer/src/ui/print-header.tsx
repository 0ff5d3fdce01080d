/**
 * Printing a screen (打印…, Ctrl+P, the browser's own print): every printed screen starts with its
 * title, its period and its filter in words, and every page carries its number (styles.css,
 * @page). A grid prints whole: AG Grid draws only the rows in view, so while printing it lays out
 * every row (domLayout 'print') and returns to its scrolling layout afterwards.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { FilterChangedEvent, GridApi } from 'ag-grid-community';

export function PrintHeader(props: { title: string; period?: string; filter?: string }) {
  return (
    <header className="print-header print-only" data-testid="print-header">
      <h1 className="print-only">{props.title}</h1>
      <p>
        {props.period && <span>统计期：{props.period}</span>}
        <span>筛选：{props.filter || '全部项目'}</span>
      </p>
    </header>
  );
}

/** The filters of a screen in words ("搜索“海堤”；区市：荣成市"), the empty ones left out. */
export function filterWords(parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join('；');
}

/**
 * While the page prints (or is shown as printed), the grid lays out all its rows: only a grid on
 * the screen shown (`wrap` is in the layout), not the project list kept mounted under another.
 */
export function usePrintLayout<T>(apiRef: RefObject<GridApi<T> | null>, wrap: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const media = window.matchMedia('print');
    let laidOut = false;
    const layout = (printing: boolean) => {
      const api = apiRef.current;
      if (!api || api.isDestroyed() || (printing && !wrap.current?.offsetParent) || printing === laidOut) return;
      laidOut = printing;
      api.setGridOption('domLayout', printing ? 'print' : 'normal');
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
}

/** The grid's column filters in words ("区市、类别已筛选"), kept up to date by its onFilterChanged. */
export function useColumnFilterText<T>(): { text: string; onFilterChanged: (e: FilterChangedEvent<T>) => void } {
  const [text, setText] = useState('');
  const onFilterChanged = useCallback((e: FilterChangedEvent<T>) => {
    const model = e.api.getFilterModel();
    const names = Object.keys(model).map((id) => e.api.getColumn(id)?.getColDef().headerName ?? id);
    setText(names.length ? `${names.join('、')}列已筛选` : '');
  }, []);
  return { text, onFilterChanged };
}
