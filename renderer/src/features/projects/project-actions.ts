/**
 * The 项目库 list's actions, each one call to the service and one undoable step: add, delete,
 * copy continuing projects to next year, read a file for the import previews, export what is shown.
 */
import { useCallback, useRef, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { MoneyUnit } from '../../../../shared/money';
import { isProjectField, type ProjectField } from '../../../../shared/fields';
import { ApiFailure, call } from '../../api';
import { downloadBase64 } from '../../ui/download';
import { readFileAsBase64 } from '../import/import-dialog';
import type { GridRow } from './columns';
import type { ProjectDialog } from './project-dialogs';

export interface ActionOptions {
  apiRef: RefObject<GridApi<GridRow> | null>;
  year: number;
  progressMonth: number;
  reload: () => Promise<void>;
  setDialog: (d: ProjectDialog) => void;
  saving: (text: string) => void;
  saved: (text: string) => void;
  say: (text: string, kind?: 'idle' | 'error') => void;
  fail: (err: unknown) => void;
  onListsChanged: () => void;
  /** The project to focus once the list is reloaded. */
  focusAfterLoad: RefObject<number | null>;
}

export function useProjectActions(o: ActionOptions) {
  const { apiRef, year, progressMonth, reload, setDialog, saving, saved, say, fail, onListsChanged, focusAfterLoad } = o;
  // Each long read gets a number; 取消 moves on to the next, and a late answer is dropped.
  const readSeq = useRef(0);

  /** The checked rows, or else the focused one. */
  const selectedRows = useCallback((): GridRow[] => {
    const api = apiRef.current;
    if (!api) return [];
    const selected = api.getSelectedRows();
    if (selected.length) return selected;
    const focused = api.getFocusedCell();
    const row = focused && !focused.rowPinned ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    return row ? [row] : [];
  }, [apiRef]);

  const add = useCallback(
    async (name: string) => {
      setDialog(null);
      try {
        const row = await call('projects.add', { year, name });
        focusAfterLoad.current = row.projectId;
        await reload();
        onListsChanged();
        saved(`已新增项目“${row.name}”`);
      } catch (err) {
        // A duplicate name: show the row that already holds it.
        const existing = err instanceof ApiFailure ? err.error.where?.projectId : undefined;
        if (existing !== undefined && apiRef.current?.getRowNode(String(existing))) {
          focusAfterLoad.current = existing;
          await reload();
        }
        fail(err);
      }
    },
    [apiRef, year, reload, saved, fail, setDialog, onListsChanged, focusAfterLoad],
  );

  const askRemove = useCallback(() => {
    const rows = selectedRows();
    if (rows.length) setDialog({ kind: 'remove', ids: rows.map((r) => r.projectId), names: rows.map((r) => r.name) });
    else say('请先勾选或选中要删除的项目', 'error');
  }, [selectedRows, setDialog, say]);

  const remove = useCallback(
    async (ids: number[]) => {
      setDialog(null);
      try {
        const { removed } = await call('projects.remove', { year, projectIds: ids });
        await reload();
        saved(`已删除${removed}个项目（可撤销）`);
      } catch (err) {
        fail(err);
      }
    },
    [year, reload, saved, fail, setDialog],
  );

  const copyToNextYear = useCallback(async () => {
    const ids = selectedRows().map((r) => r.projectId);
    if (ids.length === 0) return say('请先勾选要复制到下一年的续建项目', 'error');
    try {
      const r = await call('projects.copyToNextYear', { year, projectIds: ids });
      const skipped = [r.skippedFinished && `${r.skippedFinished}个已到竣工年份`, r.skippedPresent && `${r.skippedPresent}个已在${year + 1}年清单中`].filter(Boolean);
      saved(`已复制${r.copied}个项目到${year + 1}年清单${skipped.length ? `，跳过${skipped.join('、')}` : ''}`);
      onListsChanged();
    } catch (err) {
      fail(err);
    }
  }, [year, selectedRows, saved, say, fail, onListsChanged]);

  const readFiles = useCallback(
    async (message: string, read: () => Promise<ProjectDialog>) => {
      const seq = ++readSeq.current;
      setDialog({ kind: 'busy', message });
      try {
        const next = await read();
        if (seq === readSeq.current) setDialog(next);
      } catch (err) {
        if (seq !== readSeq.current) return;
        setDialog(null);
        fail(err);
      }
    },
    [setDialog, fail],
  );
  const startImport = useCallback(
    (file: File) =>
      readFiles(`正在读取“${file.name}”…`, async () => ({
        kind: 'import',
        preview: await call('import.projects.preview', { source: { fileName: file.name, data: await readFileAsBase64(file) }, year }),
      })),
    [readFiles, year],
  );
  const startProgressImport = useCallback(
    (files: File[]) => {
      const month = progressMonth;
      return readFiles(`正在读取${files.length}个文件…`, async () => {
        const data = await Promise.all(files.map(async (f) => ({ fileName: f.name, data: await readFileAsBase64(f) })));
        const { token, previews } = await call('import.progress.preview', { files: data, year, month });
        return { kind: 'progress', month, token, previews };
      });
    },
    [readFiles, year, progressMonth],
  );
  const cancelRead = useCallback(() => {
    readSeq.current++;
    setDialog(null);
    say('已取消');
  }, [setDialog, say]);

  const shownIds = useCallback((): number[] => {
    const ids: number[] = [];
    apiRef.current?.forEachNodeAfterFilterAndSort((node) => node.data && ids.push(node.data.projectId));
    return ids;
  }, [apiRef]);
  /** The field columns as the grid shows them now (moved or hidden ones as they are), for the export. */
  const shownColumns = useCallback((): ProjectField[] | undefined => {
    const shown = apiRef.current?.getAllDisplayedColumns().map((c) => c.getColId()).filter(isProjectField);
    return shown && shown.length ? shown : undefined;
  }, [apiRef]);
  const askExport = useCallback(() => setDialog({ kind: 'export', count: shownIds().length }), [setDialog, shownIds]);
  const exportShown = useCallback(
    async (unit: MoneyUnit) => {
      setDialog(null);
      // What the grid shows, in its order: filters, sorting and the columns as arranged apply to the export too.
      saving('正在导出…');
      try {
        const columns = shownColumns();
        const r = await call('export.projects', { year, unit, projectIds: shownIds(), ...(columns ? { columns } : {}) });
        if (r.data) downloadBase64(r.data, r.fileName);
        saved(`已导出${r.rows}个项目${r.savedTo ? `到“${r.savedTo}”` : `（${r.fileName}）`}`);
      } catch (err) {
        if (err instanceof ApiFailure && err.error.code === 'CANCELLED') say('');
        else fail(err);
      }
    },
    [year, shownIds, shownColumns, setDialog, saving, saved, say, fail],
  );

  return { add, askRemove, remove, copyToNextYear, startImport, startProgressImport, cancelRead, askExport, exportShown };
}
