/** Steps and bounds for the reading controls, within the limits main checks (common/settings.ts). */
import { FONT_SIZE, LINE_HEIGHT, PANE_WIDTH } from '../../../../common/settings';

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function stepFontSize(size: number, direction: 1 | -1): number {
  return clamp(Math.round(size) + direction * FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max);
}

/** Steps line height by a tenth, rounded so repeated steps never drift (1.6 + 0.1 is 1.7, not 1.7000000000000002). */
export function stepLineHeight(height: number, direction: 1 | -1): number {
  return clamp(Math.round((height + direction * LINE_HEIGHT.step) * 10) / 10, LINE_HEIGHT.min, LINE_HEIGHT.max);
}

/** The widest the library pane may be in a window this wide, leaving the reader room to read. */
export function maxPaneWidth(viewport: number): number {
  return clamp(viewport - PANE_WIDTH.readerMin, PANE_WIDTH.min, PANE_WIDTH.max);
}

/** The library pane width to use: the saved width, within what the window allows. */
export function clampPaneWidth(width: number, viewport: number): number {
  return clamp(Math.round(width), PANE_WIDTH.min, maxPaneWidth(viewport));
}
