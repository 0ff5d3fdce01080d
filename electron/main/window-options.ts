/**
 * The main window's options. Every security-relevant web preference is spelled out, even where it is
 * Electron's default, so that a future default change or a careless edit shows up in review and
 * fails tests/unit/electron-shell.test.ts.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '重点项目工作台';

export function windowOptions(options: { preload: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // The renderer's page background, so no dark flash appears before the first paint.
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show', so the user never sees a half-drawn window.
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spellcheck would download dictionaries from Google: nothing may leave the machine.
      spellcheck: false,
      // DevTools are a developer's tool; a packaged build must not let a user run script in the page.
      devTools: !options.isPackaged,
      navigateOnDragDrop: false,
    },
  };
}

/**
 * The user-data folder's name under the system's application-data folder. `npm start` gets its
 * own ("…-开发"): a developer's default library, recent list, backups and single-instance lock
 * (Chromium keeps the lock in this folder) never touch the installed app's, so trying a change
 * cannot damage the real library or be refused because the installed app is open.
 */
export function userDataFolderName(isPackaged: boolean): string {
  return isPackaged ? WINDOW_TITLE : `${WINDOW_TITLE}-开发`;
}
