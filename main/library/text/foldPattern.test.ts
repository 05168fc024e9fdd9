import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { foldedPattern } from './foldPattern.ts';

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
});
