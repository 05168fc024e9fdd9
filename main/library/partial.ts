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
  /**
   * Partial matches with at least one of the rarest words (see ESSENTIAL_POSTINGS), before the complete
   * ones are taken out; null if none.
   */
  rare: string | null;
  /** Partial matches with a word that is neither rarest nor common, and none of the rarest; null if none. */
  mid: string | null;
  /** Every partial match with a word that is not common (rare or mid), before the complete ones are taken out. */
  notCommon: string | null;
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
  /** Per positive clause: how many times its word was typed (its leader's count, for every clause of the word). */
  typed: number[];
}

function sameWordKey(c: CompiledClause): string {
  const t = c.terms[0]!;
  if (c.terms.length === 1 && !t.sequence && t.field === null) return `w:${stemOf(t.word)}`;
  return `e:${clauseExpr(c, false)}`;
}

function withoutPrefix(c: CompiledClause): CompiledClause {
  return { ...c, terms: c.terms.map((t) => ({ ...t, isPrefix: false, completions: null })) };
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
  // A word typed twice ("the ... the") is counted once.
  const counted = new Map<string, number>();
  const count = (expr: string) => counted.get(expr) ?? counted.set(expr, countUpTo(db, expr, cap)).get(expr)!;
  const df = positive.map((c, i) => {
    if (single !== null && positive.length === 1) return single;
    const words = count(clauseExpr(c, false));
    if (words > 0 || !c.terms.some((t) => t.fragments.length > 0)) return words;
    viaFragments[i] = true;
    return count(clauseExpr(c, true));
  });
  const first = new Map<string, number>();
  const leader = positive.map((c, i) => {
    const key = sameWordKey(c);
    if (!first.has(key)) first.set(key, i);
    return first.get(key)!;
  });
  const typed = leader.map((l) => leader.filter((x) => x === l).length);
  const idf = df.map((d, i) => (leader[i] === i ? idfOf(d, Math.max(n, d)) * typed[i]! : 0));
  return { df, idf, viaFragments, leader, typed };
}

/**
 * How many postings (summed document frequencies) the first ranking of partial matches reads at most,
 * beyond the rarest word. Ranking the OR of a dozen words with bm25 reads every article that holds any
 * of them: for a pasted question at 200,000 articles, 150-300 ms. An article that holds none of the
 * rarest words can score little more than the others' idf, which is low: as in MaxScore, those words
 * are "non-essential", and their articles are ranked after (and only read when paged to). The words of a
 * short query or a small library all fit in the budget, so their ranking is unchanged.
 */
export const ESSENTIAL_POSTINGS = 20_000;

/** Null when nothing can relax: fewer than two words that may be missing. */
export function planPartial(q: CompiledQuery, weights: ClauseWeights, cap: number, budget = ESSENTIAL_POSTINGS): PartialPlan | null {
  const positive = positiveOf(q);
  const optional = positive.map((c, i) => ({ c, i })).filter(({ c }) => !isStrict(c));
  if (optional.length < 2) return null;
  const rare: string[] = [];
  const mid: string[] = [];
  const common: string[] = [];
  let usesFragments = false;
  let postings = 0;
  // Rarest first: they fill the budget.
  for (const { c, i } of [...optional].sort((a, b) => weights.df[a.i]! - weights.df[b.i]!)) {
    const df = weights.df[i]!;
    if (df === 0) continue;
    // A word that is in no article as a word still counts through the words it is inside of.
    const viaFragments = weights.viaFragments[i]!;
    if (viaFragments) usesFragments = true;
    const isCommon = df >= cap;
    // A common word's longer words (in: into, information) add the most articles and the least meaning;
    // among partial matches it stands for itself and its stem, unless it is the word being typed.
    const expr = clauseExpr(isCommon && !c.terms.some((t) => t.source.isLast) ? withoutPrefix(c) : c, viaFragments);
    if (isCommon) {
      // A common word typed twice is one alternative: it is counted over most of the library. A rarer
      // one is listed as often as typed, which bm25 weighs as its query term frequency.
      if (!common.includes(expr)) common.push(expr);
    } else if (rare.length === 0 || postings + df <= budget) rare.push(expr);
    else mid.push(expr);
    if (df < cap) postings += df;
  }
  if (rare.length === 0 && common.length === 0) return null;
  const rareMatch = rare.length > 0 ? relaxedMatch(q, rare) : null;
  const notCommon = rare.length + mid.length > 0 ? relaxedMatch(q, [...rare, ...mid]) : null;
  const commonOnly = common.length > 0 ? relaxedMatch(q, common) : null;
  return {
    rare: rareMatch,
    mid: mid.length > 0 ? `(${relaxedMatch(q, mid)}) NOT (${rareMatch})` : null,
    notCommon,
    common: commonOnly && notCommon ? `(${commonOnly}) NOT (${notCommon})` : commonOnly,
    usesFragments,
  };
}
