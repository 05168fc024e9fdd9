import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const READY = /^Offprint dev server at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/mu;
const dataDir = mkdtempSync(join(tmpdir(), 'offprint-dev-'));
let child: ChildProcess;
let url = '';
let port = 0;
let token = '';
let stderr = '';
let stdout = '';

/** A raw HTTP request, so the Host header can be set (fetch does not allow it). */
function get(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  child = spawn(process.execPath, [join(ROOT, 'scripts', 'dev.mjs'), '--serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  await new Promise<void>((ready, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const m = READY.exec(stdout);
      if (m) {
        [, url, , token] = m as unknown as [string, string, string, string];
        port = Number(m[2]);
        ready();
      }
    });
    child.once('exit', (code) => fail(new Error(`npm run dev:serve exited with ${code} before it was ready.\n${stderr.slice(-3000)}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run dev:serve', () => {
  it('prints one address on 127.0.0.1 with a token, and nothing else on stdout', () => {
    expect(stdout).toBe(`Offprint dev server at ${url}\n`);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers the app shell with Vite’s hot-reload client and a CSP that allows only its nonce, and sets no cookie', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('/@vite/client');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(r.text)?.[1] ?? '';
    const nonce = /nonce-([\w-]+)/u.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('passes an API request with the token header from its own page on to serve mode and returns its answer', async () => {
    const r = await get('/api/search.query', {
      method: 'POST',
      headers: { 'x-offprint-token': token, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'shanghai', limit: 5 }),
    });
    expect(r.status).toBe(200);
    const result = JSON.parse(r.text) as { ok: boolean; value: { results: { title: string }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.results.map((x) => x.title)).toContain('Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report');
  });

  it('refuses API requests without the token or from another origin, files outside the checkout, and other Host headers', async () => {
    const json = { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` };
    expect((await get('/api/search.query', { method: 'POST', headers: json, body: '{"q":"x"}' })).status).toBe(401);
    const foreign = { ...json, 'x-offprint-token': token, origin: 'http://127.0.0.1:9' };
    expect((await get('/api/search.query', { method: 'POST', headers: foreign, body: '{"q":"x"}' })).status).toBe(403);
    const noOrigin = { 'content-type': 'application/json', 'x-offprint-token': token };
    expect((await get('/api/search.query', { method: 'POST', headers: noOrigin, body: '{"q":"x"}' })).status).toBe(403);
    const plain = { ...json, 'x-offprint-token': token, 'content-type': 'text/plain' };
    expect((await get('/api/search.query', { method: 'POST', headers: plain, body: '{"q":"x"}' })).status).toBe(403);
    expect((await get('/@fs/etc/hostname')).status).toBe(403);
    expect((await get('/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
  });
});
