import { close, readFile as readFd } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Database } from 'better-sqlite3';
import { protocol } from 'electron';
import { openAsset } from '../library/assets.ts';
import { appHeaders, assetHeaders, routeAppRequest, routeAssetRequest, type AppRoute } from './appProtocol.ts';
import { APP_SCHEME, ASSET_SCHEME } from './origin.ts';

/**
 * Must run before app 'ready'. offprint: is standard and secure, so the renderer gets a real origin
 * (offprint://app), relative URLs and the fetch API without file:// (checklist #18). offprint-asset:
 * is only secure: not standard, so the article id in its host keeps its case.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { secure: true } },
  ]);
}

const notFound = () =>
  new Response('Not found.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" },
  });

async function respond(
  route: AppRoute,
  method: string,
  indexDb: () => Database | null,
  headers: (type: string) => Record<string, string>,
): Promise<Response> {
  if (route.kind === 'asset') {
    const db = indexDb();
    const asset = db ? openAsset(db, route.id, route.src) : null;
    if (!asset) return notFound();
    if ('bytes' in asset)
      return new Response(method === 'HEAD' ? null : Buffer.from(asset.bytes), { status: 200, headers: headers(asset.type) });
    try {
      // Read from the descriptor that was checked, never the path again.
      const body = method === 'HEAD' ? null : await promisify(readFd)(asset.fd);
      return new Response(body, { status: 200, headers: headers(asset.type) });
    } catch {
      return notFound();
    } finally {
      close(asset.fd, () => {});
    }
  }
  if (route.kind !== 'file') return notFound();
  try {
    const body = method === 'HEAD' ? null : await readFile(route.path);
    return new Response(body, { status: 200, headers: headers(route.type) });
  } catch {
    return notFound();
  }
}

/** Serves the built renderer and article images; call once the app is ready. */
export function serveProtocols(options: { rendererDir: string; indexDb: () => Database | null }): void {
  protocol.handle(APP_SCHEME, (request) =>
    respond(routeAppRequest(options.rendererDir, request.url, request.method), request.method, options.indexDb, appHeaders),
  );
  protocol.handle(ASSET_SCHEME, (request) =>
    respond(routeAssetRequest(request.url, request.method), request.method, options.indexDb, assetHeaders),
  );
}
