import { closeSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Article, ErrorCode, EventName, Events, FilesAdded, Result } from '../../common/contract.ts';
import { openAsset, srcPath } from '../library/assets.ts';
import { SECURITY_HEADERS } from '../csp.ts';
import type { Services } from '../api/services.ts';
import { createLogger } from '../library/log.ts';
import { indexLibraryFolder, noteCopy } from '../library/addToLibrary.ts';
import { MAX_FILE_BYTES, receiveIntoLibrary, uploadNameRefusal } from '../library/libraryFiles.ts';
import { openOriginal } from '../library/original.ts';
import {
  assetKey,
  assetPath,
  isAllowedHost,
  newSecret,
  originalKey,
  originalPath,
  refuseApiRequest,
  refuseUploadRequest,
  safeEqual,
  WINDOW_HEADER,
} from './guard.ts';
import { attachmentDisposition } from './disposition.ts';

const log = createLogger('serve');

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
  /** The largest file POST /upload takes (default libraryFiles.ts MAX_FILE_BYTES). */
  maxUploadBytes?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  broadcast: <E extends EventName>(event: E, payload: Events[E]) => void;
  close: () => Promise<void>;
}

/** The printed URL's token; the page takes it out of the address bar and sends it in a header. */
export const newToken = newSecret;

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

const apiError = (res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}) =>
  sendJson(res, status, { ok: false, error: { code, message } }, extra);

/** Past the cap a body is still read and dropped (up to DRAIN_LIMIT), so the client is there to receive the 413. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | 'too-large' | null> {
  return new Promise((done) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      drain(req);
      return done('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      req.off('data', onData);
      drain(req, size);
      done('too-large');
    };
    req.on('data', onData);
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => done(null));
  });
}

function drain(req: IncomingMessage, already = 0): void {
  let size = already;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}

function decodePath(pathname: string): string[] | null {
  try {
    return pathname.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * The loopback server: the built renderer and the same handlers the app uses, for tests, the
 * benchmark's UI part and machines without Electron. Host check first; then, for /api, the token
 * header, our own Origin and a JSON body (guard.ts); images by capability URL; the shell to anyone.
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const assetSecret = newSecret();
  const rendererDir = resolve(options.rendererDir);
  const maxUpload = options.maxUploadBytes ?? MAX_FILE_BYTES;
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden: wrong Host header.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const parts = decodePath(url.pathname);
    if (!parts) return send(res, 400, 'Bad request: the address has a malformed % escape.');

    if (parts[1] === 'api') {
      if (req.method !== 'POST') return apiError(res, 405, 'bad-request', 'Use POST for requests.');
      const refusal = refuseApiRequest(req.headers, token);
      if (refusal) return apiError(res, refusal.status, 'forbidden', refusal.message);
      const body = await readBody(req);
      if (body === 'too-large') return apiError(res, 413, 'bad-request', 'The request body is over 2 MB.', { Connection: 'close' });
      if (body === null) return;
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return apiError(res, 400, 'bad-request', 'The request body is not JSON.');
      }
      const name = parts.slice(2).join('/');
      if (name === 'events') return openEvents(res, req);
      // A closed connection is a request nobody waits for: its search stops (readPool.ts).
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      const tab = req.headers[WINDOW_HEADER];
      const channel = typeof tab === 'string' && tab !== '' ? `tab ${tab.slice(0, 64)}` : undefined;
      const result = await options.services.dispatch(name, input, { channel, signal: abort.signal });
      const status = !result.ok && result.error.code === 'unknown-request' ? 404 : 200;
      return sendJson(res, status, name === 'article.get' || name === 'article.blocks' ? withAssetUrls(result) : result);
    }

    if (parts[1] === 'upload') return upload(req, res, url);

    if (parts[1] === 'original') {
      const [, , id = '', key = ''] = parts;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      if (!safeEqual(key, originalKey(assetSecret, id))) return send(res, 404, 'Not found.');
      let file: ReturnType<typeof openOriginal>;
      try {
        file = openOriginal(options.services.deps.indexDb, id);
      } catch {
        return send(res, 404, 'Not found.');
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(file.size),
        'Content-Disposition': attachmentDisposition(file.name),
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD' || file.size === 0) {
        closeSync(file.fd);
        return void res.end();
      }
      pipeline(createReadStream('', { fd: file.fd, start: 0, end: file.size - 1 }), res, () => {});
      return;
    }

    if (parts[1] === 'asset') {
      const [, , id = '', key = ''] = parts;
      const src = url.searchParams.get('src') ?? '';
      const asset = safeEqual(key, assetKey(assetSecret, id, src)) ? openAsset(options.services.deps.indexDb, id, srcPath(src)) : null;
      if (!asset) return send(res, 404, 'Not found.');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': asset.type,
        'Content-Length': String(asset.size),
        'Cache-Control': 'private, max-age=3600',
      });
      if ('bytes' in asset) return void res.end(req.method === 'HEAD' ? undefined : Buffer.from(asset.bytes));
      // From the descriptor that was checked, never the path again; the stream closes it.
      pipeline(createReadStream('', { fd: asset.fd, start: 0, end: Math.max(0, asset.size - 1) }), res, () => {});
      return;
    }

    // The app shell: the built renderer, which holds no secret, to any page of ours (the token comes with the printed URL).
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const rel = url.pathname === '/' ? 'index.html' : parts.slice(1).join('/');
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  /**
   * POST /upload?name=<file name>: one file's bytes, streamed into the library folder (libraryFiles.ts),
   * then indexed; the answer (FilesAdded) comes once it is in the library. Checked as /api is (guard.ts).
   */
  const upload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return apiError(res, 405, 'bad-request', 'Use POST to upload a file.');
    const refusal = refuseUploadRequest(req.headers, token);
    if (refusal) return apiError(res, refusal.status, 'forbidden', refusal.message, { Connection: 'close' });
    const deps = options.services.deps;
    if (deps.libraryDir === null) return apiError(res, 403, 'read-only', 'The data folder is read-only, so no file can be added.');
    const name = url.searchParams.get('name') ?? '';
    const bad = uploadNameRefusal(name);
    if (bad) return apiError(res, 400, 'bad-request', bad.message, { Connection: 'close' });
    const tooLarge = () => {
      const mb = Math.round(maxUpload / 1024 / 1024);
      return apiError(res, 413, 'bad-request', `${name} is over ${mb} MB; files over ${mb} MB are not added.`, { Connection: 'close' });
    };
    if (Number(req.headers['content-length'] ?? 0) > maxUpload) {
      drain(req);
      return tooLarge();
    }
    // destroyOnReturn: false, so a refused body is still read (and dropped) and the client hears the 413.
    const result = await receiveIntoLibrary(deps.libraryDir, name, req.iterator({ destroyOnReturn: false }), maxUpload);
    if (!result.ok && result.refusal.reason === 'too-large') {
      drain(req);
      return tooLarge();
    }
    const added: FilesAdded = { files: [], folders: [], refused: [] };
    noteCopy(added, name, result);
    if (result.ok) await indexLibraryFolder(deps);
    return sendJson(res, 200, { ok: true, value: added });
  };

  /** Events go down one long fetch response, authenticated like any request (EventSource cannot send a header). */
  const openEvents = (res: ServerResponse, req: IncomingMessage) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  /** An article's local images (of the blocks sent), each as a capability URL the page can put in an <img>. */
  const withAssetUrls = (result: Result<unknown>): Result<unknown> => {
    if (!result.ok) return result;
    const article = result.value as Pick<Article, 'id' | 'blocks'>;
    const assets: Record<string, string> = {};
    for (const b of article.blocks) if (b.type === 'figure') assets[b.src] = assetPath(assetSecret, article.id, b.src);
    const original = 'title' in article ? { originalUrl: originalPath(assetSecret, article.id) } : {};
    return { ok: true, value: { ...article, assets, ...original } };
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
