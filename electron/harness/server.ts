/**
 * The browser harness: the built renderer and the same contract handlers, served on 127.0.0.1 only.
 * Playwright drives the renderer through it in Chromium, and anyone without Electron can use the
 * app with it. The renderer calls POST /api/invoke with { method, args } and gets an ApiResult,
 * copied as IPC copies it (structured clone) before it is written as JSON.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../services/handlers';
import type { ServiceContext } from '../services/context';
import { resultOverIpc } from '../services/session';
import type { ApiResult } from '../../shared/result';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveBundlePath } from '../web/bundle';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface Harness {
  url: string;
  /** This run's token: the page served here carries it, and every call must show it. */
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('请求过大');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Log = (err: unknown) => void;

/**
 * The body of the answer to one call. The result goes through structured clone first, as it
 * would over Electron's IPC: JSON alone would silently drop a function that makes the same call
 * fail in the desktop app, so here it fails too, with the same error (see ipc-clone.ts).
 */
export function encodeResult(method: unknown, result: ApiResult<unknown>, log: Log = (err) => console.error(err)): string {
  return JSON.stringify(resultOverIpc(method, result, log));
}

/** The page, with this run's token where the renderer's api.ts reads it (a meta tag: the CSP allows no inline script). */
function pageWithToken(html: Buffer, token: string): Buffer {
  return Buffer.from(html.toString('utf8').replace('<head>', `<head><meta name="kpw-token" content="${token}">`));
}

/**
 * Why a call may not be answered, or null. A web page the user visits elsewhere could otherwise
 * POST to this port (the browser sends such a request even though it cannot read the answer):
 * a call must be JSON (a cross-site form cannot send that without the browser asking first, and
 * nobody here answers that question), come from our own origin when the browser names one, and
 * carry the token that only a page served by this run has.
 */
function refusal(req: http.IncomingMessage, origins: readonly string[], token: string): string | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return '请求格式无效（须为 JSON）';
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return '拒绝来自其他网页的调用';
  const given = Buffer.from(String(req.headers['x-kpw-token'] ?? ''));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '缺少或错误的访问令牌，请刷新页面';
  return null;
}

/** Serve `rendererDir` and the contract for `ctx` on 127.0.0.1:`port` (0: any free port). */
export async function startHarness(ctx: ServiceContext, options: { rendererDir: string; port?: number }): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`找不到界面文件 ${rendererDir}/index.html，请先运行 npm run build:web`);
  }
  let allowedHosts: string[] = [];
  let origins: string[] = [];
  const token = randomBytes(24).toString('base64url');
  // Calls are handled one at a time, in order, as Electron's main process would.
  let queue: Promise<unknown> = Promise.resolve();

  const server = http.createServer((req, res) => {
    // Refuse requests for another host name (DNS rebinding): only our own loopback address.
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Misdirected Request', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
      const refused = refusal(req, origins, token);
      if (refused) {
        req.resume();
        return send(res, 403, JSON.stringify({ ok: false, error: { code: 'UNSUPPORTED', message: refused } }), 'application/json; charset=utf-8');
      }
      const run = async () => {
        let payload: { method?: unknown; args?: unknown };
        try {
          payload = JSON.parse(await readBody(req)) as typeof payload;
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求格式无效' } }), 'application/json');
        }
        const result = await dispatch(ctx, payload?.method, payload?.args);
        send(res, 200, encodeResult(payload?.method, result), 'application/json; charset=utf-8');
      };
      queue = queue.then(run, run).catch(() => send(res, 500, '{"ok":false,"error":{"code":"INTERNAL","message":"程序内部错误"}}', 'application/json'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
    const file = resolveBundlePath(rendererDir, `app://bundle${url.pathname}`);
    if (!file || !fs.statSync(file).isFile()) return send(res, 404, 'Not Found', 'text/plain; charset=utf-8');
    const body = fs.readFileSync(file);
    send(res, 200, path.basename(file) === 'index.html' ? pageWithToken(body, token) : body, contentTypeOf(file));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  origins = allowedHosts.map((h) => `http://${h}`);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
