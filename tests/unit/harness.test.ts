/** The loopback harness: only 127.0.0.1, only files of the bundle, the contract over POST, results copied as IPC copies them. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeResult } from '../../electron/harness/server';
import { fillDemoLibrary } from '../../electron/services/demo';
import { dispatch } from '../../electron/services/handlers';
import { checkedForIpc, ipcCopy, NOT_CLONEABLE, resultOverIpc } from '../../electron/services/ipc-clone';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';

let served: ServedLibrary;
beforeAll(async () => {
  served = await serveTempLibrary((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
});
afterAll(async () => {
  await served.stop();
});

const get = (path: string) => fetch(new URL(path, served.harness.url));
const invoke = (body: string) => fetch(new URL('/api/invoke', served.harness.url), { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-KPW-Token': served.harness.token } });
/** A POST as another program or web page would make it. */
const forged = (headers: Record<string, string>, body = JSON.stringify({ method: 'library.current', args: {} })) =>
  fetch(new URL('/api/invoke', served.harness.url), { method: 'POST', body, headers });

describe('browser harness doors', () => {
  it('hands this run’s token to the page it serves, and to nothing else', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain(`<meta name="kpw-token" content="${served.harness.token}">`);
    expect(served.harness.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that is JSON, from our origin or none, with the token', async () => {
    const ok = await forged({ 'Content-Type': 'application/json; charset=utf-8', 'X-KPW-Token': served.harness.token, Origin: new URL(served.harness.url).origin });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
  });

  it('refuses a blind cross-site POST: a form’s content type, a foreign origin, no or a wrong token', async () => {
    const token = served.harness.token;
    const cases: [string, Record<string, string>, RegExp][] = [
      ['form post', { 'Content-Type': 'text/plain', 'X-KPW-Token': token }, /JSON/],
      ['urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-KPW-Token': token }, /JSON/],
      ['no content type', { 'X-KPW-Token': token }, /JSON/],
      ['foreign origin', { 'Content-Type': 'application/json', 'X-KPW-Token': token, Origin: 'https://evil.example' }, /其他网页/],
      ['null origin', { 'Content-Type': 'application/json', 'X-KPW-Token': token, Origin: 'null' }, /其他网页/],
      ['no token', { 'Content-Type': 'application/json' }, /令牌/],
      ['wrong token', { 'Content-Type': 'application/json', 'X-KPW-Token': token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, /令牌/],
    ];
    for (const [name, headers, message] of cases) {
      const r = await forged(headers);
      expect(r.status, name).toBe(403);
      const body = (await r.json()) as { ok: boolean; error: { message: string } };
      expect(body.ok, name).toBe(false);
      expect(body.error.message, name).toMatch(message);
    }
    // And nothing ran: a refused call that would write leaves the library as it was.
    const before = (await (await invoke(JSON.stringify({ method: 'lists.get', args: {} }))).json()) as { value: { districts: unknown[] } };
    await forged({ 'Content-Type': 'text/plain' }, JSON.stringify({ method: 'lists.add', args: { kind: 'districts', name: '伪造区' } }));
    const after = (await (await invoke(JSON.stringify({ method: 'lists.get', args: {} }))).json()) as { value: { districts: unknown[] } };
    expect(after.value.districts).toEqual(before.value.districts);
  });
});

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

describe('results copied as Electron’s IPC copies them (structured clone)', () => {
  it('a plain result comes through equal; Buffers arrive as Uint8Array, as in the renderer', () => {
    const result = { ok: true as const, value: { rows: [[1, '荣成市', null]], nested: { at: '2024-08-31', rate: 66.7 } } };
    expect(resultOverIpc('stats.get', result)).toStrictEqual(result);
    expect(ipcCopy(Buffer.from('ab'))).toStrictEqual(new Uint8Array([97, 98]));
  });

  it('a result carrying a function is refused with a Chinese error, the method named in the log', () => {
    const logged: unknown[] = [];
    const result = { ok: true as const, value: { charts: [{ id: 'districtRace', option: { tooltip: { formatter: (p: unknown) => String(p) } } }] } };
    expect(() => ipcCopy(result)).toThrow(/could not be cloned/);
    expect(resultOverIpc('drafts.build', result, (err) => logged.push(err))).toEqual({ ok: false, error: NOT_CLONEABLE });
    expect(NOT_CLONEABLE).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('结果无法传回界面') });
    expect(logged).toHaveLength(1);
    expect(String((logged[0] as Error).message)).toContain('drafts.build');
    // The main process's check (serializing only) refuses the same results and passes the rest as they are.
    expect(checkedForIpc('drafts.build', result, () => {})).toEqual({ ok: false, error: NOT_CLONEABLE });
    expect(checkedForIpc('drafts.build', { ok: true, value: { symbol: Symbol('x') } }, () => {})).toEqual({ ok: false, error: NOT_CLONEABLE });
    const plain = { ok: true as const, value: [1, '2'] };
    expect(checkedForIpc('stats.get', plain)).toBe(plain);
  });

  it('the harness answers such a result with that error, not with the function silently dropped as JSON would', () => {
    const result = { ok: true as const, value: { label: { formatter: (p: { value: unknown }) => `${p.value}%` }, name: '赛马' } };
    expect(JSON.stringify(result)).toBe('{"ok":true,"value":{"label":{},"name":"赛马"}}'); // what the harness used to send
    const logged: unknown[] = [];
    expect(JSON.parse(encodeResult('drafts.build', result, (err) => logged.push(err)))).toEqual({ ok: false, error: NOT_CLONEABLE });
    expect(String((logged[0] as Error).message)).toContain('drafts.build');
  });

  it('end to end: the bulletin’s draft, charts and all, arrives over HTTP as the renderer gets it over IPC', async () => {
    const args = { kind: 'bulletin', year: 2024, month: 8 } as const;
    const answer = (await (await invoke(JSON.stringify({ method: 'drafts.build', args }))).json()) as { ok: boolean; value: { charts: { id: string; option: { yAxis: unknown }; tooltips: string[] }[] } };
    const direct = await dispatch(served.ctx, 'drafts.build', args);
    expect(answer.ok).toBe(true);
    expect(answer).toEqual(JSON.parse(JSON.stringify(ipcCopy(direct))));
    const race = answer.value.charts.find((c) => c.id === 'districtRace')!;
    expect(race.option.yAxis).toMatchObject({ max: expect.any(Number) });
    expect(race.tooltips.length).toBeGreaterThan(0);
  });
});
