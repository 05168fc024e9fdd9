/**
 * `npm run dev:serve [-- --port N] [--data <dir>] [--content <dir> ...]`: serve mode with Vite's dev
 * server, so edits to renderer/ show in the browser at once (React fast refresh). Two servers, both on
 * 127.0.0.1 only: serve mode's own (main/serve/server.ts, its Host and token checks unchanged) on a port
 * of its own, and Vite's, which answers the page and its modules and passes /api/ and /asset/ on to it.
 * As in serve mode there is no cookie: the page takes the token from the printed address and sends it in
 * a header, which the proxy passes on and serve mode checks. Vite's server refuses other Host headers,
 * refuses /api/ requests from another origin (serve mode cannot see the browser's Origin behind the proxy),
 * and serves only the checkout's files (Vite's server.fs.strict), which hold no secret.
 * stdout gets one line once everything is indexed: `Offprint dev server at <url with token>`.
 * Main-process code (main/) runs from source under tsx; restart to pick up its changes. The page's CSP
 * gets a nonce for what Vite injects (renderer/vite.config.ts).
 */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseServeArgs } from '../main/serve/serveArgs.ts';
import { createLogger, createServer, type Logger, type Plugin } from 'vite';
import { startServices } from '../main/api/services.ts';
import { libraryWorker } from '../main/library/workers.ts';
import { defaultUserDataDir, fromUserCwd, projectRoot } from '../main/paths.ts';
import { isAllowedHost } from '../main/serve/guard.ts';
import { newToken, startServer } from '../main/serve/server.ts';

const HELP = `Usage: npm run dev:serve -- [--port N] [--data <dir>] [--content <dir> ...]

  --port N          port of the dev server on 127.0.0.1 (default: 0, the system picks one)
  --data <dir>      where the index and your reading data live (default: the app's user-data folder)
  --content <dir>   an extra folder of articles to add; may repeat
  --help            this text
`;

/**
 * Serve mode's outer checks in front of everything Vite answers: the Host header for all of it, and for
 * /api/ the page's own origin (its Origin, or Sec-Fetch-Site: same-origin where a browser sends none).
 * The token itself is checked by serve mode, behind the proxy.
 */
function devGate(port: () => number): Plugin {
  const refuse = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  };
  return {
    name: 'offprint-dev-gate',
    configureServer(server) {
      // Added here, not in a returned hook, so it runs before Vite's own middlewares.
      server.middlewares.use((req, res, next) => {
        if (!isAllowedHost(req.headers.host, port())) return refuse(res, 403, 'Forbidden: wrong Host header.');
        if (!(req.url ?? '').startsWith('/api/')) return next();
        const origin = req.headers.origin;
        // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the dev server is plain HTTP on loopback
        const isOwn = origin === undefined ? req.headers['sec-fetch-site'] === 'same-origin' : origin === `http://${req.headers.host}`;
        if (!isOwn) return refuse(res, 403, 'Forbidden: requests come only from Offprint’s own page.');
        return next();
      });
    },
  };
}

/** Vite's logger with its info lines (ready, hot updates) on stderr: stdout carries the ready line only. */
function stderrLogger(): Logger {
  const base = createLogger('info', { allowClearScreen: false });
  return { ...base, info: (msg) => void process.stderr.write(`${msg}\n`) };
}

export async function runDevServe(argv: string[]): Promise<void> {
  const args = parseServeArgs(argv, HELP);
  if (!args) return;
  const { port, content } = args;

  let api: Awaited<ReturnType<typeof startServer>> | undefined;
  const services = startServices({
    dataDir: args.data ? fromUserCwd(args.data) : defaultUserDataDir(),
    bundledContent: join(projectRoot, 'content'),
    extraFolders: content,
    workerUrl: libraryWorker('indexWorker'),
    onEvent: (event, payload) => api?.broadcast(event, payload),
  });
  const token = newToken();
  // The API server is reached only through the proxy; its static files are never asked for.
  api = await startServer({ services, rendererDir: join(projectRoot, 'out', 'renderer'), port: 0, token });
  const apiOrigin = `http://127.0.0.1:${api.port}`;
  let devPort = port;
  const vite = await createServer({
    configFile: join(projectRoot, 'renderer', 'vite.config.ts'),
    clearScreen: false,
    // Pre-bundled dependencies go to the checkout's .cache, not into node_modules.
    cacheDir: join(projectRoot, '.cache', 'vite-dev'),
    customLogger: stderrLogger(),
    plugins: [devGate(() => devPort)],
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      // The API server sees its own Host and, for requests the gate let through, its own Origin, as its checks require.
      proxy: {
        '/api/': { target: apiOrigin, changeOrigin: true, headers: { origin: apiOrigin } },
        '/asset/': { target: apiOrigin, changeOrigin: true },
      },
    },
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no TCP address');
  devPort = address.port;
  for (const n of services.notices) process.stderr.write(`${n}\n`);
  await services.ready;
  process.stdout.write(`Offprint dev server at http://127.0.0.1:${devPort}/?token=${token}\n`);
  process.stderr.write(`(hot reload of renderer/; API: serve mode on ${apiOrigin}; restart for changes in main/)\n`);
  const stop = async () => {
    await vite.close();
    await api?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
