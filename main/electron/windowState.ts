import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where the window was and how big, remembered between runs in a small JSON file in userData. The
 * placement logic is pure: given what was saved and the displays there are now, where to open.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size always; position only when it is known to be on a display (otherwise Electron centres the window). */
export type Bounds = { width: number; height: number; x?: number; y?: number };

export interface WindowState {
  bounds: Rect;
  isMaximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
/** A window smaller than this is not worth restoring; the minimum size a user can drag to is smaller. */
const MIN_RESTORED = { width: 480, height: 360 } as const;
/** How much of the window must lie on a display for it to count as visible: enough to grab the title bar. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a parsed file; anything malformed is treated as "no saved state", never an error. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, isMaximized } = raw as { bounds?: unknown; isMaximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return {
    bounds: {
      x: Math.round(x as number),
      y: Math.round(y as number),
      width: Math.round(width as number),
      height: Math.round(height as number),
    },
    isMaximized: isMaximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Where to open the window. `workAreas` are the displays' work areas (screen.getAllDisplays()), the
 * primary one first. The saved rectangle is kept if enough of it is on some display; it is then
 * shrunk to fit that display and moved fully onto it. A window on a display that is gone (an
 * unplugged monitor) opens at its saved size, centred, on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Bounds; isMaximized: boolean } {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: area ? clamp(size.width, Math.min(MIN_RESTORED.width, area.width), area.width) : Math.max(size.width, MIN_RESTORED.width),
    height: area ? clamp(size.height, Math.min(MIN_RESTORED.height, area.height), area.height) : Math.max(size.height, MIN_RESTORED.height),
  });
  if (!saved) return { bounds: fit(DEFAULT_SIZE, primary), isMaximized: false };

  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o.width < MIN_VISIBLE.width || o.height < MIN_VISIBLE.height) continue;
    const visible = o.width * o.height;
    if (!best || visible > best.visible) best = { area, visible };
  }
  const area = best?.area ?? primary;
  const size = fit(saved.bounds, area);
  if (!area) return { bounds: size, isMaximized: saved.isMaximized };
  if (!best) {
    return {
      bounds: { ...size, x: area.x + Math.round((area.width - size.width) / 2), y: area.y + Math.round((area.height - size.height) / 2) },
      isMaximized: saved.isMaximized,
    };
  }
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
      y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
    },
    isMaximized: saved.isMaximized,
  };
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the previous state, not half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}
