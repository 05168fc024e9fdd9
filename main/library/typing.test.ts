/** Search as you type: the word being typed is a prefix wherever it stands, so the list narrows as it grows. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle } from './article.ts';
import { searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  syncFolders(lib.db, [{ key: 'bundled', root: content }]);
});
afterAll(() => lib.cleanup());

const total = (q: string) => searchArticles(lib.db, q, { limit: 50 }).total;
const titles = (q: string) => searchArticles(lib.db, q, { limit: 200 }).results.map((r) => r.title);

describe('the word being typed', () => {
  it('is a prefix inside a quote that is not closed yet', () => {
    const typing = total('"united st');
    expect(typing).toBeGreaterThan(0);
    expect(typing).toBe(total('"united states'));
    expect(total('"united st"')).toBe(0);
  });

  it('is a prefix after a field, from its first letter', () => {
    const w = total('author:w');
    expect(w).toBeGreaterThan(0);
    expect(w).toBeGreaterThanOrEqual(total('author:wi'));
    expect(total('author:wi')).toBeGreaterThanOrEqual(total('author:wikinews'));
  });

  it('excludes by prefix after -, while it is the word being typed', () => {
    expect(titles('binance')).toContain(SEED);
    expect(titles('binance -shang')).not.toContain(SEED);
    expect(titles('binance -shanghai')).not.toContain(SEED);
  });

  it('lists the titles that begin with a single letter, with a hint to type more, across pages', () => {
    const r = searchArticles(lib.db, 'c', { limit: 10 });
    expect(r.total).toBeGreaterThan(10);
    expect(r.notice).toMatch(/titles that begin with “c”; type more letters/u);
    const all = [...r.results, ...searchArticles(lib.db, 'C', { limit: 200, offset: 10 }).results].map((x) => x.title);
    expect(all).toHaveLength(r.total);
    expect(new Set(all).size).toBe(all.length);
    for (const title of all) expect(title.normalize('NFD').toLowerCase()).toMatch(/^c/u);
    // Not the letter as a word: an article whose title does not begin with it is not listed.
    expect(all).not.toContain(SEED);
  });

  it('narrows the results as a word grows letter by letter', () => {
    const counts = ['sh', 'sha', 'shan', 'shang', 'shangh', 'shangha', 'shanghai'].map(total);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBeGreaterThan(0);
  });
});

describe('misspellings', () => {
  const first = (q: string) => searchArticles(lib.db, q, { limit: 5 });

  it('finds the seed article first for "shangai", saying what it corrected', () => {
    const r = first('shangai');
    expect(r.corrected).toEqual([{ from: 'shangai', to: 'shanghai' }]);
    expect(r.results[0]?.title).toBe(SEED);
    expect(first('shangai').total).toBe(first('shanghai').total);
  });

  it('corrects a substitution, a deletion, an insertion and a transposition', () => {
    for (const [typo, word] of [
      ['shanghqi', 'shanghai'],
      ['vacine', 'vaccine'],
      ['vaccinne', 'vaccine'],
      ['recieve', 'receive'],
    ] as const) {
      const r = first(typo);
      expect(r.corrected, typo).toEqual([{ from: typo, to: word }]);
      expect(r.total, typo).toBeGreaterThan(0);
    }
  });

  it('puts the Thunberg article first for "Greta Thunburg"', () => {
    const r = first('Greta Thunburg');
    expect(r.corrected).toContainEqual({ from: 'thunburg', to: 'thunberg' });
    expect(r.results[0]?.title).toMatch(/Greta Thunberg/u);
  });

  it('marks the corrected word in the reader', () => {
    const id = first('shangai').results[0]!.id;
    const article = getArticle(lib.db, id, 'shangai')!;
    expect(article.hits.length).toBeGreaterThan(0);
    expect(article.hits.length).toBe(getArticle(lib.db, id, 'shanghai')!.hits.length);
    // Opened from "Search instead for shangai", it marks what was typed: here nothing.
    expect(getArticle(lib.db, id, 'shangai', true)!.hits).toEqual([]);
  });

  it('searches exactly as typed when asked', () => {
    const r = searchArticles(lib.db, 'shangai', { exact: true });
    expect(r.corrected).toEqual([]);
    expect(r.total).toBe(0);
  });
});
