import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, placeWindow, readWindowState, writeWindowState, type Rect } from './windowState.ts';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1410 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState({ bounds: { x: 5, y: 6, width: 800, height: 600 }, isMaximized: true })).toEqual({
      bounds: { x: 5, y: 6, width: 800, height: 600 },
      isMaximized: true,
    });
  });

  it.each([
    null,
    'x',
    {},
    { bounds: { x: 1, y: 2, width: 'wide', height: 3 } },
    { bounds: { x: 1, y: 2, width: -5, height: 3 } },
    { bounds: { x: NaN, y: 0, width: 9, height: 9 } },
  ])('treats a malformed file as no saved state: %j', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred by Electron, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { ...DEFAULT_SIZE }, isMaximized: false });
  });

  it('keeps a window that is fully on a display where it was', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1000, height: 800 }, isMaximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ bounds: saved.bounds, isMaximized: false });
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1000, height: 800 }, isMaximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 220, y: 35, width: 1000, height: 800 }, isMaximized: true });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    const saved = { bounds: { x: 1400, y: 100, width: 1000, height: 600 }, isMaximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.bounds).toEqual({ x: 220, y: 135, width: 1000, height: 600 });
  });

  it('moves a window hanging over an edge fully onto its display', () => {
    const saved = { bounds: { x: 900, y: -50, width: 1000, height: 700 }, isMaximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display', () => {
    const saved = { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, isMaximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
  });

  it('picks the display holding most of the window', () => {
    const saved = { bounds: { x: 1300, y: 100, width: 1000, height: 700 }, isMaximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor]).bounds).toEqual({ x: 1440, y: 100, width: 1000, height: 700 });
  });

  it('works with displays left of or above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    const saved = { bounds: { x: -1500, y: -100, width: 800, height: 600 }, isMaximized: false };
    expect(placeWindow(saved, [laptop, left]).bounds).toEqual(saved.bounds);
  });

  it('does not restore a window smaller than the minimum', () => {
    const saved = { bounds: { x: 10, y: 10, width: 200, height: 100 }, isMaximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toMatchObject({ width: 480, height: 360 });
  });
});

describe('readWindowState and writeWindowState', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through the JSON file and leaves no temporary file', () => {
    dir = mkdtempSync(join(tmpdir(), 'offprint-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 1, y: 2, width: 900, height: 700 }, isMaximized: false };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('reads a missing or corrupt file as no saved state', () => {
    dir = mkdtempSync(join(tmpdir(), 'offprint-window-'));
    expect(readWindowState(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"bounds": {');
    expect(readWindowState(join(dir, 'bad.json'))).toBeNull();
  });
});
