import { describe, expect, it } from 'vitest';
import { pagesFor } from './pages';

describe('pagesFor', () => {
  it('covers a range that crosses a page boundary', () => {
    expect(pagesFor(95, 130, 10_000, 100)).toEqual([0, 1]);
  });

  it('clamps to the last row', () => {
    expect(pagesFor(9_990, 10_050, 10_000, 100)).toEqual([99]);
  });

  it('returns nothing for an empty library or an empty range', () => {
    expect(pagesFor(0, 10, 0)).toEqual([]);
    expect(pagesFor(10, 5, 100)).toEqual([]);
  });
});
