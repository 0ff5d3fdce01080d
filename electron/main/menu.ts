/**
 * The application menu, as a template built from plain data and callbacks so that its content is
 * tested without Electron. main.ts turns it into a Menu and rebuilds it when the recent list changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../shared/api';

export interface MenuActions {
  createLibrary(): void;
  openLibrary(): void;
  openRecent(file: string): void;
  openDemo(): void;
  /** Forward a command to the renderer (see COMMANDS in shared/api.ts). */
  sendCommand(command: Command): void;
  quit(): void;
  about(): void;
}

export interface MenuOptions {
  /** Recently opened library files, newest first (library.recent). */
  recent: readonly string[];
  isPackaged: boolean;
  actions: MenuActions;
}

/** On Windows and Linux a single '&' in a label marks the access key; a path must show as typed. */
export function menuLabelText(text: string): string {
  return text.replace(/&/g, '&&');
}

export function buildMenuTemplate({ recent, isPackaged, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : recent.map((file, i) => ({ label: `${i + 1}  ${menuLabelText(file)}`, click: () => actions.openRecent(file) }));

  const viewItems: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (!isPackaged) {
    viewItems.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  }

  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '新建项目库…', accelerator: 'CmdOrCtrl+N', click: () => actions.createLibrary() },
        { label: '打开项目库…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLibrary() },
        { label: '最近打开', submenu: recentItems },
        { label: '打开示例项目库', click: () => actions.openDemo() },
        { type: 'separator' },
        { label: '导入项目清单…', accelerator: 'CmdOrCtrl+I', click: () => actions.sendCommand('import.projects') },
        { label: '导入月调度…', click: () => actions.sendCommand('import.progress') },
        { label: '导出项目清单…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendCommand('export.projects') },
        { type: 'separator' },
        { label: '退出', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        // Not the 'undo'/'redo' roles: the renderer decides whether Ctrl+Z undoes typing in the cell
        // being edited or the library's last change (which is persistent and survives a restart).
        { label: '撤销', accelerator: 'CmdOrCtrl+Z', click: () => actions.sendCommand('history.undo') },
        { label: '重做', accelerator: 'CmdOrCtrl+Y', click: () => actions.sendCommand('history.redo') },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图(&V)', submenu: viewItems },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于重点项目工作台', click: () => actions.about() }],
    },
  ];
}
