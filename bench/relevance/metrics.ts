/** Ranking quality of one system over judged queries, with binary relevance, as the IR literature scores CISI. */

export const CUTOFF = 10;

export interface Quality {
  /** nDCG@10 with binary gains, averaged over the judged queries. */
  ndcg10: number;
  /** Share of the first 10 results that are relevant, averaged. */
  p10: number;
  /** Mean reciprocal rank of the first relevant result within the first 10 (0 when none). */
  mrr: number;
  /** Queries that returned no result at all. */
  zero_results: number;
  queries: number;
}

export interface QueryOutcome {
  id: number;
  /** Document ids in ranked order (at least the first CUTOFF). */
  ranked: number[];
  /** Whether the system returned anything at all (it may return more than it is asked to rank). */
  hasResults: boolean;
}

export function ndcgAt(ranked: readonly number[], relevant: ReadonlySet<number>, k = CUTOFF): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((d, i) => {
    if (relevant.has(d)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function precisionAt(ranked: readonly number[], relevant: ReadonlySet<number>, k = CUTOFF): number {
  return ranked.slice(0, k).filter((d) => relevant.has(d)).length / k;
}

export function reciprocalRank(ranked: readonly number[], relevant: ReadonlySet<number>, k = CUTOFF): number {
  const i = ranked.slice(0, k).findIndex((d) => relevant.has(d));
  return i === -1 ? 0 : 1 / (i + 1);
}

const round3 = (x: number): number => Number(x.toFixed(3));

export function quality(outcomes: readonly QueryOutcome[], relevant: ReadonlyMap<number, ReadonlySet<number>>): Quality {
  const mean = (f: (o: QueryOutcome, rel: ReadonlySet<number>) => number) =>
    outcomes.reduce((s, o) => s + f(o, relevant.get(o.id) ?? new Set()), 0) / Math.max(1, outcomes.length);
  return {
    ndcg10: round3(mean((o, r) => ndcgAt(o.ranked, r))),
    p10: round3(mean((o, r) => precisionAt(o.ranked, r))),
    mrr: round3(mean((o, r) => reciprocalRank(o.ranked, r))),
    zero_results: outcomes.filter((o) => !o.hasResults).length,
    queries: outcomes.length,
  };
}
