import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * What serve mode checks before it answers, against other programs on the same machine and other pages
 * in the same browser (docs/SECURITY.md, "Serve mode"). Nothing here relies on a cookie: a browser sends
 * cookies for 127.0.0.1 to every port, so a credential the browser attaches by itself would reach them all.
 */

/** The header every /api request carries the session token in; a page on another origin cannot set it without a CORS preflight we never answer. */
export const TOKEN_HEADER = 'x-offprint-token';
/** Names the page a request comes from (a random id per page load), so its newer search cancels its older one. */
export const WINDOW_HEADER = 'x-offprint-window';

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Host header check against DNS rebinding: only the loopback names, on our port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || (port === 80 && (host === '127.0.0.1' || host === 'localhost'));
}

export type Refusal = { status: 401 | 403; message: string };

/**
 * An /api request is ours when it carries the token in its header, comes from our own origin (its
 * Origin, or where a browser sends none, Sec-Fetch-Site: same-origin) and says it is JSON: a no-cors
 * fetch, a beacon or a form from another port can do none of the last two, and has no token.
 */
export function refuseApiRequest(headers: IncomingHttpHeaders, token: string): Refusal | null {
  return refuseCaller(headers, token) ?? refuseType(headers, 'application/json');
}

/**
 * An upload (POST /upload) is checked as an /api request is, but its body is the file's bytes, sent as
 * application/octet-stream. That type is not one a form, a beacon or a no-cors fetch may send (they are
 * limited to text/plain, multipart/form-data and application/x-www-form-urlencoded), so a page on
 * another origin cannot send it without the CORS preflight we never answer; the token header is a
 * second reason it cannot.
 */
export function refuseUploadRequest(headers: IncomingHttpHeaders, token: string): Refusal | null {
  return refuseCaller(headers, token) ?? refuseType(headers, 'application/octet-stream');
}

function refuseType(headers: IncomingHttpHeaders, expected: string): Refusal | null {
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === expected ? null : { status: 403, message: `Forbidden: this route takes Content-Type: ${expected}.` };
}

function refuseCaller(headers: IncomingHttpHeaders, token: string): Refusal | null {
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !safeEqual(given, token))
    return { status: 401, message: 'Unauthorized: open the address printed by `npm run serve`, with its token.' };
  const origin = headers.origin;
  // Our origin is plain HTTP on loopback (the Host header was already checked to be 127.0.0.1 or localhost on our port).
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url
  const isOwnOrigin = origin === undefined ? headers['sec-fetch-site'] === 'same-origin' : origin === `http://${headers.host}`;
  if (!isOwnOrigin) return { status: 403, message: 'Forbidden: requests come only from Offprint’s own page.' };
  return null;
}

/**
 * Capability paths for an article's images: the image's key is an HMAC of the article id and its src
 * under a per-run secret, so the URL itself is the permission (an <img> cannot send our header), it
 * names one image of one article, and it dies with the server.
 */
export function assetKey(secret: string, articleId: string, src: string): string {
  return createHmac('sha256', secret).update(`${articleId}\n${src}`).digest('base64url').slice(0, 32);
}

export function assetPath(secret: string, articleId: string, src: string): string {
  return `/asset/${encodeURIComponent(articleId)}/${assetKey(secret, articleId, src)}?src=${encodeURIComponent(src)}`;
}

/**
 * The capability path that downloads an article's source file ("Open original"): an HMAC of the
 * article id alone under the per-run secret, in its own domain (a NUL cannot occur in an asset's key
 * input, which is `<id>\n<src>`), so it names that one file and no image key opens it.
 */
export function originalKey(secret: string, articleId: string): string {
  return createHmac('sha256', secret).update(`original\0${articleId}`).digest('base64url').slice(0, 32);
}

export function originalPath(secret: string, articleId: string): string {
  return `/original/${encodeURIComponent(articleId)}/${originalKey(secret, articleId)}`;
}
