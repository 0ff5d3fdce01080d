/**
 * The browser harness: the built renderer and the same contract handlers, served on 127.0.0.1 only.
 * Playwright drives the renderer through it in Chromium, and anyone without Electron can use the
 * app with it. The renderer calls POST /api/invoke with { method, args } and gets an ApiResult,
 * copied as IPC copies it (structured clone) before it is written as JSON.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../services/handlers';
import type { ServiceContext } from '../services/context';
import { resultOverIpc } from '../services/ipc-clone';
import type { ApiResult } from '../../shared/result';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveBundlePath } from '../web/bundle';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface Harness {
  url: string;
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

/** Serve `rendererDir` and the contract for `ctx` on 127.0.0.1:`port` (0: any free port). */
export async function startHarness(ctx: ServiceContext, options: { rendererDir: string; port?: number }): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`找不到界面文件 ${rendererDir}/index.html，请先运行 npm run build:web`);
  }
  let allowedHosts: string[] = [];
  // Calls are handled one at a time, in order, as Electron's main process would.
  let queue: Promise<unknown> = Promise.resolve();

  const server = http.createServer((req, res) => {
    // Refuse requests for another host name (DNS rebinding): only our own loopback address.
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Misdirected Request', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
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
    send(res, 200, fs.readFileSync(file), contentTypeOf(file));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
