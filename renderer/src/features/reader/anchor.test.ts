import { describe, expect, it } from 'vitest';
import { makeAnchor, QUOTE_LENGTH, resolveAnchor, scrollProgress } from './anchor';

const texts = [
  'Title line',
  'The quick brown fox jumps over the lazy dog and keeps on running far away.',
  'Second paragraph about something else entirely, with words.',
  '',
];

describe('makeAnchor', () => {
  it('quotes the text that follows the offset', () => {
    const a = makeAnchor(texts, { block: 1, offset: 4 });
    expect(a).toEqual({ block: 1, offset: 4, quote: texts[1]!.slice(4, 4 + QUOTE_LENGTH) });
  });

  it('clamps an offset past the end of the block', () => {
    expect(makeAnchor(texts, { block: 0, offset: 99 })).toEqual({ block: 0, offset: 10, quote: '' });
  });
});

describe('resolveAnchor', () => {
  it('trusts block and offset when the quote is still there', () => {
    const a = makeAnchor(texts, { block: 2, offset: 7 });
    expect(resolveAnchor(texts, a)).toEqual({ block: 2, offset: 7, isExact: true });
  });

  it('finds the quote in a nearby block when blocks were inserted before it', () => {
    const a = makeAnchor(texts, { block: 1, offset: 10 });
    const edited = ['New intro', 'Another new paragraph', ...texts];
    expect(resolveAnchor(edited, a)).toEqual({ block: 3, offset: 10, isExact: true });
  });

  it('finds the quote at a new offset when text was inserted in the block', () => {
    const a = makeAnchor(texts, { block: 1, offset: 10 });
    const edited = [...texts];
    edited[1] = `Inserted words. ${texts[1]}`;
    expect(resolveAnchor(edited, a)).toMatchObject({ block: 1, offset: 26, isExact: true });
  });

  it('falls back to the first half of the quote when its end was edited', () => {
    const a = makeAnchor(texts, { block: 1, offset: 4 });
    const edited = [...texts];
    edited[1] = 'The quick brown fox jumps high.';
    expect(resolveAnchor(edited, a)).toEqual({ block: 1, offset: 4, isExact: false });
  });

  it('falls back to the saved block, clamped, when the quote is gone', () => {
    expect(resolveAnchor(['short'], { block: 4, offset: 50, quote: 'nowhere to be found at all' })).toEqual({
      block: 0,
      offset: 5,
      isExact: false,
    });
  });

  it('never throws on an empty article', () => {
    expect(resolveAnchor([], { block: 3, offset: 1, quote: 'x' })).toEqual({ block: 0, offset: 0, isExact: false });
  });
});

describe('scrollProgress', () => {
  it('is the scrolled fraction of the scrollable height', () => {
    expect(scrollProgress(500, 2000, 1000)).toBe(0.5);
  });

  it('is 1 for an article that fits without scrolling', () => {
    expect(scrollProgress(0, 800, 800)).toBe(1);
  });

  it('stays within 0 and 1 when the scroll overshoots', () => {
    expect(scrollProgress(-20, 2000, 1000)).toBe(0);
    expect(scrollProgress(1200, 2000, 1000)).toBe(1);
  });
});
