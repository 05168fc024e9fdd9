import { describe, expect, it } from 'vitest';
import { BACKGROUND, windowOptions } from './windowOptions.ts';

const base = { preload: '/app/out/preload/index.cjs', bounds: { width: 1000, height: 700 }, isDark: false, isDev: false };

describe('windowOptions', () => {
  it('isolates and sandboxes the page with Node out of reach', () => {
    const prefs = windowOptions(base).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky Chromium switch off', () => {
    const prefs = windowOptions(base).webPreferences;
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('turns off the spellchecker, which would download dictionaries', () => {
    expect(windowOptions(base).webPreferences?.spellcheck).toBe(false);
  });

  it('allows DevTools only in development', () => {
    expect(windowOptions(base).webPreferences?.devTools).toBe(false);
    expect(windowOptions({ ...base, isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden at the placed bounds, with the theme’s background so it never flashes', () => {
    const light = windowOptions({ ...base, bounds: { x: 10, y: 20, width: 900, height: 600 } });
    expect(light).toMatchObject({ show: false, x: 10, y: 20, width: 900, height: 600, backgroundColor: BACKGROUND.light });
    expect(windowOptions({ ...base, isDark: true }).backgroundColor).toBe(BACKGROUND.dark);
  });

  it('sets the icon only when there is one', () => {
    expect(windowOptions(base)).not.toHaveProperty('icon');
    expect(windowOptions({ ...base, icon: '/app/build/icon.png' }).icon).toBe('/app/build/icon.png');
  });
});
