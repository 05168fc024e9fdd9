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
  const listeners: (() => void)[] = [];
  return {
    requestSingleInstanceLock: vi.fn(() => hasLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: () => void) => listeners.push(listener)),
    secondLaunch: () => listeners.forEach((l) => l()),
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
