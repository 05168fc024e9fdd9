import { describe, expect, it } from 'vitest';
import { clampPaneWidth, maxPaneWidth, stepFontSize, stepLineHeight, stepLineWidth } from './readingMeasures';

describe('stepFontSize', () => {
  it('steps by one pixel within 12 and 32', () => {
    expect(stepFontSize(18, 1)).toBe(19);
    expect(stepFontSize(32, 1)).toBe(32);
    expect(stepFontSize(12, -1)).toBe(12);
  });
});

describe('stepLineHeight', () => {
  it('steps by a tenth without floating-point drift', () => {
    expect(stepLineHeight(1.6, 1)).toBe(1.7);
    expect(stepLineHeight(1.7, -1)).toBe(1.6);
  });

  it('stays within 1.2 and 2.4', () => {
    expect(stepLineHeight(2.4, 1)).toBe(2.4);
    expect(stepLineHeight(1.2, -1)).toBe(1.2);
  });
});

describe('stepLineWidth', () => {
  it('steps by five characters within 40 and 100', () => {
    expect(stepLineWidth(65, 1)).toBe(70);
    expect(stepLineWidth(65, -1)).toBe(60);
    expect(stepLineWidth(100, 1)).toBe(100);
    expect(stepLineWidth(40, -1)).toBe(40);
  });

  it('lands a width between steps on the next step in the direction asked', () => {
    expect(stepLineWidth(63, 1)).toBe(65);
    expect(stepLineWidth(63, -1)).toBe(60);
    expect(stepLineWidth(67, 1)).toBe(70);
    expect(stepLineWidth(67, -1)).toBe(65);
  });
});

describe('clampPaneWidth', () => {
  it('leaves the reader at least 420 px', () => {
    expect(maxPaneWidth(800)).toBe(380);
    expect(clampPaneWidth(600, 800)).toBe(380);
  });

  it('keeps the saved width when the window is wide enough', () => {
    expect(clampPaneWidth(400, 2560)).toBe(400);
  });

  it('never goes below the minimum pane width', () => {
    expect(clampPaneWidth(100, 2560)).toBe(260);
    expect(clampPaneWidth(400, 500)).toBe(260);
  });
});
