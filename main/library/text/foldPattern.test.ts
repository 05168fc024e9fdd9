import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { foldedPattern, foldVariants, RANGES } from './foldPattern.ts';

const finds = (folded: string, text: string) => new RegExp(foldedPattern(folded), 'u').test(text);

describe('foldedPattern', () => {
  it.each([
    ['cafe', 'Café'],
    ['cafe', 'CAFÉ'],
    ['cafe', 'cafe\u0301'],
    ['zurich', 'Zürich'],
    ['gdansk', 'Gdańsk'],
    ['naive', 'naïve'],
    ['istanbul', 'İstanbul'],
    ['首都', '中国的首都是'],
    ['a.b', 'a.b'],
  ])('finds %s in %s', (folded, text) => {
    expect(finds(folded, text)).toBe(true);
  });

  it('does not find a different word', () => {
    expect(finds('cafe', 'cave')).toBe(false);
  });

  it('finds every word of a text by its folded form', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aáàâäãåeéèêëiíìîïoóòôöõuúùûüyýÿcçnñzžsšAÉÖÜÇ ') }), (text) => {
        for (const word of text.split(' ').filter(Boolean)) expect(finds(fold(word), text)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('builds its table exactly as folding every character of Unicode on its own would', () => {
    const expected = new Map<string, string>();
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const base = fold(ch);
      if ([...base].length !== 1 || base === ch) continue;
      expect(
        RANGES.some(([from, to]) => cp >= from && cp <= to),
        `U+${cp.toString(16)} folds to ${base} but is in no range`,
      ).toBe(true);
      expected.set(base, (expected.get(base) ?? '') + ch);
    }
    for (let cp = 0x41; cp <= 0x5a; cp++) {
      const upper = String.fromCharCode(cp);
      expected.set(upper.toLowerCase(), (expected.get(upper.toLowerCase()) ?? '') + upper);
    }
    expect(new Map(foldVariants())).toEqual(expected);
    expect(foldVariants().get('e')).toContain('É');
  }, 60_000);
});
