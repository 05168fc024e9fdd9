import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocabularyCounts } from './db/search.ts';
import { expansionFrom, FEEDBACK_MIN_MATCHES } from './feedback.ts';
import { idfOf } from './rerank.ts';
import { searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

/**
 * A library where a question's best matches share words it does not have: articles about volcanoes say
 * magma, lava and crater, and two articles hold only the word "erupt" of the question — one about a
 * volcano, one about a market. Plain bm25 prefers the market one (it says "erupt" twice, and is as long).
 */
let lib: TempLibrary;
const QUESTION = 'why do volcanoes erupt so violently';
const filler = (i: number) => `Entry ${i} of the survey, filed with the others.`;
beforeAll(() => {
  lib = tempLibrary();
  for (let i = 0; i < FEEDBACK_MIN_MATCHES; i++) {
    lib.write(
      `volcano${i}.md`,
      `# Volcano survey ${i}\n\nVolcanoes erupt when magma rises; lava flows from the crater and the magma chamber empties. ${filler(i)}`,
    );
  }
  lib.write('crater.md', '# Field notes\n\nThe crater may erupt again: magma under the lava cap, lava on the rim, magma rising.');
  lib.write('market.md', '# Trading notes\n\nPrices may erupt again, and erupt they will: stocks, bonds, futures, the index.');
  for (let i = 0; i < 10; i++) lib.write(`other${i}.md`, `# Other ${i}\n\nUnrelated notes on gardening. ${filler(i)}`);
  syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
});
afterAll(() => lib.cleanup());

const rankOf = (q: string, title: string) => searchArticles(lib.db, q, { limit: 50 }).results.findIndex((r) => r.title === title);

describe('pseudo-relevance feedback', () => {
  it('weighs the words that stand out in the best matches, never numbers or short words', () => {
    const texts = Array.from({ length: 5 }, (_, i) => ({
      title: `Volcano ${i}`,
      author: null,
      text: 'Magma and lava, 1883, at the crater.',
    }));
    const expansion = expansionFrom(lib.db, texts, new Set(['volcano']), 40, idfOf)!;
    const added = expansion.query.clauses.map((c) => c.terms[0]!.word);
    expect(added).toEqual(expect.arrayContaining(['magma', 'lava', 'crater']));
    expect(added).not.toContain('1883');
    expect(added).not.toContain('at');
    // The typed word is weighed again, not added as a word of its own.
    expect(added).not.toContain('volcano');
    expect(expansion.typed.get('volcano')).toBeGreaterThan(0);
    expect(expansion.weight.every((w) => w > 0)).toBe(true);
  });

  it('ranks a partial match that shares the best matches’ words above one that only repeats a typed word', () => {
    const { complete, results } = searchArticles(lib.db, QUESTION, { limit: 50 });
    expect(complete).toBe(0);
    expect(rankOf(QUESTION, 'Field notes')).toBeLessThan(rankOf(QUESTION, 'Trading notes'));
    // Feedback reorders; it adds no article without a typed word.
    expect(results.every((r) => r.title !== 'Other 1')).toBe(true);
    // "Why" names the typed words the article holds, not the words feedback added.
    const why = results.find((r) => r.title === 'Field notes')!.matched.words;
    expect(why).toContain('erupt');
    expect(why).not.toContain('magma');
  });

  it('leaves a short list alone: with few matches the best ones say nothing about the rest', () => {
    // Two matches only: plain bm25 order, the market article (erupt twice) first.
    expect(rankOf('erupt trading', 'Trading notes')).toBe(0);
  });

  it('counts words again once the library changes, on the same connection', () => {
    expect(vocabularyCounts(lib.db, ['magma']).get('magma')?.docs).toBe(FEEDBACK_MIN_MATCHES + 1);
    lib.write('more.md', '# More\n\nMagma again.');
    syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
    expect(vocabularyCounts(lib.db, ['magma']).get('magma')?.docs).toBe(FEEDBACK_MIN_MATCHES + 2);
  });
});
