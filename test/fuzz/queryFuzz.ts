/**
 * Generators and properties for fuzzing the search-box language against a real index. The tests run
 * them briefly with a fixed seed; `npm run fuzz` (scripts/fuzz.ts) runs them long. Test support only.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { searchArticles } from '../../main/library/search.ts';
import { syncFolders } from '../../main/library/sync.ts';
import type { TempLibrary } from '../../main/library/testing.ts';
import { compileQuery } from '../../main/library/query/compile.ts';
import { parseQuery } from '../../main/library/query/parse.ts';
import type { Database } from 'better-sqlite3';

const SYNTAX = [
  '"',
  '""',
  '"a b"',
  '-',
  '--',
  '-"',
  '(',
  ')',
  '*',
  '^',
  ':',
  '+',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  "'",
  '`',
  '\\',
  '/',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(',
  'NEAR(a b, 2)',
  'and',
  'or',
  'not',
  'title:',
  'author:',
  'body:',
  'Title:',
  '{title author}:',
  '-title:',
  'rank',
  'MATCH',
  'articles_fts',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
  '*/',
  '/*',
  '%',
  '_',
  '?',
  '?1',
  ':x',
  '@x',
  '$x',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '🎉',
  '👩‍👩‍👧',
  '❤️',
  'café',
  'CAFÉ',
  'Zürich',
  'ΟΔΟΣ',
  '東京',
  'ภาษาไทย',
  'عربي',
  'e\u0301',
  'ﬁ',
  '豈',
  '₽100',
  '1e10',
  '0x1F',
];

/** Anything a user could type or paste into the search box. */
export const queryText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', '\n')), { maxLength: 16 })
      .map((a) => a.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('"', ' ', '-', '*', '(', ')', ':', '^', 'a', 'OR ', 'NOT ', 'NEAR('), maxLength: 30 }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...SYNTAX), fc.integer({ min: 1, max: 4000 })).map(([s, n]) => s.repeat(n).slice(0, 10_240)),
  },
);

/** Runs a query through the whole search path; throws (with the query) on any error or broken invariant. */
export function checkQueryRuns(db: Database, q: string): void {
  const parsed = parseQuery(q);
  const compiled = compileQuery(db, parsed);
  for (const match of [compiled.tier1, compiled.tier2]) {
    if (match === null) continue;
    // Everything outside double-quoted strings is FTS5 syntax of ours: the user's text is always inside quotes.
    const outside = match.replace(/"(?:[^"]|"")*"/gu, '');
    if (!/^(?:[\s()*:]|AND|OR|NOT|title|author)*$/u.test(outside)) throw new Error(`unquoted text in MATCH ${JSON.stringify(match)}`);
  }
  for (const sort of ['relevance', 'date'] as const) {
    const r = searchArticles(db, q, { limit: 5, sort });
    if (!Number.isInteger(r.total) || r.total < 0 || r.results.length > 5) throw new Error(`bad response ${JSON.stringify(r)}`);
    for (const res of r.results)
      for (const seg of res.snippet) if (typeof seg.text !== 'string' || seg.text === '') throw new Error('empty snippet segment');
  }
}

/** Letters and digits from many scripts, with marks; a word never starts with "-" or holds a quote. */
const LETTER_RANGES: [number, number][] = [
  [0x61, 0x7a],
  [0x41, 0x5a],
  [0x30, 0x39],
  [0xe0, 0xff],
  [0x100, 0x17f],
  [0x3b1, 0x3c9],
  [0x391, 0x3a9],
  [0x430, 0x44f],
  [0x410, 0x42f],
  [0x5d0, 0x5ea],
  [0x627, 0x64a],
  [0x905, 0x939],
  [0xe01, 0xe2e],
  [0x10d0, 0x10f0],
  [0x1c90, 0x1cb0],
  [0x1e00, 0x1eff],
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x4e00, 0x4fff],
  [0xac00, 0xacff],
  [0xf900, 0xf9ff],
  [0xff21, 0xff3a],
];
const letter = fc
  .constantFrom(...LETTER_RANGES)
  .chain(([a, b]) => fc.integer({ min: a, max: b }))
  .map((c) => String.fromCodePoint(c));
const mark = fc.constantFrom('\u0301', '\u0308', '\u0327', '\u0336', '\u093f', '\u0e48', '\u3099', '\ufe0f', '\u05b7');
const inner = fc.constantFrom("'", '’', '-', '.', '·', '_', '@', '/', '&');
export const word: fc.Arbitrary<string> = fc
  .tuple(
    letter,
    fc.array(
      fc.oneof({ weight: 6, arbitrary: letter }, { weight: 1, arbitrary: mark }, { weight: 1, arbitrary: inner.map((p) => `${p}`) }),
      { maxLength: 9 },
    ),
    letter,
  )
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`.normalize('NFC'))
  .filter((w) => parseQuery(w).clauses.length > 0 && !/^(OR|AND|NOT|NEAR)$/u.test(w));

export interface FindCase {
  words: string[];
  /** Indexes [from, to) of words written as a quoted phrase in the query. */
  phrase: [number, number] | null;
  orWord: string | null;
}

export const findCase: fc.Arbitrary<FindCase> = fc.array(word, { minLength: 1, maxLength: 5 }).chain((words) =>
  fc.record({
    words: fc.constant(words),
    phrase: fc.option(
      fc
        .integer({ min: 0, max: words.length - 1 })
        .chain((from) => fc.integer({ min: from + 1, max: words.length }).map((to): [number, number] => [from, to])),
    ),
    orWord: fc.option(word),
  }),
);

export function queryOf(c: FindCase): string {
  const parts = c.words.map((w) => w);
  if (c.phrase) parts.splice(c.phrase[0], c.phrase[1] - c.phrase[0], `"${c.words.slice(...c.phrase).join(' ')}"`);
  if (c.orWord) parts.push('OR', c.orWord);
  return parts.join(' ');
}

const lastFile = new WeakMap<TempLibrary, { abs: string; n: number }>();

/** Writes one article holding every word of the case, indexes it in place of the last one, and checks the query finds it. */
export function checkFound(lib: TempLibrary, c: FindCase): void {
  const root = join(lib.dir, 'articles');
  const last = lastFile.get(lib);
  if (last) rmSync(last.abs, { force: true });
  const n = (last?.n ?? 0) + 1;
  const abs = lib.write(`fuzz-${n}.txt`, `Fuzz document\n\nfiller ${c.words.join(' ')} end.\n`);
  lastFile.set(lib, { abs, n });
  const report = syncFolders(lib.db, [{ key: 'fuzz', root }]);
  if (report.failed.length > 0) throw new Error(`import failed: ${JSON.stringify(report.failed)}`);
  const q = queryOf(c);
  const r = searchArticles(lib.db, q, { limit: 50 });
  if (!r.results.some((x) => x.path === abs))
    throw new Error(`query ${JSON.stringify(q)} did not find its article (${r.total} found; ${r.notice ?? 'no notice'})`);
}
