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
 * a file outside the protocol handlers, is cancelled. Unparseable URLs are cancelled too.
 */
const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequest(raw: string): boolean {
  try {
    return BLOCKED_PROTOCOLS.has(new URL(raw).protocol);
  } catch {
    return true;
  }
}
