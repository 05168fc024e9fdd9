import { describe, expect, it, vi } from 'vitest';
import type { IndexStatus, SavedSettings } from '../../common/contract.ts';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { IDLE_STATUS } from '../library/indexer.ts';
import { routeEvent, taskbarProgress, themeSourceFor, type EventSink } from './events.ts';

const status = (s: Partial<IndexStatus>): IndexStatus => ({ ...IDLE_STATUS, ...s });
const settings: SavedSettings = { ...DEFAULT_SETTINGS, theme: 'dark', paneWidth: 320, revision: 1 };

function sink() {
  return {
    send: vi.fn<EventSink['send']>(),
    setProgress: vi.fn<EventSink['setProgress']>(),
    setThemeSource: vi.fn<EventSink['setThemeSource']>(),
  };
}

describe('themeSourceFor', () => {
  it('follows the OS unless the user chose a theme', () => {
    expect(themeSourceFor('system')).toBe('system');
    expect(themeSourceFor('light')).toBe('light');
    expect(themeSourceFor('sepia')).toBe('light');
    expect(themeSourceFor('dark')).toBe('dark');
  });
});

describe('taskbarProgress', () => {
  it('shows the fraction done while indexing', () => {
    expect(taskbarProgress(status({ state: 'indexing', done: 30, total: 120 }))).toBe(0.25);
  });

  it('shows an indeterminate bar while the total is unknown', () => {
    expect(taskbarProgress(status({ state: 'indexing', done: 0, total: 0 }))).toBe(2);
  });

  it('never goes past full', () => {
    expect(taskbarProgress(status({ state: 'indexing', done: 130, total: 120 }))).toBe(1);
  });

  it('removes the bar when idle or failed', () => {
    expect(taskbarProgress(status({ state: 'idle', done: 120, total: 120 }))).toBe(-1);
    expect(taskbarProgress(status({ state: 'error', done: 3, total: 120 }))).toBe(-1);
  });
});

describe('routeEvent', () => {
  it('sends every event to the page', () => {
    const s = sink();
    routeEvent(s, 'library.changed', { articles: 5 });
    routeEvent(s, 'menu.command', { command: 'back' });
    expect(s.send.mock.calls).toEqual([
      ['library.changed', { articles: 5 }],
      ['menu.command', { command: 'back' }],
    ]);
    expect(s.setProgress).not.toHaveBeenCalled();
    expect(s.setThemeSource).not.toHaveBeenCalled();
  });

  it('puts indexing progress on the taskbar', () => {
    const s = sink();
    routeEvent(s, 'index.changed', status({ state: 'indexing', done: 1, total: 4 }));
    expect(s.setProgress).toHaveBeenCalledWith(0.25);
    expect(s.send).toHaveBeenCalledOnce();
  });

  it('applies a changed theme to the window chrome', () => {
    const s = sink();
    routeEvent(s, 'settings.changed', settings);
    expect(s.setThemeSource).toHaveBeenCalledWith('dark');
  });
});
