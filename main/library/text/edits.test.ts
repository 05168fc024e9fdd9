import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, deletesOf, editDistance, oneDeletes } from './edits.ts';

describe('edit distance', () => {
  it('counts a substitution, a deletion, an insertion and an adjacent transposition as one edit each', () => {
    expect(editDistance('shanghai', 'shangkai', 2)).toBe(1);
    expect(editDistance('shanghai', 'shangai', 2)).toBe(1);
    expect(editDistance('vaccine', 'vacccine', 2)).toBe(1);
    expect(editDistance('receive', 'recieve', 2)).toBe(1);
    expect(editDistance('thunberg', 'thunburg', 2)).toBe(1);
    expect(editDistance('abcd', 'abcd', 1)).toBe(0);
  });

  it('stops at max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and zero only for equal words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b, 3);
        expect(editDistance(b, a, 3)).toBe(d);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('what gets corrected', () => {
  it('allows 1 edit from 4 to 7 letters, 2 from 8, and none for short words, digits or CJK', () => {
    expect(allowedEdits('vacine')).toBe(1);
    expect(allowedEdits('shangai')).toBe(1);
    expect(allowedEdits('thunburg')).toBe(2);
    expect(allowedEdits('cat')).toBe(0);
    expect(allowedEdits('2024')).toBe(0);
    expect(allowedEdits('東京都庁')).toBe(0);
    expect(allowedEdits('москва')).toBe(1);
    // Longer than any stored word plus two edits: nothing can be near, and its deletions would be n² strings.
    expect(allowedEdits('match'.repeat(200))).toBe(0);
    expect(allowedEdits('a'.repeat(25))).toBe(2);
  });

  it('stores every one-letter deletion of a correctable word, once', () => {
    expect(deletesOf('book').sort()).toEqual(['bok', 'boo', 'ook']);
    expect(deletesOf('cat')).toEqual([]);
    expect(oneDeletes('aab').sort()).toEqual(['aa', 'ab']);
  });
});
