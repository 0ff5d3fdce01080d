/**
 * The Electron-only code, tested in plain Node: Electron cannot be downloaded on the build
 * machines, so electron/main/ and electron/preload/ are pure modules that take Electron's objects
 * as parameters, and these tests pass fakes or call the handlers directly. Nothing here imports
 * 'electron' at run time. This file: the window, what the page may do and ask (navigation,
 * permissions, senders, Content-Security-Policy) and the app:// protocol; the menu, dialogs, IPC
 * and preload are in electron-shell-ipc.test.ts, the packaging in electron-shell-packaging.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Session, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
import { tempDir } from '../helpers/library';

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
