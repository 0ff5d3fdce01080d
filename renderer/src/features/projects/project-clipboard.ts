/**
 * Paste and copy in the 项目库 grid. AG Grid Community has no clipboard module: a block copied from
 * Excel or WPS is checked as a whole by the service and applied as one undoable step; copying gives
 * the checked rows (or the focused cell) as the text spreadsheets read back.
 */
import { useCallback, type ClipboardEvent, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { FIELD_BY_KEY, fieldDisplayText, isProjectField } from '../../../../shared/fields';
import type { MoneyUnit } from '../../../../shared/money';
import { call } from '../../api';
import { parseClipboardTable, toClipboardTable } from '../../ui/clipboard-table';
import { isTextTarget } from '../../ui/keys';
import type { GridRow } from './columns';

export interface ClipboardOptions {
  apiRef: RefObject<GridApi<GridRow> | null>;
  year: number;
  unit: MoneyUnit;
  readOnly: boolean;
  reload: () => Promise<void>;
  saving: (text: string) => void;
  saved: (text: string) => void;
  refused: (text: string) => void;
  fail: (err: unknown) => void;
  showMessages: (title: string, intro: string, messages: string[]) => void;
}

export function useProjectClipboard(o: ClipboardOptions) {
  const { apiRef, year, unit, readOnly, reload, saving, saved, refused, fail, showMessages } = o;
  const onPaste = useCallback(
    async (e: ClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || isTextTarget(e.target) || readOnly) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      e.preventDefault();
      const cells = parseClipboardTable(e.clipboardData.getData('text/plain'));
      if (cells.length === 0) return;
      const columns = api.getAllDisplayedColumns();
      const start = columns.findIndex((c) => c.getColId() === focused.column.getColId());
      const width = Math.max(...cells.map((r) => r.length));
      const targets = columns.slice(start, start + width);
      const notEditable = targets.find((c) => !isProjectField(c.getColId()));
      if (notEditable || targets.length < width) {
        showMessages('无法粘贴', '粘贴的区域超出了可编辑的列：', [notEditable ? `“${notEditable.getColDef().headerName}”列不能粘贴` : `粘贴的内容有${width}列，超出了表格的最后一列`]);
        return;
      }
      const projectIds: number[] = [];
      for (let i = 0; i < cells.length; i++) {
        const node = api.getDisplayedRowAtIndex(focused.rowIndex + i);
        if (!node?.data) break;
        projectIds.push(node.data.projectId);
      }
      if (projectIds.length < cells.length) {
        showMessages('无法粘贴', '粘贴的区域超出了表格：', [`粘贴的内容有${cells.length}行，下方只有${projectIds.length}行`]);
        return;
      }
      const fields = targets.map((c) => c.getColId());
      saving('粘贴中…');
      try {
        const outcome = await call('projects.paste', { year, projectIds, fields, cells, unit });
        if (outcome.errors.length > 0) {
          refused(`粘贴未保存：${outcome.errors.length}个单元格有误`);
          showMessages(
            '粘贴未保存',
            '以下单元格有误，整块内容均未写入。请修改后重新粘贴：',
            outcome.errors.map((er) => `第${er.row}行第${er.column}列（${isProjectField(er.field) ? FIELD_BY_KEY[er.field].label : er.field}）：${er.message}`),
          );
          return;
        }
        await reload();
        saved(`已粘贴${outcome.written}个单元格`);
      } catch (err) {
        fail(err);
      }
    },
    [apiRef, year, unit, readOnly, reload, saving, saved, refused, fail, showMessages],
  );

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || isTextTarget(e.target)) return;
      const columns = api.getAllDisplayedColumns().filter((c) => isProjectField(c.getColId()));
      const selected = api.getSelectedRows();
      const text = (row: GridRow, colId: string) => (isProjectField(colId) ? fieldDisplayText(colId, row[colId], unit) : '');
      let table: string[][];
      if (selected.length > 0) {
        table = selected.map((row) => columns.map((c) => text(row, c.getColId())));
      } else {
        const focused = api.getFocusedCell();
        const row = focused && api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
        if (!focused || !row) return;
        table = [[text(row, focused.column.getColId())]];
      }
      e.preventDefault();
      e.clipboardData.setData('text/plain', toClipboardTable(table));
    },
    [apiRef, unit],
  );
  return { onPaste, onCopy };
}
