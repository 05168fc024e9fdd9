import { describe, expect, it } from 'vitest';
import { toHighlightRange } from './selection';

const texts = ['  Hello brave world  ', 'Second block text', '   ', 'to serve American interests', '東京都に住んでいます'];
const textOf = (b: number) => texts[b] ?? '';
const at = (block: number, offset: number) => ({ block, offset });

describe('toHighlightRange', () => {
  it('orders the ends of a backwards selection', () => {
    expect(toHighlightRange(at(0, 13), at(0, 8), textOf)).toEqual({ start: at(0, 8), end: at(0, 13) });
  });

  it('trims whitespace at both ends', () => {
    expect(toHighlightRange(at(0, 0), at(0, 21), textOf)).toEqual({ start: at(0, 2), end: at(0, 19) });
  });

  it('keeps a selection over several blocks whole, in either direction', () => {
    expect(toHighlightRange(at(1, 6), at(0, 8), textOf)).toEqual({ start: at(0, 8), end: at(1, 6) });
    expect(toHighlightRange(at(0, 8), at(3, 8), textOf)).toEqual({ start: at(0, 8), end: at(3, 8) });
  });

  it('leaves out blocks of only white space at either end', () => {
    expect(toHighlightRange(at(1, 13), at(2, 3), textOf)).toEqual({ start: at(1, 13), end: at(1, 17) });
    expect(toHighlightRange(at(2, 1), at(3, 5), textOf)).toEqual({ start: at(3, 0), end: at(3, 8) });
    expect(toHighlightRange(at(0, 19), at(2, 2), textOf)).toEqual({ start: at(1, 0), end: at(1, 17) });
  });

  it('snaps an end inside a word to the whole word', () => {
    expect(toHighlightRange(at(3, 3), at(3, 14), textOf)).toEqual({ start: at(3, 3), end: at(3, 17) });
    expect(toHighlightRange(at(3, 5), at(3, 8), textOf)).toEqual({ start: at(3, 3), end: at(3, 8) });
    expect(toHighlightRange(at(0, 10), at(1, 9), textOf)).toEqual({ start: at(0, 8), end: at(1, 12) });
  });

  it('does not move ends that are already between words', () => {
    expect(toHighlightRange(at(3, 9), at(3, 17), textOf)).toEqual({ start: at(3, 9), end: at(3, 17) });
  });

  it('snaps to words in a script without spaces', () => {
    const r = toHighlightRange(at(4, 1), at(4, 2), textOf);
    expect(r).not.toBeNull();
    expect(r!.start.offset).toBe(0);
    expect(r!.end.offset).toBeGreaterThanOrEqual(2);
    expect(r!.end.offset).toBeLessThan(texts[4]!.length);
  });

  it('returns null for an empty or whitespace-only selection', () => {
    expect(toHighlightRange(at(0, 4), at(0, 4), textOf)).toBeNull();
    expect(toHighlightRange(at(0, 0), at(0, 2), textOf)).toBeNull();
    expect(toHighlightRange(at(2, 0), at(2, 3), textOf)).toBeNull();
  });

  it('clamps offsets past the end of the block', () => {
    expect(toHighlightRange(at(1, 7), at(1, 99), textOf)).toEqual({ start: at(1, 7), end: at(1, 17) });
  });
});
