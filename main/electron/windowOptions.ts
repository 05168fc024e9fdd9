import type { BrowserWindowConstructorOptions } from 'electron';
import type { Bounds } from './windowState.ts';

export interface WindowInputs {
  /** The built preload script (out/preload/index.cjs). */
  preload: string;
  bounds: Bounds;
  isDark: boolean;
  /** DevTools only in development; the packaged app has no way to open them. */
  isDev: boolean;
  icon?: string | undefined;
}

export const MIN_WIDTH = 480;
export const MIN_HEIGHT = 360;

/** Matches the renderer's light and dark page colours, so the window never flashes white before it paints. */
export const BACKGROUND = { light: '#faf9f6', dark: '#1c1c1e' } as const;

/**
 * The one place a window's options are written: every BrowserWindow in the app is built from this, and
 * lint forbids `webPreferences` literals anywhere else. Each preference below is the secure value
 * spelled out, even where it is Electron's default, so a reader and a test can see it.
 */
export function windowOptions(inputs: WindowInputs): BrowserWindowConstructorOptions {
  return {
    ...inputs.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Offprint',
    backgroundColor: inputs.isDark ? BACKGROUND.dark : BACKGROUND.light,
    ...(inputs.icon ? { icon: inputs.icon } : {}),
    webPreferences: {
      preload: inputs.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Dropped folders become a (denied) file: navigation that main turns into "Add this folder?".
      navigateOnDragDrop: true,
      // Chromium's spellchecker downloads dictionaries; the app makes no network requests.
      spellcheck: false,
      safeDialogs: true,
      devTools: inputs.isDev,
    },
  };
}
