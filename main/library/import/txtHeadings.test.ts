import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChapterLabel, isTitleLike, splitMarked, underlineLevel, wikiHeading } from './txtHeadings.ts';

describe('wikiHeading', () => {
  it.each([
    ['== History ==', 2, 'History'],
    ['=== Early life ===', 3, 'Early life'],
    ['==History==', 2, 'History'],
    ['  ==== A = B ====  ', 4, 'A = B'],
    ['= Title =', 1, 'Title'],
  ])('reads %j as level %i, %j', (line, level, text) => {
    expect(wikiHeading(line)).toEqual({ level, text });
  });

  it.each(['== History =', '=== History ==', '== History', 'History ==', '====', '== ==', '======= Seven =======', 'a == b == c'])(
    'takes the unbalanced or empty %j for text',
    (line) => {
      expect(wikiHeading(line)).toBeNull();
    },
  );

  it('never throws, and a heading’s text never starts or ends with =', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (line) => {
        const h = wikiHeading(line);
        if (h) expect(h.text).toMatch(/^[^=].*[^=]$|^[^=]$/su);
      }),
    );
  });
});

describe('underlineLevel', () => {
  it('reads a row of = as level 1 and a row of - as level 2, three or more', () => {
    expect([underlineLevel('====='), underlineLevel('---'), underlineLevel('--'), underlineLevel('=-=')]).toEqual([1, 2, null, null]);
  });
});

describe('splitMarked', () => {
  it('splits a marked heading off the paragraph it starts, as plain-text extracts put them', () => {
    expect(splitMarked(['== Career ==', 'In 1995, Wagner launched AudioNet.', 'He grew it.'])).toEqual([
      { kind: 'heading', level: 2, text: 'Career' },
      { kind: 'text', lines: ['In 1995, Wagner launched AudioNet.', 'He grew it.'] },
    ]);
  });

  it('takes an underlined first line for a heading, but not a rule under the last line of a sample', () => {
    expect(splitMarked(['Installation', '------------', 'Run make.'])).toEqual([
      { kind: 'heading', level: 2, text: 'Installation' },
      { kind: 'text', lines: ['Run make.'] },
    ]);
    expect(splitMarked(['+four 4', '+five 5', '-------'])).toEqual([{ kind: 'text', lines: ['+four 4', '+five 5', '-------'] }]);
  });
});

describe('isTitleLike', () => {
  it.each([
    'History',
    'Early life and education',
    'THE GNU MP LIBRARY',
    'History (1900–1950)',
    '1. Introduction',
    'The Lobster Quadrille',
    '歴史',
  ])('takes %j for a possible title', (line) => {
    expect(isTitleLike(line)).toBe(true);
  });

  it.each([
    ['a sentence', 'He left.'],
    ['a question', 'Who are you?'],
    ['a clause', 'Dear Sir,'],
    ['a line that introduces', 'Some variations include:'],
    ['speech', '“Come on”'],
    ['an aside', '(see below)'],
    ['an editor’s note', '[Illustration]'],
    ['a bullet', '- apples and pears'],
    ['a date', 'April 28, 2023'],
    ['a year', '2019'],
    ['a byline', 'by Lewis Carroll'],
    ['an address', 'https://example.org/page'],
    ['a lower-case fragment', 'and then some'],
    ['stars', '*       *       *'],
    ['a row laid out with spaces', 'Heading to Chapter I.      1'],
    ['italics ending a sentence', '_To Mrs. Saville, England._'],
    ['a long line', 'A'.repeat(81)],
    ['too many words', 'One two three four five six seven eight nine ten eleven twelve thirteen'],
    ['a long Japanese line', '吾'.repeat(41)],
  ])('does not take %s (%j) for a title', (_, line) => {
    expect(isTitleLike(line)).toBe(false);
  });
});

describe('isChapterLabel', () => {
  it.each([
    'CHAPTER I.',
    'Chapter 12',
    'PART TWO',
    'Letter 4',
    'Stave One',
    'CHAPTER 1. Loomings.',
    'IV.',
    'XII',
    'IV. THE BOSCOMBE VALLEY MYSTERY',
  ])('takes %j for a chapter label', (line) => {
    expect(isChapterLabel(line)).toBe(true);
  });

  it.each(['Chapter and verse', 'C. S. Lewis', 'Part of the problem.', 'I. went home.', 'Books'])('does not take %j for one', (line) => {
    expect(isChapterLabel(line)).toBe(false);
  });
});
