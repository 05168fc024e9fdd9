/**
 * Session policy as plain functions. Offprint needs no camera, microphone, notifications, geolocation,
 * clipboard-read, MIDI, HID, serial or anything else a permission guards, and Electron approves
 * every request by default (security checklist #5), so both handlers say no to everything.
 */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * The app loads nothing from the network (checklist #1): the UI comes from offprint://app and article
 * images from offprint-asset:// or the app origin. Any request that would leave the machine, or read
 * a file outside the protocol handlers, is cancelled. Unparseable URLs are cancelled too. Under
 * `npm run dev` (devOrigin, see origin.ts devRendererOrigin) the loopback dev server is the exception:
 * its own origin over http, and its hot-reload socket over ws on the same host and port.
 */
const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequest(raw: string, devOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return true;
  }
  if (devOrigin !== null && url.username === '' && url.password === '') {
    if (url.protocol === 'http:' && url.origin === devOrigin) return false;
    if (url.protocol === 'ws:' && url.host === new URL(devOrigin).host) return false;
  }
  return BLOCKED_PROTOCOLS.has(url.protocol);
}
