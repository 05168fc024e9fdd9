import { describe, expect, it } from 'vitest';
import { anchorer } from './highlightAnchors.ts';

const at = (block: number, offset: number) => ({ block, offset });

describe('anchorer', () => {
  const texts = ['Intro.', 'The fishing boats leave early.', 'Gulls follow them.'];

  it('trusts points whose text is still the quote', () => {
    const place = anchorer(texts);
    expect(place({ start: at(1, 4), end: at(1, 17), quote: 'fishing boats' })).toEqual({
      start: at(1, 4),
      end: at(1, 17),
      textChanged: false,
    });
  });

  it('finds a quote that moved to another block', () => {
    const place = anchorer(['New first paragraph.', ...texts]);
    expect(place({ start: at(1, 4), end: at(1, 17), quote: 'fishing boats' })).toEqual({
      start: at(2, 4),
      end: at(2, 17),
      textChanged: false,
    });
  });

  it('finds a quote over several blocks, with its ends in the right blocks', () => {
    const place = anchorer(['Added.', ...texts]);
    const found = place({ start: at(1, 18), end: at(2, 5), quote: 'leave early.\nGulls' });
    expect(found).toEqual({ start: at(2, 18), end: at(3, 5), textChanged: false });
  });

  it('finds a quote whose white space changed', () => {
    const place = anchorer(['The fishing   boats\nleave early.']);
    expect(place({ start: at(1, 4), end: at(1, 23), quote: 'fishing boats leave' })).toEqual({
      start: at(0, 4),
      end: at(0, 25),
      textChanged: false,
    });
  });

  it('takes the occurrence nearest to where the quote was', () => {
    const place = anchorer(['echo one', 'echo two', 'x', 'echo three']);
    expect(place({ start: at(3, 0), end: at(3, 4), quote: 'echo!' }).textChanged).toBe(true);
    expect(place({ start: at(0, 5), end: at(0, 9), quote: 'echo' })).toEqual({ start: at(1, 0), end: at(1, 4), textChanged: false });
    expect(place({ start: at(3, 1), end: at(3, 5), quote: 'echo' })).toEqual({ start: at(3, 0), end: at(3, 4), textChanged: false });
  });

  it('keeps the old points of a quote that is gone, marked as changed', () => {
    const place = anchorer(['Something else entirely.']);
    expect(place({ start: at(1, 4), end: at(1, 17), quote: 'fishing boats' })).toEqual({
      start: at(1, 4),
      end: at(1, 17),
      textChanged: true,
    });
  });

  it('finds a quote that repeats endlessly, and misses one that is not there', () => {
    const place = anchorer(['a'.repeat(200_000)]);
    expect(place({ start: at(0, 150_000), end: at(0, 150_010), quote: 'b'.repeat(10) }).textChanged).toBe(true);
    expect(place({ start: at(5, 0), end: at(5, 3), quote: 'aaa' })).toEqual({ start: at(0, 0), end: at(0, 3), textChanged: false });
  });
});
