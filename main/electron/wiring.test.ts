import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Facts about the thin wiring files that no unit test of a pure module can see. */
const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, dir), 'utf8') }));

describe('the Electron wiring', () => {
  it('leaves page-title-updated alone, so the open article’s document.title becomes the window title', () => {
    expect(sources.filter((s) => /\.(on|once|addListener)\(\s*'page-title-updated'/u.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('builds every BrowserWindow from windowOptions()', () => {
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/new BrowserWindow\(\s*([a-zA-Z]+)/gu)) expect(`${file}: ${m[1]}`).toBe(`${file}: windowOptions`);
    }
    expect(sources.some((s) => s.text.includes('new BrowserWindow('))).toBe(true);
  });

  it('registers both custom protocols before the app is ready', () => {
    const index = sources.find((s) => s.file === 'index.ts')?.text ?? '';
    expect(index.indexOf('registerSchemes();')).toBeGreaterThan(-1);
    expect(index.indexOf('registerSchemes();')).toBeLessThan(index.indexOf('.whenReady()'));
  });

  it('guards every webContents, sandboxes every renderer and installs the session policy', () => {
    const index = sources.find((s) => s.file === 'index.ts')?.text ?? '';
    expect(index).toContain("app.on('web-contents-created'");
    expect(index).toContain('guardContents(contents');
    expect(index).toContain('app.enableSandbox()');
    expect(index).toContain('guardSession(session.defaultSession, devOrigin)');
  });

  it('opens files with the shell in one place, and hands other programs’ requests only to launchRequest.ts', () => {
    const index = sources.find((s) => s.file === 'index.ts')?.text ?? '';
    expect(sources.flatMap((s) => [...s.text.matchAll(/shell\.openPath\(/gu)].map(() => s.file))).toEqual(['index.ts']);
    expect(index).toContain('claimSingleInstance(app, liveWindow, handleLaunch)');
    expect(index).toContain('handleLaunch(parseLaunchUrl(url))');
    expect(index).not.toMatch(/'second-instance'/u);
  });
});
