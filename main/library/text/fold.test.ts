import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fold, hasSpaceless, indexText, tokens } from './fold.ts';

const terms = (text: string): string[] => [...tokens(text)].map((t) => t.term);

/** The index's own tokenizer, to check that the JS side splits words where FTS5 does. */
const db = new Database(':memory:');
db.exec(
  `CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`,
);
afterAll(() => db.close());
function ftsTokens(text: string): string[] {
  db.exec('DELETE FROM t');
  db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)').run(text);
  return (db.prepare('SELECT term FROM v ORDER BY offset').all() as { term: string }[]).map((r) => r.term);
}

/** Text from many scripts, with marks, emoji, bidi controls and punctuation between words. */
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
  [0x10a0, 0x10ff],
  [0x1c90, 0x1cbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20c0],
  [0x3000, 0x30ff],
  [0x4e00, 0x4e40],
  [0xac00, 0xac20],
  [0xf900, 0xf910],
  [0xfb00, 0xfb06],
  [0xfe00, 0xfe0f],
  [0xff01, 0xff5e],
  [0x1f300, 0x1f320],
  [0x1f900, 0x1f910],
];
const unicodeText = fc
  .array(
    fc.constantFrom(...CHAR_RANGES).chain(([a, b]) => fc.integer({ min: a, max: b })),
    { maxLength: 24 },
  )
  .map((cps) => String.fromCodePoint(...cps).normalize('NFC'));

describe('fold', () => {
  it.each([
    ['café', 'cafe'],
    ['CAFÉ', 'cafe'],
    ['Zürich', 'zurich'],
    ['Ångström', 'angstrom'],
    ['naïve', 'naive'],
    ['e\u0301', 'e'],
    ['Straße', 'straße'],
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['Москва', 'москва'],
    ['東京', '東京'],
    ['plain', 'plain'],
  ])('folds %j to %j', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(unicodeText, (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});

describe('tokens', () => {
  it('gives folded terms with their offsets in the original string', () => {
    expect([...tokens('Café au lait, s’il vous plaît!')]).toEqual([
      { term: 'cafe', start: 0, end: 4, spaceless: false },
      { term: 'au', start: 5, end: 7, spaceless: false },
      { term: 'lait', start: 8, end: 12, spaceless: false },
      { term: 's', start: 14, end: 15, spaceless: false },
      { term: 'il', start: 16, end: 18, spaceless: false },
      { term: 'vous', start: 19, end: 23, spaceless: false },
      { term: 'plait', start: 24, end: 29, spaceless: false },
    ]);
  });

  it('makes each CJK character a token and keeps Thai marks with their letter', () => {
    expect(terms('東京タワーabc')).toEqual(['東', '京', 'タ', 'ワ', 'ー', 'abc']);
    expect([...tokens('ค่า')].map((t) => [t.term, t.spaceless])).toEqual([
      ['ค่', true],
      ['า', true],
    ]);
  });

  it('counts offsets in UTF-16 units past emoji and astral letters', () => {
    const toks = [...tokens('🎉 word 𝒳y')];
    expect(toks.map((t) => [t.term, t.start, t.end])).toEqual([
      ['word', 3, 7],
      ['𝒳y', 8, 11],
    ]);
  });

  it('does not start a token with a combining mark, so "❤️" is no word', () => {
    expect(terms('I ❤\ufe0f Paris')).toEqual(['i', 'paris']);
    expect(terms('\u0301x')).toEqual(['x']);
  });

  it('reads bidi controls and new symbols as separators', () => {
    expect(terms('\u2067عربي\u2069 and ₽100')).toEqual(['عربي', 'and', '100']);
  });

  it('gives ordered, non-overlapping offsets whose slice folds to the term', () => {
    fc.assert(
      fc.property(unicodeText, (s) => {
        let last = 0;
        for (const t of tokens(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(fold(s.slice(t.start, t.end))).toBe(t.term);
          last = t.end;
        }
      }),
      { seed: 9, numRuns: 3000 },
    );
  });
});

describe('indexText', () => {
  it('leaves text without spaceless scripts alone, apart from separators', () => {
    expect(indexText('Plain English text.')).toBe('Plain English text ');
  });

  it('puts spaces around CJK characters so that any run of them is a phrase', () => {
    expect(indexText('東京都')).toBe(' 東  京  都 ');
    expect(ftsTokens(indexText('東京都に住む'))).toEqual(['東', '京', '都', 'に', '住', 'む']);
    expect(hasSpaceless('abc')).toBe(false);
  });

  it('puts spaces around Thai letters, keeping their marks', () => {
    expect(indexText('ภาษาไทย')).toBe(' ภ  า  ษ  า  ไ  ท  ย ');
    expect(indexText('ค่า')).toBe(' ค่  า ');
  });

  it('lets FTS5 split the words of an article exactly where tokens() splits them', () => {
    fc.assert(
      fc.property(unicodeText, (s) => {
        const piecewise = [...tokens(s)].flatMap((t) => ftsTokens(s.slice(t.start, t.end)));
        expect(ftsTokens(indexText(s))).toEqual(piecewise);
      }),
      { seed: 13, numRuns: 1500 },
    );
  });
});
