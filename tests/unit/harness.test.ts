/** The loopback harness: only 127.0.0.1, only files of the bundle, the contract over POST. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';

let served: ServedLibrary;
beforeAll(async () => {
  served = await serveTempLibrary();
});
afterAll(async () => {
  await served.stop();
});

const get = (path: string) => fetch(new URL(path, served.harness.url));
const invoke = (body: string) => fetch(new URL('/api/invoke', served.harness.url), { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

describe('browser harness', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(served.harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(served.harness.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with the Content-Security-Policy', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await r.text()).toMatch(/重点项目工作台/);
  });

  it('serves nothing outside the bundle', async () => {
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../package.json', '/nope.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    // fetch() will not set Host; a raw request can, as a rebinding page's would arrive.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(served.harness.url);
      http.get({ host: '127.0.0.1', port: url.port, path: '/', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('answers the contract with values, also for bad input', async () => {
    expect(await (await invoke(JSON.stringify({ method: 'library.current', args: {} }))).json()).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(await (await invoke('{not json')).json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const bad = await (await invoke(JSON.stringify({ method: 'projects.list', args: { year: 'x' } }))).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('year') } });
  });
});
