import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, focusWindow, type FocusableWindow } from './singleInstance.ts';

function fakeWindow(state: { isMinimized?: boolean; isDestroyed?: boolean } = {}) {
  return {
    isDestroyed: () => state.isDestroyed ?? false,
    isMinimized: () => state.isMinimized ?? false,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  } satisfies FocusableWindow;
}

function fakeApp(hasLock: boolean) {
  const listeners: ((event: unknown, argv: string[]) => void)[] = [];
  return {
    requestSingleInstanceLock: vi.fn(() => hasLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: (event: unknown, argv: string[]) => void) => listeners.push(listener)),
    secondLaunch: (argv: string[] = ['/usr/bin/offprint']) => listeners.forEach((l) => l({}, argv)),
  };
}

describe('claimSingleInstance', () => {
  it('lets the first instance start and focuses its window when a second is launched', () => {
    const app = fakeApp(true);
    const win = fakeWindow({ isMinimized: true });
    expect(claimSingleInstance(app, () => win)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.secondLaunch();
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('quits a second instance before it opens anything', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('hands on the second launch’s offprint:// request parsed, and nothing for paths or other links', () => {
    const app = fakeApp(true);
    const onRequest = vi.fn();
    claimSingleInstance(app, () => fakeWindow(), onRequest);
    app.secondLaunch(['/usr/bin/offprint', '/home/u/book.epub']);
    app.secondLaunch(['/usr/bin/offprint', 'offprint://delete/AbC']);
    app.secondLaunch(['/usr/bin/offprint', 'offprint://import?path=/etc/passwd']);
    app.secondLaunch(['/usr/bin/offprint', 'offprint://article/AbC']);
    app.secondLaunch(['/usr/bin/offprint', 'offprint://import']);
    expect(onRequest.mock.calls).toEqual([[{ kind: 'open-article', id: 'AbC' }], [{ kind: 'show-import' }]]);
  });

  it('copes with a second launch while no window is open', () => {
    const app = fakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => app.secondLaunch()).not.toThrow();
  });
});

describe('focusWindow', () => {
  it('shows and focuses a window without restoring one that is not minimised', () => {
    const win = fakeWindow();
    expect(focusWindow(win)).toBe(true);
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('reports that there is nothing to focus when the window is gone', () => {
    expect(focusWindow(null)).toBe(false);
    expect(focusWindow(fakeWindow({ isDestroyed: true }))).toBe(false);
  });
});
