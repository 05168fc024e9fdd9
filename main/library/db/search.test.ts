import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillIndex, tempLibrary, type TempLibrary } from '../testing.ts';
import { rankedMatches, scoresOf } from './search.ts';

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  fillIndex(lib.db, 5000);
});
afterAll(() => lib.cleanup());

describe('scoresOf', () => {
  it('gives each matching article the bm25 a ranking of every match gives it, near or far apart, and skips the rest', () => {
    const match = '"copper" OR "thunder"';
    const all = new Map(rankedMatches(lib.db, match, 5000, 0).map((r) => [r.rowid, r.bm]));
    const picks = [...all.keys()].sort((a, b) => a - b);
    const wanted = [picks[0]!, picks[1]!, picks[2]!, picks.at(-1)!];
    const missing = [...Array(5000).keys()].map((i) => i + 1).find((r) => !all.has(r))!;
    const scores = scoresOf(lib.db, match, [...wanted, missing]);
    expect([...scores.keys()].sort((a, b) => a - b)).toEqual(wanted);
    for (const r of wanted) expect(scores.get(r)).toBeCloseTo(all.get(r)!, 10);
  });
});
