/**
 * The app:// protocol that serves the built renderer (dist/renderer) to the window. A custom
 * protocol instead of file:// gives the page a real origin (app://bundle) for the CSP and for
 * checking IPC senders, and serves only files inside the bundle: never anything else on disk.
 *
 * Which file a URL may name, and the CSP, live in electron/web/bundle.ts so the browser harness
 * serves the renderer by the very same rules.
 */
import fs from 'node:fs';
import type { CustomScheme } from 'electron';
import { contentTypeOf, resolveBundlePath } from '../web/bundle';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export { contentTypeOf, resolveBundlePath };

/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered with protocol.registerSchemesAsPrivileged before 'ready'. standard: relative URLs,
 * origins and localStorage work as on the web; secure: a secure context, like https;
 * supportFetchAPI: the page may fetch() its own assets. Not corsEnabled: Vite's crossorigin module
 * scripts are same-origin requests and need no CORS, and leaving it off keeps the bundle unreadable
 * from any other origin. No bypassCSP, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The bundle changes with every build and is read from local disk: caching gains nothing.
    'Cache-Control': 'no-store',
  });
}

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: headers('text/plain; charset=utf-8') });
}

export interface BundleHandlerOptions {
  /** Reads a file; fs by default (Electron's fs also reads inside app.asar). */
  readFile?: (file: string) => Promise<Uint8Array>;
  /** Whether the path is a regular file (directories and missing files get 404). */
  isFile?: (file: string) => Promise<boolean>;
}

/**
 * The handler for protocol.handle('app', …): GET/HEAD of app://bundle/<file inside rootDir>, with
 * the right Content-Type and the CSP. Anything refused or missing is a plain 404; any other method
 * is a 405. It never throws, so a bad URL cannot surface as an Electron error page.
 */
export function createBundleHandler(rootDir: string, options: BundleHandlerOptions = {}): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fs.promises.readFile(file));
  const isFile =
    options.isFile ??
    (async (file: string) => {
      try {
        return (await fs.promises.stat(file)).isFile();
      } catch {
        return false;
      }
    });

  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return new Response('Method Not Allowed', { status: 405, headers: headers('text/plain; charset=utf-8') });
      }
      const url = new URL(request.url);
      if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
      const file = resolveBundlePath(rootDir, request.url);
      if (!file || !(await isFile(file))) return notFound();
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: headers(contentTypeOf(file)) });
    } catch {
      return notFound();
    }
  };
}
