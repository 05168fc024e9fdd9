import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../api/testServices.ts';
import { isAllowedHost } from './guard.ts';
import { startServer, type RunningServer } from './server.ts';

let t: TestServices;
let s: RunningServer;
beforeAll(async () => {
  t = await testServices({ 'a.md': '# Alpha\n\nSome alpha text. ![pic](pic.png) ![up](../secret.png)' });
  writeFileSync(join(t.contentDir, 'pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(t.contentDir, '..', 'secret.png'), 'secret');
  const renderer = mkdtempSync(join(tmpdir(), 'offprint-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Offprint</title>');
  s = await startServer({ services: t.services, rendererDir: renderer, port: 0 });
});
afterAll(async () => {
  await s.close();
  await t.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Options {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function http(path: string, opts: Options = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: s.port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: opts.host ?? `127.0.0.1:${s.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

/** An /api request as Offprint's own page makes it: the token header, its Origin, a JSON body. */
function api(name: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return http(`/api/${name}`, {
    method: 'POST',
    headers: { 'X-Offprint-Token': s.token, Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

const value = async (name: string, input: unknown) => (JSON.parse((await api(name, input)).body) as { value: never }).value;

describe('serve mode', () => {
  it('binds 127.0.0.1 only', () => {
    expect((s.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves the app shell, which holds no secret, without a token and sets no cookie', async () => {
    const shell = await http('/');
    expect(shell.status).toBe(200);
    expect(shell.headers['set-cookie']).toBeUndefined();
    expect(shell.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await http(`/?token=${s.token}`)).headers['set-cookie']).toBeUndefined();
  });

  it('refuses a foreign Host header before anything else (DNS rebinding)', async () => {
    expect((await http('/', { host: 'evil.example' })).status).toBe(403);
    expect((await http('/', { host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await api('search.query', { q: 'alpha' }, { Host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await http('/', { host: `localhost:${s.port}` })).status).toBe(200);
  });

  it('answers a request only with the token in its header, never from the address or a cookie', async () => {
    expect((await api('search.query', { q: 'alpha' })).status).toBe(200);
    expect((await api('search.query', { q: 'alpha' }, { 'X-Offprint-Token': 'wrong' })).status).toBe(401);
    const bare = { Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/json' };
    const body = '{"q":"alpha"}';
    expect((await http(`/api/search.query?token=${s.token}`, { method: 'POST', headers: bare, body })).status).toBe(401);
    expect(
      (await http('/api/search.query', { method: 'POST', headers: { ...bare, Cookie: `offprint_token=${s.token}` }, body })).status,
    ).toBe(401);
  });

  it('refuses a valid token from a foreign Origin', async () => {
    const r = await api('settings.set', { theme: 'dark' }, { Origin: 'http://127.0.0.1:9' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api('search.query', { q: 'alpha' }, { Origin: 'null' })).status).toBe(403);
    expect(await value('settings.get', {})).toMatchObject({ theme: 'system' });
  });

  it('refuses a valid token with neither Origin nor Sec-Fetch-Site, and takes Sec-Fetch-Site: same-origin alone', async () => {
    const headers = { 'X-Offprint-Token': s.token, 'Content-Type': 'application/json' };
    expect((await http('/api/search.query', { method: 'POST', headers, body: '{"q":"alpha"}' })).status).toBe(403);
    const cross = { ...headers, 'Sec-Fetch-Site': 'same-site' };
    expect((await http('/api/search.query', { method: 'POST', headers: cross, body: '{"q":"alpha"}' })).status).toBe(403);
    const same = { ...headers, 'Sec-Fetch-Site': 'same-origin' };
    expect((await http('/api/search.query', { method: 'POST', headers: same, body: '{"q":"alpha"}' })).status).toBe(200);
  });

  it('refuses a valid token with a body that is not declared JSON (text/plain, a form)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await api('settings.set', { theme: 'dark' }, { 'Content-Type': type })).status, type).toBe(403);
    }
    expect(await value('settings.get', {})).toMatchObject({ theme: 'system' });
  });

  it('answers requests as error values, with 404 for an unknown name', async () => {
    expect(JSON.parse((await api('search.query', { q: 'alpha' })).body)).toMatchObject({ ok: true, value: { total: 1 } });
    const unknown = await api('nope', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    const notJson = await api('search.query', {}, {});
    expect(notJson.status).toBe(200);
    const broken = await http('/api/search.query', {
      method: 'POST',
      headers: { 'X-Offprint-Token': s.token, Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('answers a malformed % escape with 400, not an error', async () => {
    expect((await http('/%E0%A4%A')).status).toBe(400);
    expect((await api('search.query%', { q: 'x' })).status).toBe(400);
  });

  it('delivers the 413 for a body over 2 MB before it closes the connection', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const r = await http('/api/search.query', {
      method: 'POST',
      headers: { 'X-Offprint-Token': s.token, Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/json' },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('serves an article’s images by capability URL only, and nothing outside its folder', async () => {
    const id = ((await value('search.query', { q: 'alpha' })) as { results: { id: string }[] }).results[0]!.id;
    const article = (await value('article.get', { id })) as { assets: Record<string, string> };
    const pic = article.assets['pic.png']!;
    expect(pic).toMatch(/^\/asset\//u);
    expect(pic).not.toContain(s.token);
    expect((await http(pic)).status).toBe(200);
    expect((await http(pic.replace(/\/asset\/([^/]+)\/[^?]+/u, '/asset/$1/forged'))).status).toBe(404);
    expect((await http(`/asset/${encodeURIComponent(id)}/pic.png`)).status).toBe(404);
    // The article names ../secret.png; its capability URL exists, and the file is still outside the folder.
    expect((await http(article.assets['../secret.png']!)).status).toBe(404);
    expect((await http(pic.replace('src=pic.png', 'src=..%2Fsecret.png'))).status).toBe(404);
  });

  it('answers position.set for an article that does not exist with not-found', async () => {
    const r = JSON.parse((await api('position.set', { id: 'nope', anchor: { block: 0, offset: 0, quote: '' }, progress: 0.5 })).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('knows which Host headers are loopback', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedHost('localhost:8080', 8080)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8081', 8080)).toBe(false);
    expect(isAllowedHost('0.0.0.0:8080', 8080)).toBe(false);
    expect(isAllowedHost(undefined, 8080)).toBe(false);
  });
});
