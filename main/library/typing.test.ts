/** Search as you type: the word being typed is a prefix wherever it stands, so the list narrows as it grows. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('narrows the results as a word grows letter by letter', () => {
    const counts = ['sh', 'sha', 'shan', 'shang', 'shangh', 'shangha', 'shanghai'].map(total);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBeGreaterThan(0);
  });
});
