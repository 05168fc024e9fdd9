import { describe, expect, it, vi } from 'vitest';
import { denyPermissionCheck, denyPermissionRequest, isBlockedRequest } from './policy.ts';

// Electron's permission strings (session.setPermissionRequestHandler docs), plus one it may add later.
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'some-future-permission',
];

describe('permission handlers', () => {
  it.each(PERMISSIONS)('denies the request for %s', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('isBlockedRequest', () => {
  it.each([
    'https://example.com/pixel.png',
    'http://127.0.0.1:8080/',
    'ws://evil.invalid/',
    'wss://evil.invalid/',
    'ftp://x/y',
    'file:///etc/passwd',
    '::',
  ])('cancels what would leave the app: %s', (url) => {
    expect(isBlockedRequest(url)).toBe(true);
  });

  it.each([
    'offprint://app/index.html',
    'offprint-asset://Ab_9/img.png',
    'data:image/png;base64,AAAA',
    'blob:offprint://app/1234',
    'devtools://devtools/bundled/x.html',
  ])('lets the app’s own requests through: %s', (url) => {
    expect(isBlockedRequest(url)).toBe(false);
  });

  it('lets through, under npm run dev, only the dev server’s origin and its hot-reload socket', () => {
    const dev = 'http://127.0.0.1:5173';
    for (const url of ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/@vite/client', 'ws://127.0.0.1:5173/?token=x'])
      expect(isBlockedRequest(url, dev)).toBe(false);
    for (const url of [
      'http://127.0.0.1:5174/',
      'ws://127.0.0.1:5174/',
      'http://localhost:5173/',
      'https://127.0.0.1:5173/',
      'wss://127.0.0.1:5173/',
      'http://user:pw@127.0.0.1:5173/',
      'https://example.com/pixel.png',
      'file:///etc/passwd',
    ])
      expect(isBlockedRequest(url, dev)).toBe(true);
    expect(isBlockedRequest('http://127.0.0.1:5173/')).toBe(true);
  });
});
