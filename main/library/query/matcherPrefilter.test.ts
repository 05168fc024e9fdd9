/** The needle-regex path of the Matcher (long texts) must find exactly what tokenizing every word finds. */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { indexMigrations } from '../db/migrations/indexMigrations.ts';
import { tokens } from '../text/fold.ts';
import { compileQuery } from './compile.ts';
import { Matcher } from './matcher.ts';
import { parseQuery } from './parse.ts';
import { queryText } from '../../../test/fuzz/queryFuzz.ts';

const db = new Database(':memory:');
migrate(db, indexMigrations);
afterAll(() => db.close());

const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xc0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x5d0, 0x5ea],
  [0x900, 0x97f],
  [0xe00, 0xe5b],
  [0x1e00, 0x1eff],
  [0x3040, 0x30ff],
  [0x4e00, 0x4e40],
  [0xf900, 0xf910],
  [0xfe00, 0xfe0f],
  [0x1d400, 0x1d420],
];
const text = fc
  .array(
    fc.constantFrom(...RANGES).chain(([a, b]) => fc.integer({ min: a, max: b })),
    { maxLength: 60 },
  )
  .map((cps) => String.fromCodePoint(...cps).normalize('NFC'));

describe('Matcher on long texts', () => {
  it('finds the same hits through the needle regex as by tokenizing every word', () => {
    fc.assert(
      fc.property(text, queryText, fc.boolean(), fc.nat(), (t, q, withFragments, pick) => {
        const toks = [...tokens(t)];
        // Half the time, query a word that is in the text, so there are hits to compare.
        const asked = toks.length > 0 && pick % 2 === 0 ? t.slice(toks[pick % toks.length]!.start, toks[pick % toks.length]!.end) : q;
        const compiled = compileQuery(db, parseQuery(asked));
        const byTokens = new Matcher(compiled, withFragments, Number.POSITIVE_INFINITY).find(t, 'body');
        const byRegex = new Matcher(compiled, withFragments, 0).find(t, 'body');
        expect(byRegex).toEqual(byTokens);
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('finds hits across a long article and stops at the limit', () => {
    const compiled = compileQuery(db, parseQuery('café "new york" 東京'));
    const article = 'Le Café de Paris. '.repeat(500) + 'A trip to New  York, then 東京タワー.';
    const m = new Matcher(compiled, false);
    const hits = m.find(article, 'body');
    expect(hits.map((h) => article.slice(h.start, h.end)).slice(-3)).toEqual(['Café', 'New  York', '東京']);
    expect(hits).toHaveLength(502);
    expect(m.find(article, 'body', 10)).toHaveLength(10);
  });
});
