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
 * True for URLs on the app's own origin. Compared part by part because Node gives non-special
 * schemes an opaque origin ('null'), while Chromium, which knows the scheme is standard, does not.
 */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

export interface SenderInfo {
  /** The URL of the frame that sent the IPC message (event.senderFrame.url). */
  url: string;
  /** Whether that frame is its window's top frame. */
  isMainFrame: boolean;
}

/** IPC is answered only for the app's own page in its top frame: never a sub-frame, never another origin. */
export function isTrustedSender(sender: SenderInfo | null): boolean {
  return sender !== null && sender.isMainFrame && isAppUrl(sender.url);
}

/** Whether a navigation (will-navigate, will-frame-navigate, will-redirect) may proceed. */
export function isAllowedNavigation(raw: string): boolean {
  return isAppUrl(raw);
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
