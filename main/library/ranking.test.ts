import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TERMS } from './query/parse.ts';
import { searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const wikipedia = fileURLToPath(new URL('../../test/fixtures/wikipedia-ranking/wikipedia-ranking.jsonl.gz', import.meta.url));
const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const MONARCH = 'Report indicates Mexican monarch butterfly population at ten-year high, reasons unclear';
const QUESTION = 'how many monarch butterflies spent the winter in mexico this year';

const titles = (lib: TempLibrary, q: string, limit = 20) => searchArticles(lib.db, q, { limit }).results.map((r) => r.title);

describe('ranking on the bundled library plus Wikipedia articles', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    const lines = gunzipSync(readFileSync(wikipedia)).toString('utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const a = JSON.parse(line) as { id: string; title: string; text: string };
      lib.write(`wiki/${a.id}.txt`, `${a.title}\n\n${a.text}`);
    }
    syncFolders(lib.db, [
      { key: 'bundled', root: content },
      { key: 'wiki', root: `${lib.dir}/articles/wiki` },
    ]);
  }, 60_000);
  afterAll(() => lib.cleanup());

  it('ranks the seed article, with Shanghai in its title, above long articles that say Shanghai often', () => {
    expect(titles(lib, 'shanghai')[0]).toBe(SEED);
  });

  it('ranks "Albert Einstein" first for "einstein relativity"', () => {
    expect(titles(lib, 'einstein relativity')[0]).toBe('Albert Einstein');
  });

  it('answers a question no article holds every word of, with the article that answers it in the top 3', () => {
    const r = searchArticles(lib.db, QUESTION, { limit: 10 });
    expect(r.complete).toBe(0);
    expect(r.total).toBeGreaterThan(3);
    const top3 = r.results.slice(0, 3);
    const hit = top3.find((x) => x.title === MONARCH);
    expect(hit, top3.map((x) => x.title).join(' | ')).toBeDefined();
    // Partial: it says which typed words it lacks, and only those.
    expect(hit!.missing.length).toBeGreaterThan(0);
    expect(hit!.missing).toEqual(expect.arrayContaining(['spent']));
    expect(hit!.missing).not.toContain('monarch');
    expect(hit!.matched.words).toEqual(expect.arrayContaining(['monarch', 'butterfly', 'mexico']));
    const marked = hit!.title_segments.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['monarch', 'butterfly']));
    expect(hit!.title_segments.map((s) => s.text).join('')).toBe(MONARCH);
  });

  it('says why: "vaccines" matched the article\'s word "vaccination"', () => {
    const r = searchArticles(lib.db, 'vaccines', { limit: 20 });
    expect(r.results.some((x) => x.matched.words.includes('vaccination'))).toBe(true);
    expect(r.results.every((x) => x.missing.length === 0)).toBe(true);
    // Per typed word: vaccines ← vaccination, with where it was found.
    const why = r.results.find((x) => x.matched.words.includes('vaccination'))!.matched.by_term;
    expect(why.map((t) => t.term)).toEqual(['vaccines']);
    expect(why[0]!.words).toContainEqual({ word: 'vaccination', fields: expect.arrayContaining(['body']), fragment: false });
  });
});

describe('partial matches', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    lib.write('all.txt', 'Garden notes\n\nThe heron and the otter share the pond by the willow.');
    lib.write('two.txt', 'Pond life\n\nAn otter swims in the pond every morning.');
    lib.write('one.txt', 'River birds\n\nA grey heron waits on the bank.');
    lib.write('close.txt', 'Notes one\n\nWe saw a red kite hunting over the field at noon today.');
    lib.write(
      'far.txt',
      'Notes two\n\nWe saw a red bus in town. Much later, after lunch, a long walk, and tea with friends, a kite rose over the field.',
    );
    lib.write('phrase.txt', 'Still water\n\nThe otter slept where still water meets the reeds.');
    lib.write('titled.txt', 'Heron\n\nA short page about one bird, and the otter it watches.');
    lib.write('none.txt', 'Unrelated\n\nNothing to see here at all.');
    syncFolders(lib.db, [{ key: 'k', root: `${lib.dir}/articles` }]);
  });
  afterAll(() => lib.cleanup());

  it('says per typed word which article words matched it, labelling in-word fragments', () => {
    // "tter" is in no article as a word: it is found inside "otter", which "why" says.
    const r = searchArticles(lib.db, 'heron tter', { limit: 20 });
    const garden = r.results.find((x) => x.title === 'Garden notes')!;
    expect(garden.matched.by_term).toEqual([
      { term: 'heron', words: [{ word: 'heron', fields: ['body'], fragment: false }] },
      { term: 'tter', words: [{ word: 'otter', fields: ['body'], fragment: true }] },
    ]);
    // A partial match names only the typed words it holds.
    const river = r.results.find((x) => x.title === 'River birds')!;
    expect(river.matched.by_term.map((t) => t.term)).toEqual(['heron']);
  });

  it('lists every article holding every word first, then those holding some, with total and complete counts', () => {
    const r = searchArticles(lib.db, 'heron otter pond', { limit: 20 });
    expect(r.complete).toBe(1);
    expect(r.results[0]!.title).toBe('Garden notes');
    expect(r.results[0]!.missing).toEqual([]);
    const rest = r.results.slice(1);
    expect(rest.length).toBe(r.total - 1);
    expect(rest.every((x) => x.missing.length > 0)).toBe(true);
    // Two of the three words rank above one of them.
    expect(rest.findIndex((x) => x.title === 'Pond life')).toBeLessThan(rest.findIndex((x) => x.title === 'River birds'));
    expect(rest.find((x) => x.title === 'River birds')!.missing.sort()).toEqual(['otter', 'pond']);
    expect(r.results.map((x) => x.title)).not.toContain('Unrelated');
  });

  it('pages through complete and partial matches without repeating or losing one', () => {
    const all = searchArticles(lib.db, 'heron otter pond', { limit: 50 }).results.map((x) => x.id);
    const paged = [0, 2, 4, 6].flatMap((offset) =>
      searchArticles(lib.db, 'heron otter pond', { limit: 2, offset }).results.map((x) => x.id),
    );
    expect(paged).toEqual(all.slice(0, paged.length));
  });

  it('never lets a word no article holds make the query return nothing', () => {
    const r = searchArticles(lib.db, 'heron zyzzyva', { limit: 20 });
    expect(r.complete).toBe(0);
    expect(r.total).toBeGreaterThan(0);
    expect(r.results.every((x) => x.missing.includes('zyzzyva'))).toBe(true);
  });

  it('ranks words close together above the same words scattered', () => {
    expect(titles(lib, 'red kite').slice(0, 2)).toEqual(['Notes one', 'Notes two']);
  });

  it('keeps a quoted phrase strict under relaxation', () => {
    const r = searchArticles(lib.db, '"still water" heron otter', { limit: 20 });
    expect(r.total).toBe(1);
    expect(r.results.map((x) => x.title)).toEqual(['Still water']);
    expect(r.results[0]!.missing).toEqual(['heron']);
  });

  it('keeps an excluded word strict under relaxation', () => {
    const r = searchArticles(lib.db, 'heron otter -pond', { limit: 20 });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.map((x) => x.title)).not.toEqual(expect.arrayContaining(['Garden notes']));
    expect(r.results.map((x) => x.title)).not.toContain('Pond life');
  });

  it('keeps a field filter strict under relaxation', () => {
    const r = searchArticles(lib.db, 'title:heron otter pond', { limit: 20 });
    expect(r.results.map((x) => x.title)).toEqual(['Heron']);
    expect(r.results[0]!.missing.sort()).toEqual(['pond']);
  });

  it('searches a pasted paragraph whole up to the word limit and says where it was cut', () => {
    const words = Array.from({ length: MAX_TERMS + 10 }, (_, i) => `filler${i}`);
    words[MAX_TERMS - 1] = 'heron';
    words[MAX_TERMS + 5] = 'otter';
    const r = searchArticles(lib.db, words.join(' '), { limit: 20 });
    expect(r.notice).toContain(`Only the first ${MAX_TERMS} words were used.`);
    expect(r.results.map((x) => x.title)).toContain('River birds');
    expect(r.results.every((x) => !x.matched.terms.includes('otter'))).toBe(true);
  });
});
