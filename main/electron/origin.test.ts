import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, devRendererOrigin, droppedPath, isAllowedNavigation, isAppUrl, isTrustedSender, schemeOf } from './origin.ts';

describe('isAppUrl and isAllowedNavigation', () => {
  it.each([
    APP_ENTRY_URL,
    'offprint://app/',
    'offprint://app/assets/index.js',
    'offprint://app/index.html#reader',
    'offprint://app/asset/Ab_9/img.png',
  ])('accepts the app’s own origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'offprint://app.evil/index.html',
    'offprint://app@evil/index.html',
    'offprint://user:pw@app/index.html',
    'offprint://evil/app/index.html',
    'offprint://app.evil',
    'https://app/index.html',
    'http://app/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'offprint-asset://abc/x.png',
    'data:text/html,<script>1</script>',
    'about:blank',
    'offprint:app/index.html',
    '',
    'not a url',
  ])('refuses anything else: %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('devRendererOrigin (npm run dev)', () => {
  it.each([
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['http://127.0.0.1:49152/index.html', 'http://127.0.0.1:49152'],
  ])('takes electron-vite’s loopback dev server from an unpackaged app: %s', (raw, origin) => {
    expect(devRendererOrigin(raw, false)).toBe(origin);
  });

  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173/'])('never gives a packaged app one: %s', (raw) => {
    expect(devRendererOrigin(raw, true)).toBeNull();
  });

  it.each([
    undefined,
    '',
    'https://localhost:5173/',
    'http://192.168.1.2:5173/',
    'http://example.com:5173/',
    'http://localhost.evil:5173/',
    'http://127.0.0.1.evil:5173/',
    'http://user:pw@localhost:5173/',
    'http://localhost/',
    'ws://localhost:5173/',
    'file:///tmp/index.html',
    'offprint://app/index.html',
    'not a url',
  ])('refuses anything but plain http to a loopback host with a port: %s', (raw) => {
    expect(devRendererOrigin(raw, false)).toBeNull();
  });

  it('makes that one origin the app’s, for pages, navigation and IPC, and nothing more', () => {
    const dev = 'http://127.0.0.1:5173';
    for (const url of ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/src/main.tsx', APP_ENTRY_URL]) {
      expect(isAppUrl(url, dev)).toBe(true);
      expect(isAllowedNavigation(url, dev)).toBe(true);
      expect(isTrustedSender({ url, isMainFrame: true }, dev)).toBe(true);
    }
    for (const url of [
      'http://127.0.0.1:5174/',
      'http://localhost:5173/',
      'https://127.0.0.1:5173/',
      'http://user@127.0.0.1:5173/',
      'http://evil.invalid/',
    ]) {
      expect(isAppUrl(url, dev)).toBe(false);
      expect(isAllowedNavigation(url, dev)).toBe(false);
      expect(isTrustedSender({ url, isMainFrame: true }, dev)).toBe(false);
    }
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/', isMainFrame: false }, dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page in its top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it('refuses a sub-frame even on the app origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it.each([
    'https://evil.invalid/',
    'file:///tmp/x.html',
    'offprint://app.evil/',
    'offprint://app@evil/',
    'about:blank',
    'devtools://devtools/bundled/x.html',
  ])('refuses a top frame on another origin: %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a request whose frame is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('droppedPath', () => {
  it('turns a dropped folder’s file: URL into its path without the trailing slash', () => {
    expect(droppedPath('file:///home/ada/Articles/', 'linux')).toBe('/home/ada/Articles');
    expect(droppedPath('file:///home/ada/My%20Articles', 'linux')).toBe('/home/ada/My Articles');
  });

  it('keeps a root as it is', () => {
    expect(droppedPath('file:///', 'linux')).toBe('/');
  });

  it('reads Windows drive paths on Windows', () => {
    expect(droppedPath('file:///C:/Users/Ada/Articles/', 'win32')).toBe('C:\\Users\\Ada\\Articles');
  });

  it.each(['https://example.com/x', 'offprint://app/', 'javascript:alert(1)', 'file://server/share/folder', 'nonsense'])(
    'ignores what is not a local file: %s',
    (url) => {
      expect(droppedPath(url, 'linux')).toBeNull();
    },
  );
});

describe('schemeOf', () => {
  it('gives only the scheme, for logs', () => {
    expect(schemeOf('https://example.com/secret-search?q=x')).toBe('https:');
    expect(schemeOf('%%%')).toBe('unparseable');
    expect(schemeOf(undefined)).toBeNull();
  });
});
