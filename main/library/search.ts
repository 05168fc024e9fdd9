import type { Database } from 'better-sqlite3';
import { articleCountBound, getArticleBlocks, getArticleMeta, rowidsByTitleKey, titlesStartingWith } from './db/articles.ts';
import { formatOf } from './import/formats.ts';
import {
  countMatches,
  indexTotals,
  isMatch,
  matchesByDate,
  matchingRowids,
  newestMatches,
  rankedMatches,
  type RankedRow,
} from './db/search.ts';
import { clauseWeights, planPartial, positiveOf, type ClauseWeights, type PartialPlan } from './partial.ts';
import { clauseExpr, compileQuery, isStrict, type CompiledQuery } from './query/compile.ts';
import { correctQuery, type QueryCorrection } from './query/corrections.ts';
import { Matcher, PREFILTER_FROM, type Hit, type TextField } from './query/matcher.ts';
import { parseQuery, positiveClauses, queryTitleKey, type ParsedQuery } from './query/parse.ts';
import { marked, snippet, snippetHit } from './query/snippet.ts';
import { Analyzer, BODY_HITS, RERANK_WINDOW, rerank, scoreEach, type FieldAverages } from './rerank.ts';
import { pageAt } from './text/blocks.ts';
import { fold } from './text/fold.ts';
import type { MatchField, SearchResponse, SearchResult, SearchSort, TermMatch } from '../../common/contract.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SearchSort;
  /** No corrections: the query exactly as typed. */
  exact?: boolean;
  /** The postings the first ranking of partial matches may read (partial.ts); tests lower it to see the split. */
  essentialPostings?: number;
}

/** Added to the score of an article whose title is the query, so it always comes first. */
const TITLE_BONUS = 1000;
/** Fragment matches score far below word matches, which they follow. */
const FRAGMENT_SCALE = 1e-3;
/**
 * A query matching more than this share of a large library is "broad". BM25 gives a word in many
 * articles an inverse document frequency near zero, so scoring every match costs O(matches) (60 ms
 * for a word in 35k of 200k articles) to order them by little more than length. Broad queries put
 * exact titles first, then the articles with the words in their title, then the rest, each newest
 * first — each step stops after one page. Partial matches are always ranked by bm25.
 */
const BROAD_SHARE = 0.1;
const SNIPPET_HITS = 50;
/** Of each typed word, "why" names this many of the article's words that matched it. */
const MATCHED_WORDS = 8;
const FRAGMENT_PREFILTER_FROM = 100_000;
const BROAD_MIN = 2000;
/** Up to this many complete matches are taken out of the partial ranking in JS rather than by FTS5 NOT. */
const EXCLUDE_IN_JS = 2000;

type Tier = 1 | 2 | 'partial';

interface Pick {
  rowid: number;
  score: number;
  tier: Tier;
}

/** One run of results in the final order, with its size and a way to read a slice of it. */
interface Run {
  count: number;
  take: (offset: number, limit: number) => Pick[];
}

export function prepareQuery(db: Database, q: string): { parsed: ParsedQuery; compiled: CompiledQuery; notes: string[] } {
  const parsed = parseQuery(q);
  const notes = [...parsed.notes];
  if (parsed.clauses.length === 0) {
    notes.push(
      q.trim() === '' ? 'Type a word to search.' : `Nothing to search for in “${q.trim().slice(0, 80)}”: it has no letters or digits.`,
    );
  } else if (positiveClauses(parsed).length === 0) {
    notes.push('Every word was excluded with “-”; add a word to search for.');
  }
  return { parsed, compiled: compileQuery(db, parsed), notes };
}

/**
 * The articles titled exactly as the query, first, in the reranker's order (a broad query's keep theirs:
 * their words say little). Scored apart from the ranking, so not by FTS5's bm25, which for each one
 * would first count every match of each word.
 */
function exactTitlePicks(ctx: Context, parsed: ParsedQuery, compiled: CompiledQuery, broad: boolean): Pick[] {
  const key = queryTitleKey(parsed);
  if (key === '' || !compiled.tier1) return [];
  // A title made of the query's own words matches it, unless the query excludes words, names fields or
  // gives alternatives: only then is each checked (a seek that merges the doclists of a prefix: 1-2 ms).
  const isOwnWords = compiled.clauses.every((c) => !c.isNegated && c.terms.length === 1 && c.terms[0]!.field === null);
  const titled = rowidsByTitleKey(ctx.db, key).filter((rowid) => isOwnWords || isMatch(ctx.db, compiled.tier1!, rowid));
  if (broad) return titled.map((rowid): Pick => ({ rowid, score: TITLE_BONUS, tier: 1 }));
  return scoreEach(titled, ctx.analyzer, ctx.weights.idf, ctx.averages).map((s): Pick => ({
    rowid: s.rowid,
    score: TITLE_BONUS + s.score,
    tier: 1,
  }));
}

export function isBroad(db: Database, total: number): boolean {
  return total >= BROAD_MIN && total > articleCountBound(db) * BROAD_SHARE;
}

/** The count from which a word is broad in this library (see isBroad). */
function broadCap(db: Database): number {
  return Math.max(BROAD_MIN, Math.floor(articleCountBound(db) * BROAD_SHARE) + 1);
}

/**
 * Title matches, then the other matches, each newest first: both read the doclists from the newest
 * end and stop after a page. Neither is scored: bm25 weighs a word by counting every article that
 * has it, which for a word in most articles costs more than the whole page (and says nothing).
 */
function broadMatches(db: Database, match: string, limit: number, offset: number, hasExclusions: boolean): RankedRow[] {
  // Without exclusions the column filter alone is the same set, and reads the doclists once.
  const inTitle = hasExclusions ? `(${match}) AND title : (${match})` : `title : (${match})`;
  const rows = newestMatches(db, inTitle, limit, offset);
  if (rows.length < limit) {
    // How many title matches come before the rest: known from this page unless it began past them all.
    const titled = rows.length > 0 || offset === 0 ? offset + rows.length : countMatches(db, inTitle);
    rows.push(...newestMatches(db, `(${match}) NOT (${inTitle})`, limit - rows.length, Math.max(0, offset - titled)));
  }
  return rows;
}

interface Context {
  db: Database;
  sort: SearchSort;
  hasExclusions: boolean;
  weights: ClauseWeights;
  analyzer: Analyzer;
  averages: FieldAverages;
  /** Articles in the library, for feedback's word statistics. */
  articles: number;
}

/**
 * A tier ranked by bm25, without `exclude`, its first RERANK_WINDOW reranked by title and proximity.
 * Every page reads the ranking from the top, so pages agree with each other.
 */
function rankedSegment(ctx: Context, match: string, count: number, tier: Tier, excluded: () => ReadonlySet<number>, scale = 1): Run {
  return {
    count,
    take: (offset, limit) => {
      const exclude = excluded();
      const need = Math.max(offset + limit, RERANK_WINDOW) + exclude.size;
      // When the rerank reads every match anyway, FTS5's bm25 is not needed to choose them, and it is what
      // costs: it weighs each of a long query's words by reading all its articles, common ones too.
      const isAllReranked = count + exclude.size <= RERANK_WINDOW && ctx.weights.idf.length > 1;
      const rows = (
        isAllReranked ? matchingRowids(ctx.db, match, need).map((rowid) => ({ rowid, bm: 0 })) : rankedMatches(ctx.db, match, need, 0)
      ).filter((r) => !exclude.has(r.rowid));
      // Typed words weigh by how often they were typed; an added word's share is of the most repeated one.
      const feedback = tier === 'partial' ? { articles: ctx.articles, scale: Math.max(1, ...ctx.weights.typed) } : null;
      return rerank(rows, ctx.analyzer, ctx.weights.idf, ctx.averages, feedback)
        .slice(offset, offset + limit)
        .map((s) => ({ rowid: s.rowid, score: s.score * scale, tier }));
    },
  };
}

/** A tier in the order FTS5 gives cheaply: newest first (date sort, or a broad query's shortcut), or bm25. */
function plainSegment(ctx: Context, match: string, count: number, tier: Tier, order: 'date' | 'broad' | 'bm25', scale = 1): Run {
  return {
    count,
    take: (offset, limit) => {
      const rows =
        order === 'broad'
          ? broadMatches(ctx.db, match, limit, offset, ctx.hasExclusions)
          : order === 'date'
            ? matchesByDate(ctx.db, match, limit, offset)
            : rankedMatches(ctx.db, match, limit, offset);
      return rows.map((r) => ({ rowid: r.rowid, score: -r.bm * scale, tier }));
    },
  };
}

function take(segments: readonly Run[], offset: number, limit: number): Pick[] {
  const picks: Pick[] = [];
  let skip = offset;
  for (const s of segments) {
    if (picks.length >= limit) break;
    if (skip >= s.count) {
      skip -= s.count;
      continue;
    }
    picks.push(...s.take(skip, Math.min(limit - picks.length, s.count - skip)));
    skip = 0;
  }
  return picks.slice(0, limit);
}

function completeSegments(ctx: Context, parsed: ParsedQuery, compiled: CompiledQuery, totals: [number, number], isBroad1: boolean): Run[] {
  const { db, sort } = ctx;
  const [total1, total2] = totals;
  const segments: Run[] = [];
  const exact = sort === 'relevance' ? exactTitlePicks(ctx, parsed, compiled, isBroad1) : [];
  if (exact.length > 0) segments.push({ count: exact.length, take: (o, l) => exact.slice(o, o + l) });
  const exactSet = new Set(exact.map((p) => p.rowid));
  const rest1 = total1 - exact.length;
  if (sort === 'date') segments.push(plainSegment(ctx, compiled.tier1!, total1, 1, 'date'));
  else if (isBroad1) {
    // The broad shortcut lists the exact titles again in their place; they are skipped there.
    segments.push({
      count: rest1,
      take: (o, l) =>
        plainSegment(ctx, compiled.tier1!, total1, 1, 'broad')
          .take(o, l + exact.length)
          .filter((p) => !exactSet.has(p.rowid))
          .slice(0, l),
    });
  } else segments.push(rankedSegment(ctx, compiled.tier1!, rest1, 1, () => exactSet));
  if (compiled.tier2 && total2 > 0) {
    const order = sort === 'date' ? 'date' : isBroad(db, total2) ? 'broad' : 'bm25';
    segments.push(plainSegment(ctx, compiled.tier2, total2, 2, order, FRAGMENT_SCALE));
  }
  return segments;
}

function partialSegments(ctx: Context, compiled: CompiledQuery, plan: PartialPlan, totals: [number, number], isBroad1: boolean): Run[] {
  const { db, sort } = ctx;
  const complete = compiled.complete!;
  const [total1, total2] = totals;
  const segments: Run[] = [];
  // Every complete match holds the rare words as words, unless fragments completed it (tier 2) or
  // stand in for a rare word here: then the complete ones are among the rare matches, and a plain
  // count is cheaper than evaluating NOT on every row.
  const isSuperset = !isBroad1 && total2 === 0 && !plan.usesFragments;
  let rareCount = 0;
  if (plan.rare) {
    const notComplete = `(${plan.rare}) NOT (${complete})`;
    rareCount = isSuperset ? countMatches(db, plan.rare) - total1 : countMatches(db, notComplete);
    if (rareCount > 0 && sort === 'date') segments.push(plainSegment(ctx, notComplete, rareCount, 'partial', 'date'));
    else if (rareCount > 0) {
      // bm25 over the words the article holds; with few complete matches they are taken out here, so
      // the words of the complete expression (common ones too) need not be weighed over the library.
      const inJs = !isBroad1 && total1 + total2 <= EXCLUDE_IN_JS;
      let exclude: Set<number> | null = null;
      const excluded = () => (exclude ??= new Set(inJs ? matchingRowids(db, complete, EXCLUDE_IN_JS + 1) : []));
      segments.push(rankedSegment(ctx, inJs ? plan.rare : notComplete, rareCount, 'partial', excluded));
    }
  }
  if (plan.mid && plan.notCommon) {
    // The articles with only non-essential words (partial.ts): counted as all those with a word that is
    // not common less the rare ones, two plain counts; ranked only when a page reaches them.
    const match = isSuperset ? plan.mid : `(${plan.mid}) NOT (${complete})`;
    const count = isSuperset ? countMatches(db, plan.notCommon) - total1 - rareCount : countMatches(db, match);
    if (count > 0) segments.push(plainSegment(ctx, match, count, 'partial', sort === 'date' ? 'date' : 'bm25'));
  }
  if (plan.common) {
    const match = `(${plan.common}) NOT (${complete})`;
    const count = countMatches(db, match);
    if (count > 0) segments.push(plainSegment(ctx, match, count, 'partial', sort === 'date' ? 'date' : 'bm25'));
  }
  return segments;
}

/**
 * The article's words that matched, from one pass over its hits: `words`, folded, in the order first seen
 * (title, author, body); `byTerm`, per typed word in query order, those words with their fields (TermMatch).
 */
function matchedWords(
  a: { title: string; author: string | null; text: string },
  hits: Record<TextField, { start: number; end: number; term: number }[]>,
  matcher: Matcher,
): { words: string[]; byTerm: TermMatch[] } {
  const words = new Set<string>();
  const groups = new Map<number, Map<string, { fields: Set<MatchField>; fragment: boolean }>>();
  const texts = { title: a.title, author: a.author ?? '', body: a.text } as const;
  for (const field of ['title', 'author', 'body'] as const) {
    for (const h of hits[field]) {
      const t = matcher.terms[h.term]!;
      const word = fold(texts[field].slice(h.start, h.end));
      words.add(word);
      const forTerm = groups.get(h.term) ?? groups.set(h.term, new Map()).get(h.term)!;
      const fragment = t.sequence === null && !word.startsWith(t.word) && !t.variants.includes(word) && t.fragments.includes(word);
      const w = forTerm.get(word) ?? forTerm.set(word, { fields: new Set(), fragment }).get(word)!;
      w.fields.add(field);
    }
  }
  const byTerm = [...groups]
    .sort(([x], [y]) => x - y)
    .map(([i, found]) => ({
      term: matcher.terms[i]!.source.text,
      words: [...found].slice(0, MATCHED_WORDS).map(([word, w]) => ({ word, fields: [...w.fields], fragment: w.fragment })),
    }));
  return { words: [...words], byTerm };
}

function describe(ctx: Context, compiled: CompiledQuery, pick: Pick, matchers: Record<1 | 2, Matcher>): SearchResult | null {
  const meta = getArticleMeta(ctx.db, pick.rowid);
  // Word and partial matches were mostly read while ranking; fragment matches are read here.
  const reader = pick.tier === 2 ? new Analyzer(ctx.db, matchers[2], ctx.analyzer.termClause, SNIPPET_HITS) : ctx.analyzer;
  const matcher = reader.matcher;
  const texts = meta ? reader.get(pick.rowid) : null;
  if (!meta || !texts) return null;
  const fields = (['title', 'author', 'body'] as const).filter((f) => texts.hits[f].length > 0);
  const terms = new Set<number>();
  for (const f of fields) for (const h of texts.hits[f]) terms.add(h.term);
  const positive = positiveOf(compiled);
  // A word missing from the hits read may still be further on in a long article: FTS5 has the last word.
  const missing =
    pick.tier === 'partial'
      ? positive
          .map((c, i) => ({ c, i }))
          .filter(
            ({ c, i }) =>
              !isStrict(c) &&
              !texts.clauses.has(ctx.weights.leader[i]!) &&
              // Only a body read to its last hit can be missing more; FTS5 has the last word.
              (!texts.isBodyCut || !isMatch(ctx.db, clauseExpr(c, ctx.weights.viaFragments[i]!), pick.rowid)),
          )
          .map(({ c }) => c.terms.map((t) => t.source.text).join(' OR '))
      : [];
  const matched = matchedWords(texts, texts.hits, matcher);
  const snippetHits = texts.hits.body.slice(0, SNIPPET_HITS);
  const page = pagedFormat(meta.path) ? hitPage(ctx.db, pick.rowid, snippetHits) : null;
  return {
    id: meta.id,
    path: meta.path,
    title: meta.title,
    author: meta.author,
    date: meta.date,
    score: pick.score,
    snippet: snippet(texts.text, snippetHits),
    title_segments: marked(meta.title, texts.hits.title),
    missing,
    matched: {
      fields: [...fields],
      terms: [...terms].sort((x, y) => x - y).map((i) => matcher.terms[i]!.source.text),
      words: matched.words,
      by_term: matched.byTerm,
    },
    ...(page === null ? {} : { page }),
  };
}

/** Only a PDF has pages; other articles are not read twice for a page they do not have. */
const pagedFormat = (path: string): boolean => formatOf(path) === 'pdf';

function hitPage(db: Database, rowid: number, hits: readonly Hit[]): number | null {
  const hit = snippetHit(hits);
  const blocks = hit ? getArticleBlocks(db, rowid) : undefined;
  return hit && blocks ? pageAt(blocks, hit.start) : null;
}

function emptyNotice(q: string, compiled: CompiledQuery): string {
  const hasExclusions = compiled.clauses.some((c) => c.isNegated);
  const hasStrict = positiveOf(compiled).some(isStrict);
  const why =
    hasStrict || hasExclusions
      ? 'Quoted phrases, title: and author: words and words after “-” are never relaxed; try without one of them.'
      : 'No article holds any of these words; try a shorter beginning of a word.';
  return `No results for “${q.trim().slice(0, 80)}”. ${why}`;
}

/**
 * A query that is one letter of an alphabet and nothing else: the beginning of a word being typed, too
 * short to mean a word ("c" would match the C of D.C.). Its answer is the titles that begin with it.
 */
function singleLetter(parsed: ParsedQuery): string | null {
  const [clause, ...more] = parsed.clauses;
  const term = clause?.terms.length === 1 ? clause.terms[0]! : null;
  if (!clause || more.length > 0 || clause.isNegated || !term || term.field !== null || term.isPhrase || term.tokens.length !== 1)
    return null;
  const letter = term.tokens[0]!;
  return /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u.test(letter) ? letter : null;
}

export function searchArticles(db: Database, q: string, options: SearchOptions = {}): SearchResponse {
  const limit = Math.max(0, Math.min(options.limit ?? 20, 200));
  const offset = Math.max(0, options.offset ?? 0);
  const sort = options.sort ?? 'relevance';
  const prepared = prepareQuery(db, q);
  const { parsed, notes } = prepared;
  const notice = (extra: string[] = []) => [...notes, ...extra].join(' ') || null;
  if (!prepared.compiled.tier1) return { total: 0, complete: 0, corrected: [], notice: notice(), results: [] };
  const counts = (c: CompiledQuery): [number, number] => {
    const n1 = countMatches(db, c.tier1!);
    // A broad query already has more word matches than anyone pages through; fragments add nothing.
    return [n1, c.tier2 && !isBroad(db, n1) ? countMatches(db, c.tier2) : 0];
  };
  // Corrections (query/corrections.ts): a query that matches nothing as typed is searched corrected;
  // one that does gets the articles its corrections add after its own complete matches.
  const typed = prepared.compiled;
  const typedTotals = counts(typed);
  const correction = options.exact ? null : correctQuery(db, typed);
  const isReplaced = correction !== null && typedTotals[0] + typedTotals[1] === 0;
  const compiled = correction ? correction.compiled : typed;
  const [total1, total2] = isReplaced ? counts(compiled) : typedTotals;
  const isBroad1 = isBroad(db, total1);
  const added = correction && !isReplaced ? `(${correction.compiled.complete}) NOT (${typed.complete})` : null;
  const addedCount = added ? countMatches(db, added) : 0;
  const corrected: QueryCorrection[] = correction && (isReplaced || addedCount > 0) ? correction.corrections : [];
  const completeCount = total1 + total2 + addedCount;
  const cap = broadCap(db);
  const weights = clauseWeights(db, compiled, articleCountBound(db), cap, completeCount);
  const plan = planPartial(compiled, weights, cap, options.essentialPostings);
  // Compiling the needle regex costs more than tokenizing a short text whole (a dictionary entry, an
  // abstract): with a pasted question's dozen words and their variants, 5-10 ms a query; past a few
  // thousand characters the regex wins. A fragment matcher has up to a hundred words, each letter a class
  // of its accented forms: V8 takes 100-200 ms to compile that regex, while tokenizing a result up to its
  // first hits takes well under one.
  const matchers = { 1: new Matcher(compiled, false, PREFILTER_FROM), 2: new Matcher(compiled, true, FRAGMENT_PREFILTER_FROM) };
  const termClause = positiveOf(compiled).flatMap((c, i) => c.terms.map(() => i));
  const analyzer = new Analyzer(db, plan?.usesFragments ? matchers[2] : matchers[1], termClause, BODY_HITS);
  const totals = indexTotals(db);
  const averages = totals.tokens.map((t) => (totals.rows > 0 ? t / totals.rows : 0));
  const ctx: Context = {
    db,
    sort,
    hasExclusions: compiled.clauses.some((c) => c.isNegated),
    weights,
    analyzer,
    averages,
    articles: totals.rows,
  };
  const letter = singleLetter(parsed);
  if (letter !== null) {
    const { total, rowids } = titlesStartingWith(db, letter, limit, offset);
    const results = rowids
      .map((rowid) => describe(ctx, compiled, { rowid, score: 0, tier: 1 }, matchers))
      .filter((r): r is SearchResult => r !== null);
    const hint = `Showing titles that begin with “${letter}”; type more letters to search the text.`;
    return { total, complete: total, corrected: [], notice: notice([hint]), results };
  }
  const base = isReplaced ? compiled : typed;
  const segments = completeSegments(ctx, parsed, base, [total1, total2], isBroad1);
  if (added && addedCount > 0) segments.push(rankedSegment(ctx, added, addedCount, 1, () => new Set()));
  if (plan) segments.push(...partialSegments(ctx, compiled, plan, [total1, total2 + addedCount], isBroad1));
  const total = segments.reduce((n, s) => n + s.count, 0);
  const picks = take(segments, offset, limit);
  const results = picks.map((p) => describe(ctx, compiled, p, matchers)).filter((r): r is SearchResult => r !== null);
  const extra =
    total === 0 ? [emptyNotice(q, compiled)] : completeCount === 0 ? ['No article holds every word; these hold some of them.'] : [];
  return { total, complete: completeCount, corrected, notice: notice(extra), results };
}
