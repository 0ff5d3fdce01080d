/**
 * What the renderer may do, decided in the main process: it may only show the bundle served from
 * app://bundle/, and may not navigate elsewhere, open windows, attach webviews, have any permission
 * but writing to the clipboard, or send a single request off the machine. Every handler here is a plain function of its inputs
 * so tests/unit/electron-shell.test.ts exercises the real code without Electron; main.ts only
 * attaches them.
 */
import type { Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/bundle';

/** The one Content-Security-Policy, shared with the browser harness (see electron/web/bundle.ts). */
export { CONTENT_SECURITY_POLICY };

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for app://bundle/… URLs and nothing else (not app://other/, not app://x@bundle/, not app://bundle:1/). */
export function isBundleUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * IPC calls are only answered for frames showing our own bundle: should anything else ever load in
 * a frame (an injected iframe, a navigation we missed), it gets no access to the library.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isBundleUrl(frameUrl);
}

/** The part of a navigation event the guard needs; Electron's will-navigate details satisfy it. */
export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * For will-navigate, will-frame-navigate and will-redirect: only moves within the bundle go ahead.
 * A link to a web page, a dropped file or a redirect outward is simply stopped.
 */
export function guardNavigation(event: NavigationEvent): void {
  if (!isBundleUrl(event.url)) event.preventDefault();
}

/** For setWindowOpenHandler: the app has one window; window.open and target=_blank open nothing. */
export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** For will-attach-webview: webviewTag is off, and this stops one even if it were turned on. */
export function denyWebview(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * The permissions the app's own page may have: writing to the clipboard, for 「复制」 of a chart
 * (navigator.clipboard.write of a PNG). Nothing else: no camera, microphone, location,
 * notifications, clipboard reading (paste arrives through the paste event, which needs no
 * permission), and nothing at all for any other origin.
 */
export const BUNDLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether `permission` may be granted to a page at `url` (an origin such as app://bundle, or a full URL). */
export function isPermissionAllowed(permission: string, url: string | null | undefined): boolean {
  return BUNDLE_PERMISSIONS.has(permission) && typeof url === 'string' && isBundleUrl(url);
}

/** For setPermissionRequestHandler: the request's page decides, by its URL. */
export function handlePermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(isPermissionAllowed(permission, details?.requestingUrl));
}

/** For setPermissionCheckHandler: Electron names the requesting origin (and sometimes the URL). */
export function handlePermissionCheck(
  _webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details?: { requestingUrl?: string },
): boolean {
  return isPermissionAllowed(permission, requestingOrigin) || isPermissionAllowed(permission, details?.requestingUrl);
}

/** For setDevicePermissionHandler (USB, HID, serial): every device answers no. */
export function denyDevicePermission(): boolean {
  return false;
}

/**
 * The only URLs any request may name: the bundle itself, the DevTools front end (development only),
 * and data:/blob: URLs the page builds in memory. Everything else — http(s) even to 127.0.0.1,
 * ws:, file:, ftp:, other app:// hosts — is cancelled, so nothing leaves the machine and no local
 * file outside the bundle is read.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isBundleUrl(url)) return true;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  return protocol === 'devtools:' || protocol === 'data:' || protocol === 'blob:';
}

/** For session.webRequest.onBeforeRequest. `onBlocked` lets main.ts log what was refused. */
export function createRequestBlocker(onBlocked: (url: string) => void = () => {}) {
  return (details: { url: string }, callback: (response: { cancel: boolean }) => void): void => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) onBlocked(details.url);
    callback({ cancel: !allowed });
  };
}

/**
 * For session.webRequest.onHeadersReceived: the bundle's responses carry our CSP whatever else set
 * headers. The app:// handler already sends it; this makes it hold for any response from the
 * bundle. Other responses (the DevTools front end) pass unchanged: they have their own policy.
 */
export function applyContentSecurityPolicy(
  details: { url: string; responseHeaders?: Record<string, string | string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
): void {
  if (!isBundleUrl(details.url)) {
    callback({});
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
  }
  headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  callback({ responseHeaders: headers });
}

/** The session-wide part: permissions, the outbound request blocker, the CSP, no spellchecker. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled' | 'webRequest'>,
  options: { onBlocked?: (url: string) => void } = {},
): void {
  session.setPermissionRequestHandler(handlePermissionRequest);
  session.setPermissionCheckHandler(handlePermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest(createRequestBlocker(options.onBlocked));
  session.webRequest.onHeadersReceived(applyContentSecurityPolicy);
}

/**
 * The per-page part, attached from app's 'web-contents-created' so that it covers every WebContents
 * ever made, not only the main window's.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', denyWebview);
  contents.setWindowOpenHandler(denyWindowOpen);
}
