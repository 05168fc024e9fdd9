import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBroad, searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

const N = 6000;
let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  for (let i = 0; i < N; i++) {
    const title = i % 500 === 0 ? `The story number ${i}` : `Entry ${i}`;
    const body = i % 3 === 0 ? `Plain words for entry ${i} only, with zebra.` : `Here is the text of entry ${i}.`;
    lib.write(`d${Math.floor(i / 1000)}/${i}.txt`, `${title}\n\n${body}`);
  }
  syncFolders(lib.db, [{ key: 'k', root: `${lib.dir}/articles` }]);
}, 120_000);
afterAll(() => lib.cleanup());

describe('a broad query (a word in most articles)', () => {
  it('is recognised as broad', () => {
    expect(isBroad(lib.db, 4000)).toBe(true);
    expect(isBroad(lib.db, 100)).toBe(false);
  });

  it('counts every match and puts the articles with the word in their title first', () => {
    const r = searchArticles(lib.db, 'the', { limit: 20 });
    expect(r.total).toBe(N - N / 3 + N / 500 / 3);
    const titled = r.results.filter((x) => /^The story/.test(x.title)).length;
    expect(titled).toBe(N / 500);
    expect(r.results.slice(0, titled).every((x) => /^The story/.test(x.title))).toBe(true);
  });

  it('pages through all matches without repeating one', () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < 100; offset += 20) {
      for (const x of searchArticles(lib.db, 'the', { limit: 20, offset }).results) {
        expect(seen.has(x.id)).toBe(false);
        seen.add(x.id);
      }
    }
    expect(seen.size).toBe(100);
  });

  it('still honours an excluded word', () => {
    const r = searchArticles(lib.db, 'the -story', { limit: 50 });
    expect(r.results.some((x) => /story/i.test(x.title))).toBe(false);
    expect(r.total).toBe(N - N / 3 - N / 500 + N / 500 / 3);
  });

  it('treats a fragment inside words that is in most articles as broad too, and pages through it', () => {
    // "ntry" is only inside "entry": no word matches, every match is a fragment match.
    const first = searchArticles(lib.db, 'ntry', { limit: 20 });
    expect(first.total).toBe(N);
    const second = searchArticles(lib.db, 'ntry', { limit: 20, offset: 20 });
    const ids = [...first.results, ...second.results].map((x) => x.id);
    expect(new Set(ids).size).toBe(40);
    expect([...first.results, ...second.results].every((x) => /entry/i.test(x.title + x.snippet.map((g) => g.text).join('')))).toBe(true);
  });
});
