/**
 * A recording stand-in for the 'electron' module, for running the built main process
 * (dist/electron/main.cjs) under plain Node: Electron's binary cannot be downloaded on our
 * machines. It implements what main.cjs calls, records every call in order in `events`, and lets
 * the driver play Electron's part: fire 'ready', call the IPC handlers as a page would, click
 * menu items, crash the renderer, answer dialogs.
 *
 * Only what the stand-in cannot know is configurable (`config`): whether the single-instance lock
 * is ours, whether the app is packaged, its folders, and the buttons the user presses.
 */
'use strict';

const events = [];
const record = (name, detail) => events.push(detail === undefined ? { name } : { name, detail });

const config = {
  isPackaged: false,
  appRoot: '',
  appData: '',
  documents: '',
  version: '0.1.0',
  gotLock: true,
  /** Responses of dialog.showMessageBox, in turn (default 0: the first button). */
  messageBoxResponses: [],
  /** Files the user picks in save dialogs, in turn (none: the user cancels). */
  savePaths: [],
};

function emitter(owner) {
  const listeners = new Map();
  const add = (event, fn, once) => {
    if (!listeners.has(event)) listeners.set(event, []);
    listeners.get(event).push({ fn, once });
    return owner;
  };
  return {
    on: (event, fn) => add(event, fn, false),
    once: (event, fn) => add(event, fn, true),
    emit: (event, ...args) => {
      const list = listeners.get(event) ?? [];
      listeners.set(event, list.filter((l) => !l.once));
      for (const l of list) l.fn(...args);
      return list.length > 0;
    },
    listenerCount: (event) => (listeners.get(event) ?? []).length,
  };
}

let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));
const paths = new Map();
const appEvents = emitter(null);

const app = {
  get isPackaged() {
    return config.isPackaged;
  },
  setName: (name) => record('app.setName', name),
  setPath: (name, value) => {
    record('app.setPath', { name, value });
    paths.set(name, value);
  },
  getPath: (name) => {
    if (paths.has(name)) return paths.get(name);
    if (name === 'appData') return config.appData;
    if (name === 'documents') return config.documents;
    if (name === 'userData') return `${config.appData}/重点项目工作台`;
    throw new Error(`stand-in: app.getPath('${name}') is not known`);
  },
  getAppPath: () => config.appRoot,
  getVersion: () => config.version,
  requestSingleInstanceLock: () => {
    record('app.requestSingleInstanceLock', { userData: app.getPath('userData') });
    return config.gotLock;
  },
  enableSandbox: () => record('app.enableSandbox'),
  quit: () => record('app.quit'),
  on: (event, fn) => {
    record('app.on', event);
    appEvents.on(event, fn);
  },
  whenReady: () => {
    record('app.whenReady');
    return ready;
  },
  emit: appEvents.emit,
};

/** Fire 'ready', as Electron does once the main script has run. */
function fireReady() {
  record('ready');
  resolveReady();
}

const windows = [];

class WebContents {
  constructor() {
    Object.assign(this, emitter(this));
    this.destroyed = false;
  }
  send(channel, ...args) {
    record('webContents.send', { channel, args });
  }
  reload() {
    record('webContents.reload');
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
}

class BrowserWindow {
  constructor(options) {
    Object.assign(this, emitter(this));
    record('new BrowserWindow', { webPreferences: options.webPreferences });
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('win.loadURL', url);
    return Promise.resolve();
  }
  show() {
    record('win.show');
  }
  isMinimized() {
    return false;
  }
  restore() {
    record('win.restore');
  }
  focus() {
    record('win.focus');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const ipcHandlers = new Map();
const ipcMain = {
  handle: (channel, fn) => {
    record('ipcMain.handle', channel);
    ipcHandlers.set(channel, fn);
  },
};

const menus = { template: null };
const Menu = {
  buildFromTemplate: (template) => {
    record('Menu.buildFromTemplate');
    return { template };
  },
  setApplicationMenu: (menu) => {
    record('Menu.setApplicationMenu');
    menus.template = menu.template;
  },
};

// 打开文件夹 (设置 > 备份与恢复): recorded, shown as the system would ('' = done).
const shell = {
  openPath: async (folder) => {
    record('shell.openPath', folder);
    return '';
  },
};

const protocolHandlers = new Map();
const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
  handle: (scheme, fn) => {
    record('protocol.handle', scheme);
    protocolHandlers.set(scheme, fn);
  },
};

function fakeSession() {
  const installed = {};
  return {
    installed,
    setPermissionRequestHandler: (fn) => (installed.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (installed.permissionCheck = fn),
    setDevicePermissionHandler: (fn) => (installed.devicePermission = fn),
    setSpellCheckerEnabled: (on) => (installed.spellcheck = on),
    webRequest: {
      onBeforeRequest: (fn) => (installed.beforeRequest = fn),
      onHeadersReceived: (fn) => (installed.headersReceived = fn),
    },
  };
}
const session = { defaultSession: fakeSession() };
// Electron calls this for the default session too; recorded when main.ts hardens it.
const originalPermissionRequest = session.defaultSession.setPermissionRequestHandler;
session.defaultSession.setPermissionRequestHandler = (fn) => {
  record('session.harden');
  originalPermissionRequest(fn);
};

const dialog = {
  showMessageBox: async (...args) => {
    const options = args.length > 1 ? args[1] : args[0];
    record('dialog.showMessageBox', { message: options.message, buttons: options.buttons });
    return { response: config.messageBoxResponses.shift() ?? 0, checkboxChecked: false };
  },
  showOpenDialog: async () => {
    record('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
  showSaveDialog: async () => {
    record('dialog.showSaveDialog');
    const filePath = config.savePaths.shift();
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: undefined };
  },
};

module.exports = {
  // What main.cjs imports.
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
  // What the driver uses.
  events,
  config,
  fireReady,
  windows,
  ipcHandlers,
  menus,
  protocolHandlers,
  session,
};
