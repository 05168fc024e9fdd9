/** Steps and bounds for the reading controls, within the limits main checks (common/settings.ts). */
import { FONT_SIZE, LINE_HEIGHT, LINE_WIDTH, PANE_WIDTH } from '../../../../common/settings';

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function stepFontSize(size: number, direction: 1 | -1): number {
  return clamp(Math.round(size) + direction * FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max);
}

/** Steps line height by a tenth, rounded so repeated steps never drift (1.6 + 0.1 is 1.7, not 1.7000000000000002). */
export function stepLineHeight(height: number, direction: 1 | -1): number {
  return clamp(Math.round((height + direction * LINE_HEIGHT.step) * 10) / 10, LINE_HEIGHT.min, LINE_HEIGHT.max);
}

/** Steps the measure to the next multiple of the step, so a width saved between steps lands back on the grid. */
export function stepLineWidth(width: number, direction: 1 | -1): number {
  const onGrid = Math.round(width / LINE_WIDTH.step) * LINE_WIDTH.step;
  const next = onGrid === width || Math.sign(onGrid - width) !== direction ? onGrid + direction * LINE_WIDTH.step : onGrid;
  return clamp(next, LINE_WIDTH.min, LINE_WIDTH.max);
}

/** The widest the library pane may be in a window this wide, leaving the reader room to read. */
export function maxPaneWidth(viewport: number): number {
  return clamp(viewport - PANE_WIDTH.readerMin, PANE_WIDTH.min, PANE_WIDTH.max);
}

/** The library pane width to use: the saved width, within what the window allows. */
export function clampPaneWidth(width: number, viewport: number): number {
  return clamp(Math.round(width), PANE_WIDTH.min, maxPaneWidth(viewport));
}
