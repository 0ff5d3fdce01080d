/**
 * How the built renderer is served, the same way by Electron's app:// protocol and by the browser
 * harness: which file a URL may name (only files inside the bundle), and the Content-Security-Policy
 * every response carries. No 'electron' import here: the harness runs in plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * AG Grid and React set inline styles, hence 'unsafe-inline' for styles only. Scripts come from the
 * bundle alone; connect-src 'self' lets the harness's renderer reach /api/invoke on its own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The file inside `rootDir` that `requestUrl` (app://bundle/… or an http path) names, or null when
 * it would leave the root: `..` in any encoding, backslashes, NUL, or a symlink pointing outside.
 * "/" names index.html.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(candidate);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return real;
  } catch {
    return null; // missing file
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Anything unknown is served as opaque bytes, which nosniff keeps the page from running. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
