import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../csp.ts';
import { ASSET_SCHEME, isAppUrl } from './origin.ts';

/**
 * What the custom protocols answer, decided without Electron: protocol.ts only turns a route into a
 * Response. `offprint://app/…` serves the built renderer (out/renderer) with the CSP; article images
 * come from `offprint-asset://<articleId>/<src>` or, same-origin, `offprint://app/asset/<articleId>/<src>`
 * (the path serve mode uses), both through openAsset, which keeps them inside the article's folder.
 */
export type AppRoute = { kind: 'file'; path: string; type: string } | { kind: 'asset'; id: string; src: string } | { kind: 'not-found' };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const NOT_FOUND: AppRoute = { kind: 'not-found' };

function decodeSegments(segments: string[]): string[] | null {
  try {
    const decoded = segments.map((s) => decodeURIComponent(s));
    return decoded.some((s) => s.includes('\0')) ? null : decoded;
  } catch {
    return null;
  }
}

function isInside(dir: string, path: string): boolean {
  const inside = relative(dir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function assetRoute(id: string | undefined, rest: string[]): AppRoute {
  const parts = decodeSegments([id ?? '', ...rest]);
  if (!parts || parts[0] === '' || parts.length < 2) return NOT_FOUND;
  const [articleId, ...src] = parts as [string, ...string[]];
  return { kind: 'asset', id: articleId, src: src.join('/') };
}

/** Routes a request on the app origin; GET and HEAD only, files only from inside `rendererDir`. */
export function routeAppRequest(rendererDir: string, rawUrl: string, method = 'GET'): AppRoute {
  if ((method !== 'GET' && method !== 'HEAD') || !isAppUrl(rawUrl)) return NOT_FOUND;
  const segments = new URL(rawUrl).pathname.split('/').slice(1);
  if (segments[0] === 'asset') return assetRoute(segments[1], segments.slice(2));
  const parts = decodeSegments(segments);
  if (!parts) return NOT_FOUND;
  const rel = parts.join('/') || 'index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, rel);
  try {
    // Checked before and after resolving links, so neither `..` nor a symlink leads out of the renderer.
    if (!isInside(root, file) || !isInside(realpathSync(root), realpathSync(file)) || !statSync(file).isFile()) return NOT_FOUND;
  } catch {
    return NOT_FOUND;
  }
  return { kind: 'file', path: file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

/**
 * Routes `offprint-asset://<articleId>/<src>`. The scheme is registered as not "standard" so the
 * article id in the host keeps its case (ids are base64url; a standard scheme's host is lowercased).
 */
export function routeAssetRequest(rawUrl: string, method = 'GET'): AppRoute {
  if (method !== 'GET' && method !== 'HEAD') return NOT_FOUND;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return NOT_FOUND;
  }
  if (url.protocol !== `${ASSET_SCHEME}:` || url.username !== '' || url.password !== '' || url.port !== '') return NOT_FOUND;
  return assetRoute(url.hostname, url.pathname.split('/').slice(1));
}

/** The renderer's CSP from main/csp.ts, with article images from offprint-asset: allowed. */
export function appContentSecurityPolicy(csp: string = CONTENT_SECURITY_POLICY): string {
  return csp
    .split(';')
    .map((d) => d.trim())
    .map((d) => (/^img-src\s/u.test(d) && !d.split(/\s+/u).includes(`${ASSET_SCHEME}:`) ? `${d} ${ASSET_SCHEME}:` : d))
    .join('; ');
}

/** Headers for everything served on the app origin (pages, scripts, same-origin images). */
export function appHeaders(type: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': appContentSecurityPolicy(), 'Content-Type': type, 'Cache-Control': 'no-cache' };
}

/** Headers for an offprint-asset: image, which the app page loads cross-origin (so no same-origin CORP). */
export function assetHeaders(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
  };
}
