import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { EventName, Events } from '../../common/contract.ts';
import { resolveAsset } from '../library/assets.ts';
import { SECURITY_HEADERS } from '../csp.ts';
import type { Services } from '../api/services.ts';
import { createLogger } from '../library/log.ts';

const log = createLogger('serve');

const COOKIE = 'offprint_token';
const MAX_BODY = 2 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface ServeOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  broadcast: <E extends EventName>(event: E, payload: Events[E]) => void;
  close: () => Promise<void>;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Host header check against DNS rebinding: only the loopback names, on our port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || (port === 80 && (host === '127.0.0.1' || host === 'localhost'));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        done(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => done(null));
  });
}

/**
 * The loopback server: the built renderer and the same handlers the app uses, for tests, the
 * benchmark's UI part and machines without Electron. Host check first, then the token.
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const rendererDir = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden: wrong Host header.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token');
    const viaQuery = given !== null && safeEqual(given, token);
    const viaCookie = !viaQuery && safeEqual(cookieToken(req) ?? '', token);
    if (!viaQuery && !viaCookie) return send(res, 401, 'Unauthorized: open the address printed by `npm run serve`, with its token.');
    const setCookie: Record<string, string> = viaQuery ? { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {};

    if (url.pathname.startsWith('/api/')) {
      const name = decodeURIComponent(url.pathname.slice(5));
      if (name === 'events' && req.method === 'GET') {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          ...setCookie,
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Use POST for requests.' } }, setCookie);
      const body = await readBody(req);
      if (body === null)
        return sendJson(res, 413, { ok: false, error: { code: 'bad-request', message: 'The request body is over 2 MB.' } }, setCookie);
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: 'The request body is not JSON.' } }, setCookie);
      }
      const result = await options.services.dispatch(name, input);
      const status = !result.ok && result.error.code === 'unknown-request' ? 404 : 200;
      return sendJson(res, status, result, setCookie);
    }

    if (url.pathname.startsWith('/asset/')) {
      const [, , id = '', ...rest] = url.pathname.split('/');
      const asset = resolveAsset(options.services.deps.indexDb, decodeURIComponent(id), rest.map(decodeURIComponent).join('/'));
      if (!asset) return send(res, 404, 'Not found.');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': asset.type, 'Cache-Control': 'private, max-age=3600', ...setCookie });
      createReadStream(asset.path).pipe(res);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'Not found.', undefined, setCookie);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...setCookie,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      log.error('request failed', { message: err.message });
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });

  const broadcast = <E extends EventName>(event: E, payload: Events[E]) => {
    const line = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams) s.write(line);
  };

  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      ready({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        broadcast,
        close: () =>
          new Promise((closed) => {
            for (const s of streams) s.end();
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
