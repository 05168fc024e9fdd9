import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardContents, guardSession, type GuardedContents, type GuardedSession } from './guards.ts';

/** Just enough of WebContents: an event emitter plus the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: unknown) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.openHandler = handler;
  }
}

function navigation(url: string, isMainFrame = true) {
  const event = { url, isMainFrame, isPrevented: false, preventDefault: () => (event.isPrevented = true) };
  return event;
}

function guarded(onDroppedPath?: (path: string) => void) {
  const contents = new FakeContents();
  guardContents(contents as unknown as GuardedContents, onDroppedPath ? { onDroppedPath } : {});
  return contents;
}

describe('guardContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('registers a %s listener', (name) => {
    expect(guarded().listenerCount(name)).toBe(1);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('lets %s stay on the app origin', (name) => {
    const event = navigation('offprint://app/index.html#article');
    guarded().emit(name, event);
    expect(event.isPrevented).toBe(false);
  });

  it.each([
    ['will-navigate', 'https://evil.invalid/'],
    ['will-navigate', 'javascript:alert(1)'],
    ['will-navigate', 'offprint://app.evil/'],
    ['will-frame-navigate', 'https://evil.invalid/'],
    ['will-frame-navigate', 'offprint://app@evil/'],
    ['will-redirect', 'https://app/'],
    ['will-redirect', 'file:///etc/passwd'],
  ])('denies %s to %s', (name, url) => {
    const event = navigation(url);
    guarded().emit(name, event);
    expect(event.isPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const contents = guarded();
    expect(contents.openHandler?.({ url: 'offprint://app/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents any <webview> from attaching', () => {
    const event = navigation('about:blank');
    guarded().emit('will-attach-webview', event, {}, {});
    expect(event.isPrevented).toBe(true);
  });

  it('reports a dropped folder once, though both navigation events see it, and still denies it', async () => {
    const onDrop = vi.fn();
    const contents = guarded(onDrop);
    const first = navigation('file:///home/ada/Articles/');
    const second = navigation('file:///home/ada/Articles/');
    contents.emit('will-frame-navigate', first);
    contents.emit('will-navigate', second);
    expect(first.isPrevented && second.isPrevented).toBe(true);
    expect(onDrop).toHaveBeenCalledExactlyOnceWith(process.platform === 'win32' ? '\\home\\ada\\Articles' : '/home/ada/Articles');
    await new Promise((r) => setImmediate(r));
    contents.emit('will-navigate', navigation('file:///home/ada/Articles/'));
    expect(onDrop).toHaveBeenCalledTimes(2);
  });

  it('does not treat a sub-frame’s file: navigation as a drop', () => {
    const onDrop = vi.fn();
    const event = navigation('file:///etc/', false);
    guarded(onDrop).emit('will-frame-navigate', event);
    expect(event.isPrevented).toBe(true);
    expect(onDrop).not.toHaveBeenCalled();
  });
});

describe('guardSession', () => {
  function fakeSession() {
    const calls: {
      request?: unknown;
      check?: unknown;
      beforeRequest?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (h: unknown) => (calls.request = h),
      setPermissionCheckHandler: (h: unknown) => (calls.check = h),
      webRequest: { onBeforeRequest: (h: typeof calls.beforeRequest) => (calls.beforeRequest = h) },
    };
    guardSession(session as unknown as GuardedSession);
    return calls;
  }

  it('installs handlers that deny every permission request and check', () => {
    const calls = fakeSession();
    const callback = vi.fn();
    (calls.request as (wc: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((calls.check as () => boolean)()).toBe(false);
  });

  it('cancels network requests and lets the app’s own through', () => {
    const calls = fakeSession();
    const answer = (url: string) => {
      let result: { cancel: boolean } | undefined;
      calls.beforeRequest?.({ url }, (r) => (result = r));
      return result;
    };
    expect(answer('https://example.com/pixel.png')).toEqual({ cancel: true });
    expect(answer('offprint://app/index.html')).toEqual({ cancel: false });
  });
});
