import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titleKey } from '../text/fold.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, parseQuery } from './parse.ts';
import { queryText } from '../../../test/fuzz/queryFuzz.ts';

const shape = (q: string) =>
  parseQuery(q).clauses.map((c) => ({ neg: c.isNegated, terms: c.terms.map((t) => [t.tokens.join(' '), t.isPhrase, t.field]) }));

describe('parseQuery', () => {
  it('ANDs words, each in a clause of its own, folded as the index folds them', () => {
    expect(shape('Café  Zürich')).toEqual([
      { neg: false, terms: [['cafe', false, null]] },
      { neg: false, terms: [['zurich', false, null]] },
    ]);
  });

  it('keeps the tokens as typed next to their folded form', () => {
    const term = parseQuery('CAFÉ-Crème').clauses[0]!.terms[0]!;
    expect(term.tokens).toEqual(['cafe', 'creme']);
    expect(term.raw).toEqual(['CAFÉ', 'Crème']);
  });

  it('reads a quoted phrase, and an unclosed quote as a phrase to the end with a note', () => {
    expect(shape('"new york" times')[0]).toEqual({ neg: false, terms: [['new york', true, null]] });
    const parsed = parseQuery('say "hello world');
    expect(parsed.clauses[1]!.terms[0]!.tokens).toEqual(['hello', 'world']);
    expect(parsed.notes).toEqual(['A quote was not closed, so the rest was read as a phrase.']);
  });

  it('excludes words with a leading minus but reads a lone minus as nothing', () => {
    expect(shape('cats -dogs - birds')).toEqual([
      { neg: false, terms: [['cats', false, null]] },
      { neg: true, terms: [['dogs', false, null]] },
      { neg: false, terms: [['birds', false, null]] },
    ]);
  });

  it('joins the terms on either side of OR into one clause', () => {
    expect(shape('red OR blue OR green car')).toEqual([
      {
        neg: false,
        terms: [
          ['red', false, null],
          ['blue', false, null],
          ['green', false, null],
        ],
      },
      { neg: false, terms: [['car', false, null]] },
    ]);
  });

  it('reads OR at the start, at the end or after an excluded word as nothing', () => {
    expect(shape('OR red OR')).toEqual([{ neg: false, terms: [['red', false, null]] }]);
    expect(shape('-red OR blue')).toEqual([
      { neg: true, terms: [['red', false, null]] },
      { neg: false, terms: [['blue', false, null]] },
    ]);
  });

  it('reads lowercase or, AND, NOT and NEAR as plain words', () => {
    expect(shape('a or b AND c NOT d NEAR(e)').flatMap((c) => c.terms.map((t) => t[0]))).toEqual([
      'a',
      'or',
      'b',
      'and',
      'c',
      'not',
      'd',
      'near e',
    ]);
  });

  it('reads title: and author: fields, and other colons as punctuation', () => {
    expect(shape('title:"big news" author:Roe body:x')).toEqual([
      { neg: false, terms: [['big news', true, 'title']] },
      { neg: false, terms: [['roe', false, 'author']] },
      { neg: false, terms: [['body x', false, null]] },
    ]);
    expect(shape('-Title:old')).toEqual([{ neg: true, terms: [['old', false, 'title']] }]);
  });

  it('ignores pieces without letters or digits', () => {
    expect(parseQuery('*** ^^ :: 🎉 ❤️ "" ()').clauses).toEqual([]);
  });

  it('splits CJK into characters and keeps them as one adjacent sequence', () => {
    expect(shape('東京タワー')).toEqual([{ neg: false, terms: [['東 京 タ ワ ー', false, null]] }]);
  });

  it('turns control characters, NUL included, into spaces', () => {
    expect(shape('a\u0000b\u0007c')).toEqual(['a', 'b', 'c'].map((w) => ({ neg: false, terms: [[w, false, null]] })));
  });

  it('cuts a long query and says so', () => {
    const parsed = parseQuery('word '.repeat(1000));
    expect(parsed.notes).toContain(`The query was cut to its first ${MAX_QUERY_CHARS} characters.`);
    expect(parsed.clauses.length).toBe(MAX_TERMS);
    expect(parsed.notes).toContain(`Only the first ${MAX_TERMS} words were used.`);
  });

  it('never throws, keeps at most the allowed terms, and gives only non-empty tokens matching their raw text', () => {
    fc.assert(
      fc.property(queryText, (q) => {
        const parsed = parseQuery(q);
        expect(parsed.clauses.reduce((n, c) => n + c.terms.length, 0)).toBeLessThanOrEqual(MAX_TERMS);
        for (const term of parsed.clauses.flatMap((c) => c.terms)) {
          expect(term.tokens.length).toBeGreaterThan(0);
          expect(term.raw.length).toBe(term.tokens.length);
          for (const [i, tok] of term.tokens.entries()) {
            expect(tok).not.toBe('');
            expect(titleKey(term.raw[i]!)).toBe(tok);
          }
        }
      }),
      { seed: 21, numRuns: 3000 },
    );
  });
});

describe('titleKey', () => {
  it('joins the folded words of a title with single spaces', () => {
    expect(titleKey('  The Café — in Zürich! ')).toBe('the cafe in zurich');
  });
});
