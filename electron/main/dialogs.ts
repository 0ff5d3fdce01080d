/**
 * The native file dialogs behind 文件 > 打开项目库… / 新建项目库…, implementing the services'
 * `Dialogs` (electron/services/context.ts). Electron's `dialog` is passed in, so tests drive this
 * with a fake.
 */
import path from 'node:path';
import type { BaseWindow, Dialog, FileFilter } from 'electron';
import type { Dialogs } from '../services/context';
import { DEFAULT_LIBRARY_NAME } from '../services/session';

export const LIBRARY_EXTENSION = 'kpw';

export const LIBRARY_FILTERS: FileFilter[] = [
  { name: '项目库', extensions: [LIBRARY_EXTENSION] },
  { name: '所有文件', extensions: ['*'] },
];

/**
 * The Windows save dialog appends the filter's extension itself; the GTK one on Linux does not.
 * A name typed without an extension gets .kpw, so the library is recognisable in a file manager.
 */
export function withLibraryExtension(file: string): string {
  return path.extname(file) === '' ? `${file}.${LIBRARY_EXTENSION}` : file;
}

export function createDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  options: {
    /** The window the dialog belongs to (modal to it), or null before the window exists. */
    parent: () => BaseWindow | null;
    /** Where the dialogs start, e.g. the user's Documents folder. */
    defaultDir: () => string;
  },
): Dialogs {
  return {
    async chooseLibraryToOpen() {
      const settings = {
        title: '打开项目库',
        buttonLabel: '打开',
        defaultPath: options.defaultDir(),
        filters: LIBRARY_FILTERS,
        properties: ['openFile' as const],
      };
      const parent = options.parent();
      const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseLibraryToCreate() {
      const settings = {
        title: '新建项目库',
        buttonLabel: '新建',
        nameFieldLabel: '文件名',
        defaultPath: path.join(options.defaultDir(), DEFAULT_LIBRARY_NAME),
        filters: LIBRARY_FILTERS,
        // No overwrite confirmation on Linux: 新建 refuses an existing file anyway (CONFLICT), and
        // asking "replace it?" only to refuse would mislead.
      };
      const parent = options.parent();
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      return result.canceled || !result.filePath ? null : withLibraryExtension(result.filePath);
    },
    async chooseExportPath(suggestedName) {
      // The kind of file follows the suggested name: a workbook, or a Word draft.
      const ext = path.extname(suggestedName).slice(1).toLowerCase() || 'xlsx';
      const settings = {
        title: ext === 'docx' ? '保存文稿' : '导出',
        buttonLabel: '保存',
        nameFieldLabel: '文件名',
        defaultPath: path.join(options.defaultDir(), suggestedName),
        filters: [{ name: EXPORT_KINDS[ext] ?? ext, extensions: [ext] }],
        properties: ['showOverwriteConfirmation' as const],
      };
      const parent = options.parent();
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      if (result.canceled || !result.filePath) return null;
      return path.extname(result.filePath) === '' ? `${result.filePath}.${ext}` : result.filePath;
    },
  };
}

const EXPORT_KINDS: Record<string, string> = { xlsx: 'Excel 工作簿', docx: 'Word 文档' };
