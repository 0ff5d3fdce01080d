/**
 * The Electron-only code, tested in plain Node: Electron cannot be downloaded on the build
 * machines, so electron/main/ and electron/preload/ are pure modules that take Electron's objects
 * as parameters, and these tests pass fakes or call the handlers directly. Nothing here imports
 * 'electron' at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMain, IpcRenderer, IpcRendererEvent, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, IPC_COMMAND, IPC_INVOKE, METHODS, type Command, type Method } from '../../shared/api';
import type { ApiResult } from '../../shared/result';
import { createContext, type Dialogs, type ServiceContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { createDialogs, withLibraryExtension } from '../../electron/main/dialogs';
import { callFromMain, changesLibrary, createCallQueue, handleInvoke, registerIpc, reportLibraryResult } from '../../electron/main/ipc';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';
import { configureNativeBinding, NATIVE_BINDING_ENV } from '../../electron/main/native-binding';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, contentTypeOf, createBundleHandler, resolveBundlePath } from '../../electron/main/protocol';
import {
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  denyDevicePermission,
  handlePermissionCheck,
  handlePermissionRequest,
  denyWindowOpen,
  guardNavigation,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isTrustedSender,
} from '../../electron/main/security';
import { windowOptions } from '../../electron/main/window-options';
import { createBridge } from '../../electron/preload/bridge';
import { IPC_COMMAND as PRELOAD_IPC_COMMAND, IPC_INVOKE as PRELOAD_IPC_INVOKE, PRELOAD_COMMANDS, PRELOAD_METHODS } from '../../electron/preload/contract-names';
import { tempDir } from '../helpers/library';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('main window', () => {
  it('isolates the page from Node and Electron, and offers DevTools only in development', () => {
    const packaged = windowOptions({ preload: '/app/dist/electron/preload.cjs', isPackaged: true });
    const prefs = packaged.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(windowOptions({ preload: 'p', isPackaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('opens hidden at 1440×900 (at least 1024×640) with the Chinese title', () => {
    const options = windowOptions({ preload: 'p', isPackaged: true });
    expect(options).toMatchObject({ title: '重点项目工作台', width: 1440, height: 900, minWidth: 1024, minHeight: 640, show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('navigation, windows, webviews and permissions', () => {
  it('stops every navigation that leaves app://bundle/', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://bundle.example.com/index.html',
      'app://user@bundle/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const event = navigation(url);
      guardNavigation(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = navigation('app://bundle/index.html#/projects');
    guardNavigation(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('attaches the guards to every web contents: navigation, redirects, window.open, webviews', () => {
    const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, listener: (event: { url?: string; preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler),
    };
    hardenWebContents(contents as unknown as WebContents);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = navigation('https://example.com/');
      listeners.get(name)!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler?.()).toEqual({ action: 'deny' });
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('grants the bundle only the clipboard write that 「复制」 of a chart needs, and refuses everything else', () => {
    const request = (permission: string, requestingUrl?: string) => {
      const callback = vi.fn();
      handlePermissionRequest({}, permission, callback, requestingUrl === undefined ? undefined : { requestingUrl });
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(request('clipboard-sanitized-write', 'app://bundle/index.html')).toBe(true);
    expect(handlePermissionCheck({}, 'clipboard-sanitized-write', 'app://bundle', {})).toBe(true);
    expect(handlePermissionCheck({}, 'clipboard-sanitized-write', '', { requestingUrl: 'app://bundle/index.html' })).toBe(true);
    // The same permission for any other page, or no page named, is refused.
    for (const url of ['app://other/index.html', 'app://x@bundle/', 'https://example.com/', 'file:///etc/passwd', 'null', '']) {
      expect(request('clipboard-sanitized-write', url)).toBe(false);
      expect(handlePermissionCheck({}, 'clipboard-sanitized-write', url, { requestingUrl: url })).toBe(false);
    }
    expect(request('clipboard-sanitized-write')).toBe(false);
    // Every other permission, even for the bundle.
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial']) {
      expect(request(permission, 'app://bundle/index.html')).toBe(false);
      expect(handlePermissionCheck({}, permission, 'app://bundle', { requestingUrl: 'app://bundle/index.html' })).toBe(false);
    }
    expect(denyDevicePermission()).toBe(false);
  });
});

describe('IPC senders and outgoing requests', () => {
  it('trusts only frames showing app://bundle/', () => {
    expect(isTrustedSender('app://bundle/index.html')).toBe(true);
    expect(isTrustedSender('app://bundle/')).toBe(true);
    for (const url of [null, undefined, '', 'about:blank', 'http://127.0.0.1:5173/', 'https://bundle/', 'file:///app/index.html', 'app://evil/', 'app://bundle.evil/', 'app://bundle:8080/', 'devtools://devtools/']) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('lets only app://bundle, DevTools, data: and blob: requests through, nothing to the network', () => {
    for (const url of ['app://bundle/index.html', 'app://bundle/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://bundle/0f6c', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://example.com/a.js', 'http://127.0.0.1/', 'http://localhost:8080/api', 'ws://127.0.0.1:9229/', 'file:///etc/passwd', 'ftp://example.com/', 'app://evil/x.js', 'chrome://gpu']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('installs the blocker, the CSP, the permission handlers and no spellchecker on the session', () => {
    const installed: Record<string, unknown> = {};
    const blocked: string[] = [];
    const fakeSession = {
      setPermissionRequestHandler: (h: unknown) => (installed.request = h),
      setPermissionCheckHandler: (h: unknown) => (installed.check = h),
      setDevicePermissionHandler: (h: unknown) => (installed.device = h),
      setSpellCheckerEnabled: (on: boolean) => (installed.spellcheck = on),
      webRequest: {
        onBeforeRequest: (h: unknown) => (installed.beforeRequest = h),
        onHeadersReceived: (h: unknown) => (installed.headers = h),
      },
    };
    hardenSession(fakeSession as unknown as Session, { onBlocked: (url) => blocked.push(url) });
    expect(installed.spellcheck).toBe(false);
    expect(installed.check).toBe(handlePermissionCheck);
    expect(installed.request).toBe(handlePermissionRequest);
    expect(installed.device).toBe(denyDevicePermission);

    const beforeRequest = installed.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const answers: Record<string, boolean> = {};
    for (const url of ['https://example.com/', 'http://127.0.0.1/', 'app://bundle/index.html']) beforeRequest({ url }, (r) => (answers[url] = r.cancel));
    expect(answers).toEqual({ 'https://example.com/': true, 'http://127.0.0.1/': true, 'app://bundle/index.html': false });
    expect(blocked).toEqual(['https://example.com/', 'http://127.0.0.1/']);
    expect(installed.headers).toBe(applyContentSecurityPolicy);
  });
});

describe('Content-Security-Policy', () => {
  const directives = () => new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it('allows scripts only from the bundle and nothing from elsewhere', () => {
    const csp = directives();
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('replaces any other policy on responses from the bundle, and leaves DevTools alone', () => {
    let headers: Record<string, string | string[]> | undefined;
    applyContentSecurityPolicy(
      { url: 'app://bundle/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    let devtools: unknown = 'unset';
    applyContentSecurityPolicy({ url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} }, (r) => (devtools = r));
    expect(devtools).toEqual({});
  });
});

describe('app:// protocol', () => {
  let base: string;
  let root: string;
  let secret: string;

  beforeAll(() => {
    base = tempDir('kpw-bundle-');
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>重点项目工作台</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    for (const ext of ['css', 'svg', 'png', 'woff2', 'json', 'map']) fs.writeFileSync(path.join(root, 'assets', `f.${ext}`), 'x');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(outside);
    secret = path.join(outside, 'secret.txt');
    fs.writeFileSync(secret, 'SECRET');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
    fs.symlinkSync(secret, path.join(root, 'link.txt'));
    fs.symlinkSync(outside, path.join(root, 'linkdir'), 'dir');
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('is registered as a standard, secure scheme that may fetch, and starts at app://bundle/index.html', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html');
  });

  it('maps app://bundle/ to index.html and paths to files inside the bundle', () => {
    const real = fs.realpathSync(root);
    expect(resolveBundlePath(root, 'app://bundle/')).toBe(path.join(real, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/index.html')).toBe(path.join(real, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/assets/app.js?v=2#top')).toBe(path.join(real, 'assets', 'app.js'));
    expect(resolveBundlePath(root, 'app://bundle/missing.js')).toBeNull();
  });

  it('refuses every way out of the bundle', () => {
    const attempts = [
      'app://bundle/../secret.txt',
      'app://bundle/../outside/secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/%2E%2E/outside/secret.txt',
      'app://bundle/..%2fsecret.txt',
      'app://bundle/%2e%2e%2fsecret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2foutside%2fsecret.txt',
      'app://bundle/..%5csecret.txt',
      'app://bundle/..\\secret.txt',
      'app://bundle/assets\\..\\..\\secret.txt',
      `app://bundle/${encodeURIComponent(secret)}`,
      `app://bundle/${secret}`,
      'app://bundle/index.html%00.png',
      'app://bundle/%00',
      'app://bundle/link.txt',
      'app://bundle/linkdir/secret.txt',
      'app://bundle/%E0%A4%A',
    ];
    for (const url of attempts) expect(resolveBundlePath(root, url), url).toBeNull();
  });

  it('serves files with their content type and the CSP, and 404s anything refused or missing', async () => {
    const handle = createBundleHandler(root);
    const index = await handle(new Request('app://bundle/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('重点项目工作台');

    const script = await handle(new Request('app://bundle/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');

    for (const url of ['app://bundle/missing.js', 'app://bundle/assets', 'app://bundle/..%2fsecret.txt', 'app://bundle/link.txt', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('SECRET');
    }
    const post = await handle(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const head = await handle(new Request('app://bundle/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('names the right content type for each kind of asset', async () => {
    const handle = createBundleHandler(root);
    const expected: Record<string, string> = {
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
      png: 'image/png',
      woff2: 'font/woff2',
      json: 'application/json; charset=utf-8',
      map: 'application/json; charset=utf-8',
    };
    for (const [ext, type] of Object.entries(expected)) {
      expect((await handle(new Request(`app://bundle/assets/f.${ext}`))).headers.get('content-type'), ext).toBe(type);
    }
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream');
  });

  it('answers 404, not an error, when reading fails', async () => {
    const handle = createBundleHandler(root, { readFile: () => Promise.reject(new Error('EIO')) });
    expect((await handle(new Request('app://bundle/index.html'))).status).toBe(404);
  });
});

describe('application menu', () => {
  function actions() {
    return {
      createLibrary: vi.fn<() => void>(),
      openLibrary: vi.fn<() => void>(),
      openRecent: vi.fn<(file: string) => void>(),
      openDemo: vi.fn<() => void>(),
      sendCommand: vi.fn<(command: Command) => void>(),
      quit: vi.fn<() => void>(),
      about: vi.fn<() => void>(),
    } satisfies MenuActions;
  }
  const plain = (label: string | undefined) => (label ?? '').replace(/\(&\w\)$/, '');
  const find = (items: MenuItemConstructorOptions[], label: string) => {
    const item = items.find((i) => plain(i.label) === label);
    if (!item) throw new Error(`no menu item ${label}`);
    return item;
  };
  const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

  it('has 文件, 编辑, 视图 and 帮助', () => {
    const template = buildMenuTemplate({ recent: [], isPackaged: true, actions: actions() });
    expect(template.map((i) => plain(i.label))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('sends undo and redo to the renderer, which decides between the editor and the library', () => {
    const a = actions();
    const edit = submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '编辑'));
    const undo = find(edit, '撤销');
    const redo = find(edit, '重做');
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    expect(redo.accelerator).toBe('CmdOrCtrl+Y');
    expect(undo.role).toBeUndefined();
    click(undo);
    click(redo);
    expect(a.sendCommand.mock.calls).toEqual([['history.undo'], ['history.redo']]);
    expect(['剪切', '复制', '粘贴', '全选'].map((l) => find(edit, l).role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('sends the file menu’s import and export to the renderer', () => {
    const a = actions();
    const file = submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '文件'));
    for (const label of ['导入项目清单…', '导入月调度…', '导出项目清单…']) click(find(file, label));
    expect(a.sendCommand.mock.calls).toEqual([['import.projects'], ['import.progress'], ['export.projects']]);
    click(find(file, '打开示例项目库'));
    expect(a.openDemo).toHaveBeenCalledOnce();
  });

  it('opens, creates and reopens libraries through the callbacks', () => {
    const a = actions();
    const file = submenu(find(buildMenuTemplate({ recent: ['D:\\项目\\2025.kpw', '/home/a/R&D.kpw'], isPackaged: true, actions: a }), '文件'));
    click(find(file, '新建项目库…'));
    click(find(file, '打开项目库…'));
    click(find(file, '退出'));
    expect([a.createLibrary, a.openLibrary, a.quit].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    const recent = submenu(find(file, '最近打开'));
    expect(recent.map((i) => i.label)).toEqual(['1  D:\\项目\\2025.kpw', '2  /home/a/R&&D.kpw']);
    click(recent[1]!);
    expect(a.openRecent).toHaveBeenCalledWith('/home/a/R&D.kpw');

    const empty = submenu(find(submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '文件')), '最近打开'));
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('offers 开发者工具 only in development, and 关于 in 帮助', () => {
    const a = actions();
    const view = (isPackaged: boolean) => submenu(find(buildMenuTemplate({ recent: [], isPackaged, actions: a }), '视图'));
    expect(view(true).map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view(true).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(find(view(false), '开发者工具').role).toBe('toggleDevTools');
    click(find(submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '帮助')), '关于重点项目工作台'));
    expect(a.about).toHaveBeenCalled();
  });
});

describe('native dialogs', () => {
  type OpenOptions = { title?: string; buttonLabel?: string; filters?: { name: string; extensions: string[] }[]; properties?: string[]; defaultPath?: string };

  function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
    const calls: { kind: 'open' | 'save'; parent: unknown; options: OpenOptions }[] = [];
    const record = (kind: 'open' | 'save') => (a: unknown, b?: unknown) => {
      const [parent, options] = b === undefined ? [null, a] : [a, b];
      calls.push({ kind, parent, options: options as OpenOptions });
      return Promise.resolve({ canceled: answer.canceled, filePaths: answer.filePaths ?? [], filePath: answer.filePath ?? '' });
    };
    return { dialog: { showOpenDialog: record('open'), showSaveDialog: record('save') }, calls };
  }
  const make = (fake: ReturnType<typeof fakeDialog>, parent: unknown = null) =>
    createDialogs(fake.dialog as unknown as Parameters<typeof createDialogs>[0], { parent: () => parent as never, defaultDir: () => '/home/u/文档' });

  it('asks for a .kpw library in Chinese and returns the chosen file', async () => {
    const fake = fakeDialog({ canceled: false, filePaths: ['/home/u/文档/2025.kpw'] });
    const window = { id: 1 };
    expect(await make(fake, window).chooseLibraryToOpen()).toBe('/home/u/文档/2025.kpw');
    const { options, parent } = fake.calls[0]!;
    expect(parent).toBe(window);
    expect(options.title).toBe('打开项目库');
    expect(options.buttonLabel).toBe('打开');
    expect(options.filters).toEqual([
      { name: '项目库', extensions: ['kpw'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(options.properties).toEqual(['openFile']);
  });

  it('returns null when the user cancels', async () => {
    const fake = fakeDialog({ canceled: true });
    expect(await make(fake).chooseLibraryToOpen()).toBeNull();
    expect(await make(fake).chooseLibraryToCreate()).toBeNull();
  });

  it('proposes 重点项目库.kpw for a new library and adds .kpw to a bare name', async () => {
    const fake = fakeDialog({ canceled: false, filePath: '/home/u/文档/2026年项目' });
    expect(await make(fake).chooseLibraryToCreate()).toBe('/home/u/文档/2026年项目.kpw');
    const { options } = fake.calls[0]!;
    expect(options.title).toBe('新建项目库');
    expect(options.buttonLabel).toBe('新建');
    expect(options.defaultPath).toBe(path.join('/home/u/文档', '重点项目库.kpw'));
    expect(withLibraryExtension('/a/b.kpw')).toBe('/a/b.kpw');
    expect(withLibraryExtension('/a/b.db')).toBe('/a/b.db');
  });
});

describe('IPC', () => {
  let dir: string;
  let ctx: ServiceContext;
  let file: string;
  let dialogs: Dialogs;
  const trusted = 'app://bundle/index.html';
  const silent = () => {};

  beforeEach(() => {
    dir = tempDir('kpw-ipc-');
    file = path.join(dir, '项目库.kpw');
    dialogs = { chooseLibraryToOpen: async () => null, chooseLibraryToCreate: async () => null, chooseExportPath: async () => null };
    ctx = createContext({ userDataDir: path.join(dir, 'userData'), shell: 'electron', version: '9.9.9', dialogs });
    createLibrary(ctx, file);
  });
  afterEach(() => {
    closeLibrary(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dispatches a valid call from the bundle', async () => {
    expect(await handleInvoke(ctx, trusted, 'app.info', {})).toEqual({ ok: true, value: { version: '9.9.9', shell: 'electron', nativeDialogs: true } });
    const current = await handleInvoke(ctx, trusted, 'library.current', {});
    expect(current.ok && (current.value as { path: string }).path).toBe(file);
  });

  it('refuses an untrusted sender as a value, before any side effect', async () => {
    const other = path.join(dir, 'other.kpw');
    for (const sender of ['https://example.com/', 'file:///tmp/x.html', null, undefined]) {
      const result = await handleInvoke(ctx, sender, 'library.create', { path: other }, silent);
      expect(result.ok, String(sender)).toBe(false);
      expect(!result.ok && result.error.code).toBe('UNSUPPORTED');
    }
    expect(fs.existsSync(other)).toBe(false);
    expect(ctx.library?.path).toBe(file);
  });

  it('refuses unknown methods and bad arguments as values', async () => {
    for (const method of ['fs.readFile', '__proto__', 'constructor', 42, null]) {
      const result = await handleInvoke(ctx, trusted, method, {});
      expect(result, String(method)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await handleInvoke(ctx, trusted, 'projects.list', { year: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('never sends a stack trace: an unexpected failure becomes a Chinese INTERNAL error', async () => {
    dialogs.chooseLibraryToOpen = async () => {
      throw new Error('boom at /secret/path/dialogs.ts:12:3');
    };
    const logged: unknown[] = [];
    const result = await handleInvoke(ctx, trusted, 'library.openWithDialog', {}, (err) => logged.push(err));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成。' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|secret|\.ts:/);
    expect(logged).toHaveLength(1);
  });

  it('wires ipcMain.handle with the sender frame read from the event', async () => {
    let handler: ((event: unknown, method: unknown, args: unknown) => Promise<ApiResult<unknown>>) | undefined;
    let channel = '';
    const ipcMain = { handle: (name: string, h: typeof handler) => ((channel = name), (handler = h)) };
    const after: unknown[] = [];
    registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, ctx, createCallQueue(), { log: silent, afterCall: (method) => after.push(method) });
    expect(channel).toBe(IPC_INVOKE);
    expect(await handler!({ senderFrame: { url: trusted } }, 'history.state', {})).toMatchObject({ ok: true });
    expect(await handler!({ senderFrame: null }, 'history.state', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await handler!({ senderFrame: { url: 'https://example.com/' } }, 'history.state', {})).toMatchObject({ ok: false });
    expect(after).toEqual(['history.state', 'history.state', 'history.state']);
  });

  it('runs calls one at a time, in order, and survives a failing one', async () => {
    const queue = createCallQueue();
    const events: string[] = [];
    let release!: () => void;
    const first = queue(async () => {
      events.push('first start');
      await new Promise<void>((r) => (release = r));
      events.push('first end');
    });
    const failing = queue(async () => {
      events.push('second');
      throw new Error('x');
    });
    const third = queue(async () => events.push('third'));
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['first start']);
    release();
    await first;
    await expect(failing).rejects.toThrow('x');
    await third;
    expect(events).toEqual(['first start', 'first end', 'second', 'third']);
  });

  it('reports menu results: reload on success, message on failure, nothing on cancel', async () => {
    const ui = { changed: vi.fn(), showError: vi.fn() };
    const queue = createCallQueue();
    reportLibraryResult(await callFromMain(ctx, queue, 'library.openWithDialog', {}, silent), ui);
    expect(ui.changed).not.toHaveBeenCalled();
    expect(ui.showError).not.toHaveBeenCalled();

    reportLibraryResult(await callFromMain(ctx, queue, 'library.open', { path: path.join(dir, '不存在.kpw') }, silent), ui);
    expect(ui.showError).toHaveBeenCalledWith(expect.stringContaining('找不到项目库文件'));

    const result = await callFromMain(ctx, queue, 'library.open', { path: file }, silent);
    reportLibraryResult(result, ui);
    expect(ui.changed).toHaveBeenCalledTimes(1);
    expect(changesLibrary('library.open', result)).toBe(true);
    expect(changesLibrary('library.current', result)).toBe(false);
  });
});

describe('preload bridge', () => {
  type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

  function fakeIpcRenderer(reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'done' })) {
    const listeners = new Map<string, Set<Listener>>();
    const invoke = vi.fn(reply);
    const ipc = {
      invoke,
      on(channel: string, listener: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
        return ipc;
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
        return ipc;
      },
    };
    const emit = (channel: string, ...args: unknown[]) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer itself' } as unknown as IpcRendererEvent, ...args);
    };
    return { ipc: ipc as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, invoke, emit, listeners };
  }

  it('exposes invoke and onCommand, nothing else', () => {
    expect(Object.keys(createBridge(fakeIpcRenderer().ipc)).sort()).toEqual(['invoke', 'onCommand']);
  });

  it('sends contract calls over the invoke channel and returns the main process answer', async () => {
    const fake = fakeIpcRenderer();
    expect(await createBridge(fake.ipc).invoke('projects.list', { year: 2025 })).toEqual({ ok: true, value: 'done' });
    expect(fake.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'projects.list', { year: 2025 });
  });

  it('refuses a name outside the contract without asking the main process', async () => {
    const fake = fakeIpcRenderer();
    const result = await createBridge(fake.ipc).invoke('fs.readFile' as Method, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC into an error value', async () => {
    const fake = fakeIpcRenderer(() => Promise.reject(new Error('An object could not be cloned.')));
    expect(await createBridge(fake.ipc).invoke('history.state', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '与主程序通信失败，操作未完成。' },
    });
  });

  it('passes only known command names to listeners, without the IPC event, and stops on unsubscribe', () => {
    const fake = fakeIpcRenderer();
    const received: unknown[][] = [];
    const stop = createBridge(fake.ipc).onCommand((...args) => received.push(args));
    fake.emit(IPC_COMMAND, 'history.undo');
    fake.emit(IPC_COMMAND, 'library.changed');
    fake.emit(IPC_COMMAND, 'shell.openExternal');
    fake.emit(IPC_COMMAND, { toString: () => 'history.undo' });
    fake.emit('other-channel', 'history.redo');
    expect(received).toEqual([['history.undo'], ['library.changed']]);
    stop();
    fake.emit(IPC_COMMAND, 'history.redo');
    expect(received).toHaveLength(2);
    expect(fake.listeners.get(IPC_COMMAND)?.size).toBe(0);
  });

  it('knows exactly the contract’s methods, commands and channels', () => {
    expect([...PRELOAD_METHODS].sort()).toEqual([...METHODS].sort());
    expect([...PRELOAD_COMMANDS].sort()).toEqual([...COMMANDS].sort() as Command[]);
    expect([PRELOAD_IPC_INVOKE, PRELOAD_IPC_COMMAND]).toEqual([IPC_INVOKE, IPC_COMMAND]);
  });

  it('bundles into a small script that requires only electron (a sandboxed preload can load nothing else)', async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [path.join(repo, 'electron/preload/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect([...new Set(code.match(/require\(["'][^"']+["']\)/g))]).toEqual(['require("electron")']);
    expect(code.length).toBeLessThan(20_000);
  });
});

describe('layering of the Electron shell', () => {
  it('keeps every module but the two entry points free of run-time electron imports, so they test in Node', () => {
    const files = ['electron/main', 'electron/preload'].flatMap((d) =>
      fs.readdirSync(path.join(repo, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`),
    );
    const offenders = files.filter((f) => {
      if (f === 'electron/main/main.ts' || f === 'electron/preload/preload.ts') return false;
      const source = fs.readFileSync(path.join(repo, f), 'utf8');
      return /import\s+(?!type\b)[^;]*from\s+['"]electron['"]/.test(source) || /require\(\s*['"]electron['"]\s*\)/.test(source);
    });
    expect(offenders).toEqual([]);
  });
});

describe('better-sqlite3 for Electron', () => {
  it('points development builds at .electron-native and clears the variable in packaged builds', () => {
    const env: Record<string, string | undefined> = {};
    expect(configureNativeBinding(env, { isPackaged: false, appRoot: '/repo', exists: () => true })).toBeNull();
    expect(env[NATIVE_BINDING_ENV]).toBe(path.join('/repo', '.electron-native', 'better_sqlite3.node'));

    const hostile: Record<string, string | undefined> = { [NATIVE_BINDING_ENV]: '/tmp/evil.node' };
    expect(configureNativeBinding(hostile, { isPackaged: true, appRoot: '/app.asar' })).toBeNull();
    expect(NATIVE_BINDING_ENV in hostile).toBe(false);

    const missing: Record<string, string | undefined> = {};
    expect(configureNativeBinding(missing, { isPackaged: false, appRoot: '/repo', exists: () => false })).toContain('npm run native:electron');
    expect(NATIVE_BINDING_ENV in missing).toBe(false);
  });
});

describe('electron-builder.yml', () => {
  interface Target {
    target: string;
    arch: string[];
  }
  interface BuilderConfig {
    productName: string;
    files: string[];
    asarUnpack: string[];
    npmRebuild: boolean;
    directories: { output: string };
    electronFuses: Record<string, boolean>;
    win: { target: Target[] };
    nsis: Record<string, unknown>;
    linux: { target: Target[]; category: string };
  }
  // js-yaml comes with electron-builder; it has no typings here, hence the narrow cast.
  const load = () => {
    const yaml = require('js-yaml') as { load(text: string): unknown };
    return yaml.load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  };

  it('flips the fuses that stop the app being used as a Node runtime', () => {
    expect(load().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packages dist and package.json, unpacks better-sqlite3 and rebuilds it for Electron', () => {
    const config = load();
    expect(config.productName).toBe('重点项目工作台');
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**', 'package.json']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.directories.output).toBe('release');
  });

  it('builds an assisted Chinese NSIS installer and a portable exe for Windows x64, a deb (sandbox kept everywhere) for Linux', () => {
    const config = load();
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, language: '2052' });
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux.category).toBe('Office');
  });

  it('puts into app.asar only what the bundles do not hold: better-sqlite3 at run time, a few MB', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    // The production dependencies are exactly the bundles' externals (less electron itself).
    const externals = new Set([...pkg.scripts['build:electron']!.matchAll(/--external:(\S+)/g)].map((m) => m[1]!).filter((e) => e !== 'electron'));
    expect(new Set(Object.keys(pkg.dependencies))).toEqual(externals);
    // What electron-builder adds of node_modules: the production tree less the files config's
    // exclusions (it applies only the "!" patterns to node_modules, with minimatch, dot: true).
    const { Minimatch } = require('minimatch') as { Minimatch: new (p: string, o: object) => { match(f: string): boolean } };
    const excludes = load().files.filter((f) => f.startsWith('!')).map((f) => new Minimatch(f.slice(1), { dot: true }));
    const listed = require('node:child_process').execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repo, encoding: 'utf8' }) as string;
    const packed: { file: string; size: number }[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const rel = path.relative(repo, full).split(path.sep).join('/');
          if (!excludes.some((m) => m.match(rel))) packed.push({ file: rel, size: fs.statSync(full).size });
        }
      }
    };
    const roots = listed.trim().split('\n').slice(1);
    for (const dir of roots.filter((d) => !roots.some((other) => other !== d && d.startsWith(other + path.sep)))) walk(dir);
    const files = packed.map((p) => p.file);
    expect(files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(files).toContain('node_modules/better-sqlite3/lib/index.js');
    expect(files.some((f) => f.startsWith('node_modules/bindings/'))).toBe(true);
    for (const gone of ['node_modules/better-sqlite3/deps/', 'node_modules/better-sqlite3/src/', 'node_modules/better-sqlite3/build/Release/obj', 'node_modules/prebuild-install/']) {
      expect(files.filter((f) => f.startsWith(gone)), gone).toEqual([]);
    }
    const megabytes = packed.reduce((sum, p) => sum + p.size, 0) / 1024 / 1024;
    expect(megabytes).toBeLessThan(6);
  });

  it('uses only keys that electron-builder knows', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };
    await expect(validateConfiguration(load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('puts beside main.cjs what the packaged main process reads at run time: the chart font, its licence, resvg', async () => {
    const { execFileSync } = await import('node:child_process');
    const fsm = await import('node:fs');
    const pathm = await import('node:path');
    const repo = pathm.resolve(import.meta.dirname, '../..');
    execFileSync(process.execPath, [pathm.join(repo, 'electron/main/copy-assets.mjs')]);
    const out = pathm.join(repo, 'dist/electron');
    expect(fsm.readdirSync(pathm.join(out, 'fonts')).sort()).toEqual(['NotoSansSC-Bold-GB2312.otf', 'NotoSansSC-Regular-GB2312.otf', 'OFL.txt']);
    expect(fsm.readFileSync(pathm.join(out, 'resvg.wasm')).subarray(0, 4).toString('hex')).toBe('0061736d'); // \0asm
    // main.ts names exactly these (the packaged app reads them from inside its archive).
    const main = fsm.readFileSync(pathm.join(repo, 'electron/main/main.ts'), 'utf8');
    expect(main).toContain("wasmFile: path.join(__dirname, 'resvg.wasm'), fontDir: path.join(__dirname, 'fonts')");
  });
});
