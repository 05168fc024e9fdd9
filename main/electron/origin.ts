import { fileURLToPath } from 'node:url';

/**
 * The app's own origin and what may claim it. Pure: URL strings in, decisions out, so the checks are
 * unit-tested under Node. Parsing always goes through `new URL`, never `startsWith`
 * (Electron security checklist #13), so `offprint://app.evil` or `offprint://app@evil` cannot pass.
 */
export const APP_SCHEME = 'offprint';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Article images: `offprint-asset://<articleId>/<src>`. */
export const ASSET_SCHEME = 'offprint-asset';

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The scheme of a URL for logs (never the rest of it, which may name an article or a search). */
export function schemeOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  return parse(raw)?.protocol ?? 'unparseable';
}

/**
 * The renderer's dev server under `npm run dev` (electron-vite passes it in ELECTRON_RENDERER_URL): its
 * origin when the app runs unpackaged and the URL is plain http to a loopback host with a port, else
 * null. A packaged app never gets one, whatever its environment says. While set, that one origin counts
 * as the app's own (isAppUrl), so its page may load, navigate, reach the dev server and call IPC.
 */
export function devRendererOrigin(raw: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || raw === undefined || raw === '') return null;
  const url = parse(raw);
  if (!url || url.protocol !== 'http:' || url.port === '' || url.username !== '' || url.password !== '') return null;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' ? url.origin : null;
}

/**
 * True for URLs on the app's own origin (or the dev server's, under `npm run dev`). Compared part by part
 * because Node gives non-special schemes an opaque origin ('null'), while Chromium, which knows the
 * scheme is standard, does not.
 */
export function isAppUrl(raw: string, devOrigin: string | null = null): boolean {
  const url = parse(raw);
  if (url === null || url.username !== '' || url.password !== '') return false;
  if (devOrigin !== null && url.origin === devOrigin) return true;
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

export interface SenderInfo {
  /** The URL of the frame that sent the IPC message (event.senderFrame.url). */
  url: string;
  /** Whether that frame is its window's top frame. */
  isMainFrame: boolean;
  /** Its window's contents id: a newer search from the same window cancels the older one. */
  window?: number;
}

/** IPC is answered only for the app's own page in its top frame: never a sub-frame, never another origin. */
export function isTrustedSender(sender: SenderInfo | null, devOrigin: string | null = null): boolean {
  return sender !== null && sender.isMainFrame && isAppUrl(sender.url, devOrigin);
}

/** Whether a navigation (will-navigate, will-frame-navigate, will-redirect) may proceed. */
export function isAllowedNavigation(raw: string, devOrigin: string | null = null): boolean {
  return isAppUrl(raw, devOrigin);
}

/**
 * A folder or file dropped on the window arrives as a navigation to its file: URL, which is denied;
 * this recovers the local path so main can offer to add it. Null for anything that is not a plain
 * local file URL (remote hosts such as file://server/share included).
 */
export function droppedPath(raw: string, platform: NodeJS.Platform = process.platform): string | null {
  const url = parse(raw);
  if (!url || url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  try {
    const path = fileURLToPath(url, { windows: platform === 'win32' });
    const trimmed = path.replace(/[\\/]+$/u, '');
    // Keep a root as it is: '/' and 'C:\' must not become '' or the drive-relative 'C:'.
    return trimmed === '' || trimmed.endsWith(':') ? path : trimmed;
  } catch {
    return null;
  }
}
