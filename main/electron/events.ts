import type { EventName, Events, IndexStatus, Theme } from '../../common/contract.ts';

/**
 * What the desktop does with the services' events, as plain functions over a small sink, so the
 * routing is tested without Electron: every event goes to the page, indexing progress also to the
 * taskbar, and the theme setting to nativeTheme.
 */
export type ThemeSource = 'system' | 'light' | 'dark';

/** 'system' follows the OS; sepia is a light theme as far as the window chrome is concerned. */
export function themeSourceFor(theme: Theme): ThemeSource {
  switch (theme) {
    case 'system':
      return 'system';
    case 'light':
    case 'sepia':
      return 'light';
    case 'dark':
      return 'dark';
    default:
      return theme satisfies never;
  }
}

/**
 * The taskbar/dock progress for an index status, in BrowserWindow.setProgressBar's terms: a fraction
 * while indexing, 2 (indeterminate) while the total is not yet known, -1 (no bar) otherwise.
 */
export function taskbarProgress(status: IndexStatus): number {
  if (status.state !== 'indexing') return -1;
  if (status.total <= 0) return 2;
  return Math.min(1, Math.max(0, status.done / status.total));
}

export interface EventSink {
  send: <E extends EventName>(event: E, payload: Events[E]) => void;
  setProgress: (progress: number) => void;
  setThemeSource: (source: ThemeSource) => void;
}

export function routeEvent<E extends EventName>(sink: EventSink, event: E, payload: Events[E]): void {
  sink.send(event, payload);
  if (event === 'index.changed') sink.setProgress(taskbarProgress(payload as Events['index.changed']));
  else if (event === 'settings.changed') sink.setThemeSource(themeSourceFor((payload as Events['settings.changed']).theme));
}
