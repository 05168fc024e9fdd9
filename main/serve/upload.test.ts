import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../api/testServices.ts';
import { startServer, type RunningServer } from './server.ts';

/** Small, so the over-cap case needs no big body. */
const CAP = 64 * 1024;

let t: TestServices;
let s: RunningServer;
let library: string;
beforeAll(async () => {
  t = await testServices({ 'a.md': '# Alpha\n\nSome alpha text.' });
  const renderer = mkdtempSync(join(tmpdir(), 'offprint-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Offprint</title>');
  s = await startServer({ services: t.services, rendererDir: renderer, port: 0, maxUploadBytes: CAP });
  library = t.services.deps.libraryDir!;
});
afterAll(async () => {
  await s.close();
  await t.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(path: string, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: s.port, path, method, headers: { Host: `127.0.0.1:${s.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const own = () => ({ 'X-Offprint-Token': s.token, Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/octet-stream' });
const upload = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  http(`/upload?name=${encodeURIComponent(name)}`, 'POST', { ...own(), ...headers }, body);
const api = async (name: string, input: unknown) => {
  const r = await http(`/api/${name}`, 'POST', { ...own(), 'Content-Type': 'application/json' }, JSON.stringify(input));
  return (JSON.parse(r.body.toString()) as { value: never }).value;
};
const libraryFiles = () => (existsSync(library) ? readdirSync(library) : []);

describe('serve mode’s upload route', () => {
  it('refuses an upload without the token (401) and from another Origin (403), writing nothing', async () => {
    const { 'X-Offprint-Token': _token, ...noToken } = own();
    expect((await http('/upload?name=x.txt', 'POST', noToken, 'x')).status).toBe(401);
    expect((await upload('x.txt', 'x', { Origin: 'http://127.0.0.1:9' })).status).toBe(403);
    expect((await upload('x.txt', 'x', { Origin: 'null' })).status).toBe(403);
    expect(libraryFiles()).toEqual([]);
  });

  it('refuses what a form or a no-cors fetch can send (text/plain, form types), writing nothing', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json']) {
      expect((await upload('x.txt', 'x', { 'Content-Type': type })).status, type).toBe(403);
    }
    expect(libraryFiles()).toEqual([]);
  });

  it('refuses a GET', async () => {
    expect((await http('/upload?name=x.txt', 'GET', own())).status).toBe(405);
  });

  it('refuses a name with a path or of a format it does not read, writing nothing', async () => {
    for (const name of ['../x.txt', '..%2Fx.txt', 'a/b.txt', 'evil.exe', '']) {
      const r = await upload(name, 'x');
      expect(r.status, name).toBe(400);
    }
    expect(libraryFiles()).toEqual([]);
    expect(existsSync(join(library, '..', 'x.txt'))).toBe(false);
  });

  it('answers 413 past the cap, declared or streamed, and leaves no temporary file', async () => {
    const big = Buffer.alloc(CAP + 1, 0x61);
    expect((await upload('big.txt', big)).status).toBe(413);
    // Chunked, so the size is known only as it arrives.
    const chunked = await new Promise<number>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/upload?name=big2.txt',
          method: 'POST',
          headers: { Host: `127.0.0.1:${s.port}`, ...own() },
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode!));
        },
      );
      req.on('error', fail);
      for (let i = 0; i < 4; i++) req.write(Buffer.alloc(CAP / 2, 0x62));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(libraryFiles()).toEqual([]);
  });

  it('takes a good upload into the library folder, indexes it, and search finds it', async () => {
    const r = await upload('Harbour notes.md', '# Harbour notes\n\nThe lighthouse keeper counted seventeen gulls.');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toEqual({
      ok: true,
      value: { files: [{ name: 'Harbour notes.md', isNew: true }], folders: [], refused: [] },
    });
    expect(libraryFiles()).toEqual(['Harbour notes.md']);
    const found = (await api('search.query', { q: 'lighthouse keeper' })) as { results: { title: string }[] };
    expect(found.results.map((x) => x.title)).toEqual(['Harbour notes']);
    const folders = (await api('folders.list', {})) as { root: string; isLibrary: boolean }[];
    expect(folders.filter((f) => f.isLibrary).map((f) => f.root)).toEqual([library]);
  });

  it('writes no second copy of the same bytes, and gives different bytes " (2)"', async () => {
    const again = await upload('Harbour notes.md', '# Harbour notes\n\nThe lighthouse keeper counted seventeen gulls.');
    expect(JSON.parse(again.body.toString()).value.files).toEqual([{ name: 'Harbour notes.md', isNew: false }]);
    const other = await upload('Harbour notes.md', '# Harbour notes, again\n\nNo gulls today.');
    expect(JSON.parse(other.body.toString()).value.files).toEqual([{ name: 'Harbour notes (2).md', isNew: true }]);
    expect(libraryFiles().sort()).toEqual(['Harbour notes (2).md', 'Harbour notes.md']);
  });
});

describe('serve mode’s original download', () => {
  it('downloads the article’s source file by its capability URL, as an attachment', async () => {
    const id = ((await api('search.query', { q: 'alpha' })) as { results: { id: string }[] }).results[0]!.id;
    const article = (await api('article.get', { id })) as { originalUrl: string };
    expect(article.originalUrl).toMatch(/^\/original\//u);
    expect(article.originalUrl).not.toContain(s.token);
    const r = await http(article.originalUrl, 'GET', {});
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="a\.md"/u);
    expect(r.body.toString()).toBe(readFileSync(join(t.contentDir, 'a.md'), 'utf8'));
  });

  it('refuses a forged or another article’s key', async () => {
    const id = ((await api('search.query', { q: 'alpha' })) as { results: { id: string }[] }).results[0]!.id;
    const { originalUrl } = (await api('article.get', { id })) as { originalUrl: string };
    const key = originalUrl.split('/').at(-1)!;
    expect((await http(`/original/${encodeURIComponent(id)}/forged`, 'GET', {})).status).toBe(404);
    expect((await http(`/original/${encodeURIComponent(id)}/${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, 'GET', {})).status).toBe(
      404,
    );
    const other = ((await api('search.query', { q: 'lighthouse' })) as { results: { id: string }[] }).results[0]!.id;
    expect((await http(`/original/${encodeURIComponent(other)}/${key}`, 'GET', {})).status).toBe(404);
  });
});
