import type { Database } from 'better-sqlite3';
import { countUpTo } from './db/search.ts';
import { stemOf } from './db/terms.ts';
import { clauseExpr, isStrict, relaxedMatch, type CompiledClause, type CompiledQuery } from './query/compile.ts';
import { idfOf } from './rerank.ts';

/**
 * How a query relaxes into partial matches (articles that hold only some of its words). Each word
 * that may be missing is weighed by the number of articles that hold it; those in more than
 * `broadShare` of a large library are "common": they alone never make an article a match ahead of
 * one with a rarer word, and they rank (by bm25 over them) only after every article with one.
 */
export interface PartialPlan {
  /** Partial matches with at least one rarer word, before the complete ones are taken out; null if none. */
  rare: string | null;
  /** Partial matches with only common words, the rare ones and the complete ones taken out; null if none. */
  common: string | null;
  /** Whether a word that matched nothing as a word is searched for as a fragment inside words. */
  usesFragments: boolean;
}

export interface ClauseWeights {
  /** Per positive clause (in query order): how many articles match it, counted up to the broad limit. */
  df: number[];
  idf: number[];
  /** The clause matched nothing as a word and was counted as a fragment inside words. */
  viaFragments: boolean[];
  /**
   * The first clause of the same word (the same stem, or the same expression): the matcher gives a
   * shared word's hits to the first, which then weighs as often as the word was typed (BM25's query
   * term frequency); the others weigh nothing.
   */
  leader: number[];
}

function sameWordKey(c: CompiledClause): string {
  const t = c.terms[0]!;
  if (c.terms.length === 1 && !t.sequence && t.field === null) return `w:${stemOf(t.word)}`;
  return `e:${clauseExpr(c, false)}`;
}

export function positiveOf(q: CompiledQuery): CompiledClause[] {
  return q.clauses.filter((c) => !c.isNegated);
}

/**
 * The document frequency and idf of every positive clause. Counting stops at `cap` (the broad limit):
 * beyond it a word weighs next to nothing anyway, and counting a word in most articles is slow.
 */
export function clauseWeights(db: Database, q: CompiledQuery, n: number, cap: number, single: number | null): ClauseWeights {
  const positive = positiveOf(q);
  const viaFragments = positive.map(() => false);
  const df = positive.map((c, i) => {
    if (single !== null && positive.length === 1) return single;
    const words = countUpTo(db, clauseExpr(c, false), cap);
    if (words > 0 || !c.terms.some((t) => t.fragments.length > 0)) return words;
    viaFragments[i] = true;
    return countUpTo(db, clauseExpr(c, true), cap);
  });
  const first = new Map<string, number>();
  const leader = positive.map((c, i) => {
    const key = sameWordKey(c);
    if (!first.has(key)) first.set(key, i);
    return first.get(key)!;
  });
  const typed = leader.map((l) => leader.filter((x) => x === l).length);
  const idf = df.map((d, i) => (leader[i] === i ? idfOf(d, Math.max(n, d)) * typed[i]! : 0));
  return { df, idf, viaFragments, leader };
}

/** Null when nothing can relax: fewer than two words that may be missing. */
export function planPartial(q: CompiledQuery, weights: ClauseWeights, cap: number): PartialPlan | null {
  const positive = positiveOf(q);
  const optional = positive.map((c, i) => ({ c, i })).filter(({ c }) => !isStrict(c));
  if (optional.length < 2) return null;
  const rare: string[] = [];
  const common: string[] = [];
  let usesFragments = false;
  for (const { c, i } of optional) {
    const df = weights.df[i]!;
    if (df === 0) continue;
    // A word that is in no article as a word still counts through the words it is inside of.
    const viaFragments = weights.viaFragments[i]!;
    if (viaFragments) usesFragments = true;
    (df >= cap ? common : rare).push(clauseExpr(c, viaFragments));
  }
  if (rare.length === 0 && common.length === 0) return null;
  const rareMatch = rare.length > 0 ? relaxedMatch(q, rare) : null;
  const commonOnly = common.length > 0 ? relaxedMatch(q, common) : null;
  return {
    rare: rareMatch,
    common: commonOnly && rareMatch ? `(${commonOnly}) NOT (${rareMatch})` : commonOnly,
    usesFragments,
  };
}
