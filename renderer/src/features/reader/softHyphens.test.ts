import { describe, expect, it } from 'vitest';
import { plainLength, SHY, toDomOffset, toPlainOffset, withoutSoftHyphens } from './softHyphens';

const dom = `beau${SHY}ti${SHY}ful gar${SHY}den`;
const plain = 'beautiful garden';

describe('soft hyphens', () => {
  it('count no part of the plain text', () => {
    expect(plainLength(dom)).toBe(plain.length);
    expect(withoutSoftHyphens(dom)).toBe(plain);
  });

  it('map every DOM offset to the plain offset of the same character and back', () => {
    for (let p = 0; p <= plain.length; p++) {
      const d = toDomOffset(dom, p);
      expect(toPlainOffset(dom, d)).toBe(p);
      if (p < plain.length) expect(dom[d]).toBe(plain[p]);
    }
  });

  it('put an offset just after a soft hyphen on the next letter', () => {
    // "beau" + SHY: DOM offsets 4 (before the hyphen) and 5 (after it) are both plain offset 4.
    expect(toPlainOffset(dom, 4)).toBe(4);
    expect(toPlainOffset(dom, 5)).toBe(4);
    expect(toDomOffset(dom, 4)).toBe(5);
  });
});
