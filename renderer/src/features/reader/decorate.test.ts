import type { Highlight } from '../../../../common/contract';
import { describe, expect, it } from 'vitest';
import { decorationsByBlock, hitTerms, splitRange, stepIndex } from './decorate';

describe('splitRange', () => {
  it('returns one undecorated piece when nothing overlaps', () => {
    expect(splitRange(0, 10, { hits: [{ start: 20, end: 25, term: 0 }], highlights: [] })).toEqual([
      { start: 0, end: 10, hit: null, highlight: null },
    ]);
  });

  it('cuts a leaf at the start and end of a hit', () => {
    expect(splitRange(0, 10, { hits: [{ start: 3, end: 6, term: 4 }], highlights: [] })).toEqual([
      { start: 0, end: 3, hit: null, highlight: null },
      { start: 3, end: 6, hit: 4, highlight: null },
      { start: 6, end: 10, hit: null, highlight: null },
    ]);
  });

  it('keeps the term of a hit that starts before the leaf, so marks across formatting share it', () => {
    expect(splitRange(5, 9, { hits: [{ start: 2, end: 7, term: 1 }], highlights: [] })).toEqual([
      { start: 5, end: 7, hit: 1, highlight: null },
      { start: 7, end: 9, hit: null, highlight: null },
    ]);
  });

  it('layers a highlight and a hit that overlap', () => {
    const pieces = splitRange(0, 10, { hits: [{ start: 2, end: 5, term: 0 }], highlights: [{ start: 4, end: 8, hid: 'h' }] });
    expect(pieces).toEqual([
      { start: 0, end: 2, hit: null, highlight: null },
      { start: 2, end: 4, hit: 0, highlight: null },
      { start: 4, end: 5, hit: 0, highlight: 'h' },
      { start: 5, end: 8, hit: null, highlight: 'h' },
      { start: 8, end: 10, hit: null, highlight: null },
    ]);
  });

  it('covers the range exactly, without gaps or overlaps, whatever the decorations', () => {
    const deco = {
      hits: [
        { start: 1, end: 4, term: 0 },
        { start: 6, end: 30, term: 1 },
      ],
      highlights: [
        { start: 0, end: 2, hid: 'a' },
        { start: 9, end: 9, hid: 'empty' },
      ],
    };
    const pieces = splitRange(0, 12, deco);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(12);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
    expect(pieces.some((p) => p.highlight === 'empty')).toBe(false);
  });

  it('returns nothing for an empty range', () => {
    expect(splitRange(3, 3, { hits: [], highlights: [] })).toEqual([]);
  });
});

describe('decorationsByBlock', () => {
  const highlight = (hid: string, start: [number, number], end: [number, number], textChanged = false): Highlight => ({
    hid,
    id: 'a',
    title: 't',
    start: { block: start[0], offset: start[1] },
    end: { block: end[0], offset: end[1] },
    quote: 'q',
    note: '',
    createdAt: '',
    updatedAt: '',
    textChanged,
  });

  it('groups hits and highlights by their block', () => {
    const map = decorationsByBlock(
      [
        { block: 2, start: 0, end: 3, term: 0 },
        { block: 5, start: 1, end: 2, term: 1 },
      ],
      [highlight('x', [2, 4], [2, 9])],
    );
    expect(map.get(2)).toEqual({ hits: [{ start: 0, end: 3, term: 0 }], highlights: [{ start: 4, end: 9, hid: 'x' }] });
    expect(map.get(5)?.hits).toHaveLength(1);
    expect(map.has(0)).toBe(false);
  });

  it('marks every block a highlight spans, from its start to its end', () => {
    const map = decorationsByBlock([], [highlight('x', [1, 4], [3, 2])]);
    const rest = Number.MAX_SAFE_INTEGER;
    expect([1, 2, 3].map((b) => map.get(b)?.highlights)).toEqual([
      [{ start: 4, end: rest, hid: 'x' }],
      [{ start: 0, end: rest, hid: 'x' }],
      [{ start: 0, end: 2, hid: 'x' }],
    ]);
    expect(splitRange(0, 10, map.get(1)!).map((p) => p.highlight)).toEqual([null, 'x']);
  });

  it('draws no highlight whose text changed', () => {
    expect(decorationsByBlock([], [highlight('x', [1, 0], [1, 3], true)]).size).toBe(0);
  });
});

describe('hitTerms', () => {
  it('lists each term once, in reading order', () => {
    expect(
      hitTerms([
        { block: 3, start: 0, end: 1, term: 2 },
        { block: 1, start: 5, end: 6, term: 0 },
        { block: 1, start: 8, end: 9, term: 0 },
        { block: 1, start: 9, end: 12, term: 1 },
      ]),
    ).toEqual([0, 1, 2]);
  });
});

describe('stepIndex', () => {
  it('wraps forwards and backwards', () => {
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(1, 1, 3)).toBe(2);
  });

  it('stays at zero when there is nothing to step through', () => {
    expect(stepIndex(0, 1, 0)).toBe(0);
  });
});
