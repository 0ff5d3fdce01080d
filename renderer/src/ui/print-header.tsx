/**
 * Printing a screen (打印…, Ctrl+P, the browser's own print): every printed screen starts with its
 * title, its period and its filter in words, and every page carries its number (styles.css,
 * @page). A grid prints whole, as a table of what it shows (ui/print-table.tsx).
 */
import { useCallback, useState } from 'react';
import type { FilterChangedEvent } from 'ag-grid-community';

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

/** The grid's column filters in words ("区市、类别已筛选"), kept up to date by its onFilterChanged. */
export interface ColumnFilterText<T> {
  text: string;
  onFilterChanged: (e: FilterChangedEvent<T>) => void;
}

export function useColumnFilterText<T>(): ColumnFilterText<T> {
  const [text, setText] = useState('');
  const onFilterChanged = useCallback((e: FilterChangedEvent<T>) => {
    const model = e.api.getFilterModel();
    const names = Object.keys(model).map((id) => e.api.getColumn(id)?.getColDef().headerName ?? id);
    setText(names.length ? `${names.join('、')}列已筛选` : '');
  }, []);
  return { text, onFilterChanged };
}
