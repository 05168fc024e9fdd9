import type { Database } from 'better-sqlite3';
import { getArticleMeta, getArticleTexts } from './db/articles.ts';
import { columnSizes, type RankedRow } from './db/search.ts';
import { stemOf } from './db/terms.ts';
import { expansionFrom, FEEDBACK_DOCS, FEEDBACK_MIN_MATCHES } from './feedback.ts';
import type { Hit, Matcher, TextField } from './query/matcher.ts';

/**
 * The second look at the best-ranked matches. FTS5's bm25 scores each spelling of a word apart (a rare
 * variant like "evaluator" outweighs "evaluation"), normalises length over the whole article, and sees
 * neither where the words are nor how close together. So the first RERANK_WINDOW matches of a tier,
 * in bm25's order, are read and scored again: BM25F over title, author and body with each query word's
 * variants counted as one term, plus a title bonus and a proximity bonus (BM25TP).
 */
export const RERANK_WINDOW = 50;
/** BM25F field weights (title, author, body), each field's length normalised on its own. */
const FIELD_WEIGHTS = [2, 2, 1] as const;
const FIELDS = ['title', 'author', 'body'] as const;
const K1 = 1.2;
const B = 0.75;
/** A query word found in the title adds this times its idf: a title hit weighs clearly more than body hits. */
const TITLE_BOOST = 0.5;
/**
 * Weight of the proximity bonus for each pair of words next to each other in the query (the pairs of
 * the sequential dependence model), saturated like a term frequency (BM25TP). 0.15 is that model's
 * usual share for its pair features (Metzler & Croft 2005: 0.85 words, 0.10 + 0.05 pairs).
 */
const PROXIMITY_WEIGHT = 0.15;
/** Hits read from a body for proximity (and kept for the snippet); the densest passage is usually among them. */
export const BODY_HITS = 200;
/** Words further apart than this many characters add nothing to proximity. */
const NEAR_CHARS = 300;
const WORD = /[\p{L}\p{N}]+/gu;

export interface Analysis {
  title: string;
  author: string | null;
  text: string;
  hits: Record<TextField, Hit[]>;
  /** Indexes of the positive clauses found in title, author or the body hits read. */
  clauses: Set<number>;
  /** The body has more hits than were read. */
  isBodyCut: boolean;
}

/** Reads an article once and finds the query's hits in it, for reranking and then for describing it. */
export class Analyzer {
  private readonly cache = new Map<number, Analysis | null>();

  /** `termClause[i]`: the positive clause that matcher term i belongs to. */
  constructor(
    readonly db: Database,
    readonly matcher: Matcher,
    readonly termClause: readonly number[],
    private readonly bodyHits: number,
  ) {}

  /** Whether the title holds a query word: all a one-word query's reranking needs (no body read). */
  titleHas(rowid: number): boolean {
    const known = this.cache.get(rowid);
    if (known !== undefined) return (known?.hits.title.length ?? 0) > 0;
    const title = getArticleMeta(this.db, rowid)?.title ?? '';
    return this.matcher.find(title, 'title', 1).length > 0;
  }

  get(rowid: number): Analysis | null {
    const known = this.cache.get(rowid);
    if (known !== undefined) return known;
    const texts = getArticleTexts(this.db, rowid);
    let a: Analysis | null = null;
    if (texts) {
      const hits = {
        title: this.matcher.find(texts.title, 'title'),
        author: this.matcher.find(texts.author ?? '', 'author'),
        body: this.matcher.find(texts.text, 'body', this.bodyHits),
      };
      const clauses = new Set<number>();
      for (const h of [...hits.title, ...hits.author, ...hits.body]) clauses.add(this.termClause[h.term]!);
      a = { ...texts, hits, clauses, isBodyCut: hits.body.length >= this.bodyHits };
    }
    this.cache.set(rowid, a);
    return a;
  }
}

/** Words between two hits, plus one: 1 for adjacent words. */
function distance(text: string, from: number, to: number): number {
  return 1 + (text.slice(from, to).match(WORD)?.length ?? 0);
}

/** Sum over pairs of query-adjacent words of min(idf) × saturated Σ 1/d² over their neighbouring hits. */
function proximity(a: Analysis, termClause: readonly number[], idf: readonly number[]): number {
  const hits = a.hits.body;
  const pairs = new Map<number, { acc: number; weight: number }>();
  for (let i = 1; i < hits.length; i++) {
    const x = hits[i - 1]!;
    const y = hits[i]!;
    const cx = termClause[x.term]!;
    const cy = termClause[y.term]!;
    if (Math.abs(cx - cy) !== 1 || y.start - x.end > NEAR_CHARS) continue;
    const d = distance(a.text, x.end, y.start);
    const key = Math.min(cx, cy) * 4096 + Math.max(cx, cy);
    const p = pairs.get(key) ?? { acc: 0, weight: Math.min(idf[cx] ?? 0, idf[cy] ?? 0) };
    p.acc += 1 / (d * d);
    pairs.set(key, p);
  }
  let score = 0;
  for (const p of pairs.values()) score += (p.weight * (p.acc * (K1 + 1))) / (p.acc + K1);
  return score;
}

function titleScore(a: Analysis, termClause: readonly number[], idf: readonly number[]): number {
  const inTitle = new Set(a.hits.title.map((h) => termClause[h.term]!));
  let score = 0;
  for (const c of inTitle) score += idf[c] ?? 0;
  return score;
}

/** Average tokens per field (title, author, body) over the library. */
export type FieldAverages = readonly number[];

/** BM25F: per query word, its hits in each field, weighted and length-normalised, then saturated once. */
function bm25f(
  a: Analysis,
  sizes: readonly number[],
  averages: FieldAverages,
  termClause: readonly number[],
  idf: readonly number[],
): number {
  const tf = new Map<number, number>();
  FIELDS.forEach((field, f) => {
    const avg = averages[f] ?? 0;
    const norm = avg > 0 ? 1 - B + (B * (sizes[f] ?? avg)) / avg : 1;
    for (const h of a.hits[field]) {
      const c = termClause[h.term]!;
      tf.set(c, (tf.get(c) ?? 0) + FIELD_WEIGHTS[f]! / norm);
    }
  });
  let score = 0;
  for (const [c, x] of tf) score += ((idf[c] ?? 0) * (x * (K1 + 1))) / (x + K1);
  return score;
}

export interface Scored {
  rowid: number;
  score: number;
}

/**
 * Reorders `rows` (best bm25 first) by bm25 + title bonus + proximity bonus. `idf[c]` weighs clause c.
 * Only the first RERANK_WINDOW rows move; the rest keep bm25's order behind them.
 */
export function rerank(
  rows: readonly RankedRow[],
  analyzer: Analyzer,
  idf: readonly number[],
  averages: FieldAverages,
  feedback: { articles: number; scale: number } | null = null,
): Scored[] {
  const tc = analyzer.termClause;
  // One word: nothing to be near and no variants to merge; FTS5's bm25 plus the title bonus, from the title alone.
  const isOneWord = idf.length === 1;
  // Each field's length, read once for both scorings (BM25F here, then feedback's).
  const sizesOf = new Map<number, number[]>();
  const scored = rows.slice(0, RERANK_WINDOW).map((r) => {
    if (isOneWord) return { rowid: r.rowid, score: -r.bm + (analyzer.titleHas(r.rowid) ? TITLE_BOOST * idf[0]! : 0) };
    const a = analyzer.get(r.rowid);
    if (!a) return { rowid: r.rowid, score: 0 };
    const sizes = columnSizes(analyzer.db, r.rowid);
    sizesOf.set(r.rowid, sizes);
    return { rowid: r.rowid, score: scoreOf(a, sizes, averages, tc, idf) };
  });
  // Stable: equal scores keep bm25's order.
  scored.sort((x, y) => y.score - x.score);
  if (feedback && !isOneWord && rows.length >= FEEDBACK_MIN_MATCHES) withFeedback(scored, analyzer, idf, averages, sizesOf, feedback);
  const head = scored;
  // Past the window, bm25's order, scored below it (bm25 is negative: better is lower).
  const floor = Math.min(0, ...head.map((h) => h.score));
  const top = head.map(({ rowid, score }) => ({ rowid, score }));
  return [...top, ...rows.slice(RERANK_WINDOW).map((r) => ({ rowid: r.rowid, score: floor - 1 / (1 - r.bm) }))];
}

/** BM25F with the title and proximity bonuses: the reranker's score of one analysed article. */
function scoreOf(a: Analysis, sizes: readonly number[], averages: FieldAverages, tc: readonly number[], idf: readonly number[]): number {
  return bm25f(a, sizes, averages, tc, idf) + TITLE_BOOST * titleScore(a, tc, idf) + PROXIMITY_WEIGHT * proximity(a, tc, idf);
}

/**
 * The reranker's score of a few articles chosen apart from any ranking (the exact-title matches), best
 * first. FTS5's bm25 of one article would first count every match of each word: a full read of their
 * doclists per article.
 */
export function scoreEach(rowids: readonly number[], analyzer: Analyzer, idf: readonly number[], averages: FieldAverages): Scored[] {
  const scored = rowids.map((rowid) => {
    const a = analyzer.get(rowid);
    return { rowid, score: a ? scoreOf(a, columnSizes(analyzer.db, rowid), averages, analyzer.termClause, idf) : 0 };
  });
  return scored.sort((x, y) => y.score - x.score);
}

/** Adds the feedback words' BM25F to each score (see feedback.ts) and sorts again. */
function withFeedback(
  scored: Scored[],
  analyzer: Analyzer,
  idf: readonly number[],
  averages: FieldAverages,
  sizesOf: ReadonlyMap<number, readonly number[]>,
  { articles, scale }: { articles: number; scale: number },
): void {
  const best = scored.slice(0, FEEDBACK_DOCS).flatMap((s) => analyzer.get(s.rowid) ?? []);
  const stems = analyzer.matcher.terms.map((t) => stemOf(t.sequence?.[0] ?? t.word));
  const expansion = expansionFrom(analyzer.db, best, new Set(stems), articles, (df, n) => scale * idfOf(df, n));
  if (!expansion) return;
  // Per clause, the added weight of a typed word the feedback articles share.
  const extra = idf.map(() => 0);
  stems.forEach((stem, term) => {
    const c = analyzer.termClause[term]!;
    extra[c] = Math.max(extra[c]!, (expansion.typed.get(stem) ?? 0) * scale * (idf[c] ?? 0));
  });
  const own = expansion.weight.map((_, i) => i);
  const m = expansion.matcher;
  for (const s of scored) {
    const a = analyzer.get(s.rowid);
    const sizes = sizesOf.get(s.rowid);
    if (!a || !sizes) continue;
    const hits = { title: m.find(a.title, 'title'), author: m.find(a.author ?? '', 'author'), body: m.find(a.text, 'body', BODY_HITS) };
    s.score += bm25f({ ...a, hits }, sizes, averages, own, expansion.weight) + bm25f(a, sizes, averages, analyzer.termClause, extra);
  }
  scored.sort((x, y) => y.score - x.score);
}

/** BM25's inverse document frequency (Robertson–Spärck Jones, as FTS5's bm25), kept just above zero. */
export function idfOf(df: number, n: number): number {
  return Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)));
}
