/**
 * The Electron entry point: the only file that touches Electron's app lifecycle. It wires the pure
 * modules beside it (window options, security handlers, the app:// protocol, the menu, dialogs,
 * IPC) to Electron and holds no logic of its own worth testing; the services do the work.
 *
 * Bundled by esbuild to dist/electron/main.cjs (next to preload.cjs); the renderer is read from
 * dist/renderer inside the app folder (app.asar when packaged).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { IPC_COMMAND, type Command } from '../../shared/api';
import type { ApiResult } from '../../shared/result';
import { createContext } from '../services/context';
import { backupIfDue, closeLibrary, openStartupLibrary, prepareChartRenderer, readRecent, workerReader } from '../services/session';
import { createDialogs } from './dialogs';
import { callFromMain, changesLibrary, createCallQueue, registerIpc, reportLibraryResult } from './ipc';
import { buildMenuTemplate } from './menu';
import { configureNativeBinding } from './native-binding';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createBundleHandler } from './protocol';
import { APP_SCHEME, hardenSession, hardenWebContents } from './security';
import { attachRendererRecovery } from './renderer-recovery';
import { userDataFolderName, WINDOW_TITLE, windowOptions } from './window-options';

const log = (...parts: unknown[]) => console.error('[重点项目工作台]', ...parts);

function start(): void {
  app.setName(WINDOW_TITLE);
  // Before the lock: Chromium keeps the single-instance lock in the user-data folder.
  app.setPath('userData', path.join(app.getPath('appData'), userDataFolderName(app.isPackaged)));

  // A second copy would open the same library file twice; it hands over to the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const nativeProblem = configureNativeBinding(process.env, { isPackaged: app.isPackaged, appRoot: app.getAppPath() });
  if (nativeProblem) log(nativeProblem);

  // Both must happen before 'ready'.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  let mainWindow: BrowserWindow | null = null;
  const ctx = createContext({
    userDataDir: app.getPath('userData'),
    shell: 'electron',
    version: app.getVersion(),
    // Spreadsheets are read in a worker (bundled beside main.cjs, unpacked from the asar) so a large
    // or hostile file never blocks the window.
    readWorkbook: workerReader({ script: path.join(__dirname, 'read-worker.cjs').replace('app.asar', 'app.asar.unpacked') }),
    dialogs: createDialogs(dialog, { parent: () => mainWindow, defaultDir: () => app.getPath('documents') }),
    // 设置 > 备份与恢复 > 打开文件夹: the system's file manager ('' when shown, else its reason).
    showFolder: (folder) => shell.openPath(folder),
    // Copied beside main.cjs by electron/main/copy-assets.mjs (npm run build:electron).
    chartAssets: { wasmFile: path.join(__dirname, 'resvg.wasm'), fontDir: path.join(__dirname, 'fonts') },
  });
  const queue = createCallQueue();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every session and every WebContents ever created, not only the main window's, get the guards.
  // (Installing twice is harmless: each handler replaces the previous one.)
  const onBlocked = (url: string) => log('已阻止访问：', url);
  app.on('session-created', (created) => hardenSession(created, { onBlocked }));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const sendCommand = (command: Command) => mainWindow?.webContents.send(IPC_COMMAND, command);

  const refreshMenu = () => {
    const template: MenuItemConstructorOptions[] = buildMenuTemplate({
      recent: readRecent(ctx),
      isPackaged: app.isPackaged,
      actions: {
        createLibrary: () => void libraryCall(callFromMain(ctx, queue, 'library.createWithDialog', {}, log)),
        openLibrary: () => void libraryCall(callFromMain(ctx, queue, 'library.openWithDialog', {}, log)),
        openRecent: (file) => void libraryCall(callFromMain(ctx, queue, 'library.open', { path: file }, log)),
        openDemo: () => void libraryCall(callFromMain(ctx, queue, 'library.openDemo', {}, log)),
        sendCommand,
        quit: () => app.quit(),
        about: () => void showAbout(),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  /** After 新建/打开 from the menu: tell the renderer to reload, or show why it failed. */
  async function libraryCall(call: Promise<ApiResult<unknown>>) {
    const result = await call;
    reportLibraryResult(result, {
      changed: () => {
        refreshMenu();
        sendCommand('library.changed');
      },
      showError: (message) => {
        const options = { type: 'error' as const, title: WINDOW_TITLE, message, buttons: ['确定'] };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
    });
  }

  async function showAbout() {
    const options = {
      type: 'info' as const,
      title: '关于重点项目工作台',
      message: `重点项目工作台 ${app.getVersion()}`,
      detail: '发改委重点项目库、月调度统计与材料生成的离线桌面工具。所有数据只保存在本机的项目库文件中。',
      buttons: ['确定'],
    };
    await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  }

  function createWindow() {
    const appRoot = app.getAppPath();
    const win = new BrowserWindow(
      windowOptions({ preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'), isPackaged: app.isPackaged }),
    );
    mainWindow = win;
    win.once('ready-to-show', () => {
      win.show();
      // Word drafts draw their charts with a WebAssembly rasteriser: compile it while the user reads the screen.
      setTimeout(() => void prepareChartRenderer(ctx.chartAssets).catch((err: unknown) => log('图表绘制组件加载失败：', err)), 2000);
    });
    // If the page cannot load at all, show the window anyway rather than leave the app invisible.
    win.webContents.once('did-fail-load', () => win.show());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    // A crashed or hung page offers 重新加载 instead of leaving a blank window.
    attachRendererRecovery(win, dialog, { quit: () => app.quit(), log });
    void win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log('无法加载界面：', err));
  }

  app.on('window-all-closed', () => app.quit());
  // Close the database cleanly (WAL checkpoint) however the app ends.
  app.on('will-quit', () => closeLibrary(ctx));

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, { onBlocked });
    protocol.handle(APP_SCHEME, createBundleHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
    registerIpc(ipcMain, ctx, queue, {
      log,
      afterCall: (method, result) => {
        if (changesLibrary(method, result)) refreshMenu();
      },
    });

    // First in the call queue, so the renderer's first calls wait for it while the window opens.
    // A library that cannot be opened (missing, damaged, locked) still shows the window: the
    // renderer finds library.current null and offers 打开/新建.
    const startup = queue(() => openStartupLibrary(ctx)).catch((err: unknown) => {
      log('启动时未能打开项目库：', err instanceof Error ? err.message : err);
    });
    refreshMenu();
    createWindow();
    await startup;
    refreshMenu(); // the startup library is now first in 最近打开
    // The daily backup (备份与恢复), checked now and every hour, through the queue like any call.
    const dailyBackup = () => void queue(() => backupIfDue(ctx)).catch((err: unknown) => log('定时备份失败：', err instanceof Error ? err.message : err));
    dailyBackup();
    setInterval(dailyBackup, 3_600_000).unref();
  });
}

start();
