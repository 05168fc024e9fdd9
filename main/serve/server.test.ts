import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../api/testServices.ts';
import { isAllowedHost, startServer, type RunningServer } from './server.ts';

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

function http(path: string, opts: { method?: string; host?: string; cookie?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: s.port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: opts.host ?? `127.0.0.1:${s.port}`, ...(opts.cookie ? { Cookie: opts.cookie } : {}) },
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

describe('serve mode', () => {
  it('binds 127.0.0.1 only', () => {
    expect((s.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('refuses a request without the token', async () => {
    expect((await http('/')).status).toBe(401);
    expect((await http('/?token=wrong')).status).toBe(401);
    expect((await http('/api/search.query', { method: 'POST', body: '{"q":"alpha"}' })).status).toBe(401);
  });

  it('refuses a foreign Host header before anything else (DNS rebinding)', async () => {
    expect((await http(`/?token=${s.token}`, { host: 'evil.example' })).status).toBe(403);
    expect((await http(`/?token=${s.token}`, { host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await http(`/?token=${s.token}`, { host: `localhost:${s.port}` })).status).toBe(200);
  });

  it('accepts the token once and then an HttpOnly SameSite=Strict cookie', async () => {
    const first = await http(`/?token=${s.token}`);
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await http('/', { cookie: cookie.split(';')[0]! });
    expect(again.status).toBe(200);
    expect(again.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('answers requests as error values, with 404 for an unknown name', async () => {
    const auth = `?token=${s.token}`;
    const ok = await http(`/api/search.query${auth}`, { method: 'POST', body: '{"q":"alpha"}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { total: 1 } });
    const unknown = await http(`/api/nope${auth}`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    const notJson = await http(`/api/search.query${auth}`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('serves an article’s own images and nothing outside its folder', async () => {
    const found = JSON.parse((await http(`/api/search.query?token=${s.token}`, { method: 'POST', body: '{"q":"alpha"}' })).body);
    const id = found.value.results[0].id as string;
    expect((await http(`/asset/${id}/pic.png?token=${s.token}`)).status).toBe(200);
    for (const bad of ['../secret.png', '..%2Fsecret.png', '%2Fetc%2Fpasswd', 'pic.png%00.png', 'a.md']) {
      expect((await http(`/asset/${id}/${bad}?token=${s.token}`)).status).toBe(404);
    }
  });

  it('knows which Host headers are loopback', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedHost('localhost:8080', 8080)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8081', 8080)).toBe(false);
    expect(isAllowedHost('0.0.0.0:8080', 8080)).toBe(false);
    expect(isAllowedHost(undefined, 8080)).toBe(false);
  });
});
