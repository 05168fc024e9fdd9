import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markTermsStale } from '../db/terms.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { fold, indexText, tokens } from '../text/fold.ts';
import { compileQuery, type CompiledQuery, type CompiledTerm } from './compile.ts';
import { Matcher, type Hit, type TextField } from './matcher.ts';
import { parseQuery } from './parse.ts';
import { queryText } from '../../../test/fuzz/queryFuzz.ts';

let lib: TempLibrary;
/** A bare FTS5 table configured like the index, to compare the matcher with what FTS5 matches. */
const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE f USING fts5(title, author, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
beforeAll(() => {
  lib = tempLibrary();
  // The texts matched here are not in this library: its vocabulary cannot spell out their prefixes,
  // so the queries keep FTS5's own prefix form, which is what the matcher must agree with.
  markTermsStale(lib.db);
});
afterAll(() => {
  lib.cleanup();
  fts.close();
});

const matcher = (q: string, withFragments = false) => new Matcher(compileQuery(lib.db, parseQuery(q)), withFragments);
const slices = (text: string, q: string, field: 'body' | 'title' = 'body') =>
  matcher(q)
    .find(text, field)
    .map((h) => text.slice(h.start, h.end));
function ftsMatches(text: string, match: string): boolean {
  fts.exec('DELETE FROM f');
  fts.prepare('INSERT INTO f (rowid, title, author, body) VALUES (1, ?, ?, ?)').run('', '', indexText(text));
  return (fts.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?').get(match) as { n: number }).n > 0;
}

/** The plain definition of a hit: tokenize the whole text, and at each token try the terms in order. */
function referenceHits(query: CompiledQuery, withFragments: boolean, text: string, field: TextField): Hit[] {
  const terms = query.clauses.filter((c) => !c.isNegated).flatMap((c) => c.terms);
  const applies = (t: CompiledTerm) => t.field === null || t.field === field;
  const toks = [...tokens(text)];
  const hits: Hit[] = [];
  for (let i = 0, covered = -1; i < toks.length; i++) {
    const tok = toks[i]!;
    if (tok.start < covered) continue;
    const exact = terms.findIndex(
      (t) => !t.sequence && applies(t) && [t.word, ...t.variants, ...(withFragments ? t.fragments : [])].includes(tok.term),
    );
    let hit: Hit | null = exact === -1 ? null : { start: tok.start, end: tok.end, term: exact };
    for (let ti = 0; !hit && ti < terms.length; ti++) {
      const t = terms[ti]!;
      if (!applies(t)) continue;
      if (t.sequence) {
        const seq = t.sequence;
        const fits =
          seq.length > 0 &&
          i + seq.length <= toks.length &&
          seq.every((w, k) => toks[i + k]!.term === w || (k === seq.length - 1 && !t.source.isPhrase && toks[i + k]!.term.startsWith(w)));
        if (fits) hit = { start: tok.start, end: toks[i + seq.length - 1]!.end, term: ti };
      } else if (tok.term === t.word || (t.isPrefix && tok.term.startsWith(t.word))) hit = { start: tok.start, end: tok.end, term: ti };
    }
    if (hit) {
      hits.push(hit);
      covered = hit.end;
    }
  }
  return hits;
}

const CHAR_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xc0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x5d0, 0x5ea],
  [0x600, 0x6ff],
  [0x900, 0x97f],
  [0xe00, 0xe5b],
  [0x1c90, 0x1cbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x3000, 0x30ff],
  [0x4e00, 0x4e40],
  [0xac00, 0xac20],
  [0xf900, 0xf910],
  [0xfe00, 0xfe0f],
  [0x1f300, 0x1f320],
];
const text = fc
  .array(
    fc.constantFrom(...CHAR_RANGES).chain(([a, b]) => fc.integer({ min: a, max: b })),
    { maxLength: 40 },
  )
  .map((cps) => String.fromCodePoint(...cps).normalize('NFC'));

describe('Matcher', () => {
  it('marks exact words, accent- and case-folded', () => {
    expect(slices('The Café in Zürich serves CAFÉ crème.', 'cafe zurich')).toEqual(['Café', 'Zürich', 'CAFÉ']);
  });

  it('marks words holding characters that normalization never recomposes', () => {
    // U+095A (precomposed nukta letter) and U+FB2A (Hebrew presentation form) fold to two code points each.
    expect(slices('in \u095Aal here', '\u095Aal')).toEqual(['\u095Aal']);
    expect(slices('in \u0917\u093Cal here', '\u095Aal')).toEqual(['\u0917\u093Cal']);
    expect(slices('a \uFB2A\u05DC\u05D5\u05DD b', '\uFB2A\u05DC\u05D5\u05DD')).toEqual(['\uFB2A\u05DC\u05D5\u05DD']);
    expect(slices('x \u1EC0\u0301\u095D y', '\u1EC0\u0301\u095D')).toEqual(['\u1EC0\u0301\u095D']);
  });

  it('marks words that begin with a query word of two letters or more, but not one letter', () => {
    expect(slices('Runners run; a rerun.', 'run')).toEqual(['Runners', 'run']);
    expect(slices('a ab abc', 'a')).toEqual(['a']);
  });

  it('marks a phrase only where its words are adjacent, and an open sequence with a prefix at its end', () => {
    expect(slices('new car, new york, New Yorker', '"new york"')).toEqual(['new york']);
    expect(slices('state-of-the-art and state of the arts', 'state-of-the-art')).toEqual(['state-of-the-art', 'state of the arts']);
  });

  it('marks CJK runs as one hit', () => {
    expect(slices('東京タワーと京都', '東京')).toEqual(['東京']);
  });

  it('marks field terms only in their field and never marks excluded words', () => {
    expect(slices('Cafe', 'title:cafe', 'body')).toEqual([]);
    expect(slices('Cafe', 'title:cafe', 'title')).toEqual(['Cafe']);
    expect(slices('cafe zurich', 'cafe -zurich')).toEqual(['cafe']);
  });

  it('marks fragments inside words only when asked to', () => {
    lib.write('m.txt', 'T\n\nmountain');
    syncFolders(lib.db, [{ key: 'm', root: join(lib.dir, 'articles') }]);
    const q = compileQuery(lib.db, parseQuery('unt'));
    expect(new Matcher(q, false).find('a mountain', 'body')).toEqual([]);
    expect(new Matcher(q, true).find('a mountain', 'body')).toEqual([{ start: 2, end: 10, term: 0 }]);
  });

  it('gives hits inside the text, in order, not overlapping, on whole tokens, with a valid term', () => {
    fc.assert(
      fc.property(text, queryText, (t, q) => {
        const m = matcher(q, true);
        const starts = new Set<number>();
        const ends = new Set<number>();
        for (const tok of tokens(t)) {
          starts.add(tok.start);
          ends.add(tok.end);
        }
        let last = 0;
        for (const h of m.find(t, 'body')) {
          expect(h.start).toBeGreaterThanOrEqual(last);
          expect(h.end).toBeGreaterThan(h.start);
          expect(h.end).toBeLessThanOrEqual(t.length);
          expect(starts.has(h.start) && ends.has(h.end)).toBe(true);
          expect(m.terms[h.term]).toBeDefined();
          last = h.end;
        }
      }),
      { seed: 31, numRuns: 800 },
    );
  });

  it('marks a word of the text exactly when FTS5 matches the text for it', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (t, pick, quoted) => {
        const toks = [...tokens(t)];
        fc.pre(toks.length > 0);
        const tok = toks[pick % toks.length]!;
        const raw = t.slice(tok.start, tok.end);
        const compiled = compileQuery(lib.db, parseQuery(quoted ? `"${raw}"` : raw));
        fc.pre(compiled.tier1 !== null);
        expect(new Matcher(compiled, false).find(t, 'body').length > 0).toBe(ftsMatches(t, compiled.tier1!));
      }),
      { seed: 37, numRuns: 800 },
    );
  });

  it('marks a Latin word for the beginning of it exactly when FTS5 matches its prefix', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'abcdeéèüßøœ ÀÉ.-'), maxLength: 30 });
    markTermsStale(lib.db);
    fc.assert(
      fc.property(latin, fc.nat(), fc.nat(), (t, pick, cut) => {
        const toks = [...tokens(t)];
        fc.pre(toks.length > 0);
        const tok = toks[pick % toks.length]!;
        const raw = t.slice(tok.start, tok.end);
        const q = [...raw].slice(0, 1 + (cut % [...raw].length)).join('');
        const compiled = compileQuery(lib.db, parseQuery(q));
        fc.pre(compiled.tier1 !== null);
        expect(new Matcher(compiled, false).find(t, 'body').length > 0).toBe(ftsMatches(t, compiled.tier1!));
      }),
      { seed: 41, numRuns: 600 },
    );
  });

  it('finds the same hits as tokenizing the whole text and trying every term at every token', () => {
    const fromText = fc
      .tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', '"', '-', 'title:')), { minLength: 1, maxLength: 3 }))
      .map(([t, picks]) => {
        const toks = [...tokens(t)];
        const q = picks
          .map(([i, cut, prefix]) => {
            const tok = toks[i % Math.max(1, toks.length)];
            const chars = tok ? [...t.slice(tok.start, tok.end)] : ['x'];
            const word = chars.slice(0, 1 + (cut % chars.length)).join('');
            return prefix === '"' ? `"${word}"` : prefix + word;
          })
          .join(' ');
        return { t, q };
      });
    const anyQuery = fc.tuple(text, queryText).map(([t, q]) => ({ t, q }));
    fc.assert(
      fc.property(fc.oneof(fromText, anyQuery), fc.boolean(), ({ t, q }, withFragments) => {
        const compiled = compileQuery(lib.db, parseQuery(q));
        expect(new Matcher(compiled, withFragments).find(t, 'body')).toEqual(referenceHits(compiled, withFragments, t, 'body'));
      }),
      { seed: 43, numRuns: 1500 },
    );
  });

  it('folds capital sigma as FTS5 does, so a found Greek word is marked', () => {
    expect(fold('ΟΔΟΣ')).toBe('οδοσ');
    expect(slices('Η ΟΔΟΣ', 'οδοσ')).toEqual(['ΟΔΟΣ']);
  });
});
