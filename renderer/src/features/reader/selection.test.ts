import { describe, expect, it } from 'vitest';
import { toBlockRange } from './selection';

const texts = ['  Hello brave world  ', 'Second block text'];
const textOf = (b: number) => texts[b] ?? '';

describe('toBlockRange', () => {
  it('orders the ends of a backwards selection', () => {
    expect(toBlockRange({ block: 0, offset: 13 }, { block: 0, offset: 8 }, textOf)).toEqual({ block: 0, start: 8, end: 13 });
  });

  it('trims whitespace at both ends', () => {
    expect(toBlockRange({ block: 0, offset: 0 }, { block: 0, offset: 21 }, textOf)).toEqual({ block: 0, start: 2, end: 19 });
  });

  it('keeps the part in the first block of a selection over several blocks', () => {
    expect(toBlockRange({ block: 1, offset: 6 }, { block: 0, offset: 8 }, textOf)).toEqual({ block: 0, start: 8, end: 19 });
  });

  it('returns null for an empty or whitespace-only selection', () => {
    expect(toBlockRange({ block: 0, offset: 4 }, { block: 0, offset: 4 }, textOf)).toBeNull();
    expect(toBlockRange({ block: 0, offset: 0 }, { block: 0, offset: 2 }, textOf)).toBeNull();
  });

  it('clamps offsets past the end of the block', () => {
    expect(toBlockRange({ block: 1, offset: 7 }, { block: 1, offset: 99 }, textOf)).toEqual({ block: 1, start: 7, end: 17 });
  });
});
