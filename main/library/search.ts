import type { Database } from 'better-sqlite3';
import { articleCountBound, getArticleMeta, getArticleTexts, rowidsByTitleKey } from './db/articles.ts';
import { countMatches, isMatch, matchesByDate, newestMatches, rankedMatches, scoreOf, type RankedRow } from './db/search.ts';
import { compileQuery, type CompiledQuery } from './query/compile.ts';
import { correctQuery, type QueryCorrection } from './query/corrections.ts';
import { Matcher, type TextField } from './query/matcher.ts';
import { parseQuery, positiveClauses, queryTitleKey, type ParsedQuery } from './query/parse.ts';
import { snippet } from './query/snippet.ts';
import type { SearchResponse, SearchResult, SearchSort } from '../../common/contract.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SearchSort;
  /** No corrections: the query exactly as typed. */
  exact?: boolean;
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
 * first — each step stops after one page.
 */
const BROAD_SHARE = 0.1;
const SNIPPET_HITS = 50;
const FRAGMENT_PREFILTER_FROM = 100_000;
const BROAD_MIN = 2000;

interface Pick {
  rowid: number;
  score: number;
  tier: 1 | 2;
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

function exactTitlePicks(db: Database, parsed: ParsedQuery, compiled: CompiledQuery, broad: boolean): Pick[] {
  const key = queryTitleKey(parsed);
  if (key === '' || !compiled.tier1) return [];
  const picks: Pick[] = [];
  for (const rowid of rowidsByTitleKey(db, key)) {
    // A broad query's bm25 would read all its matches to weigh its words; such titles keep their order.
    if (broad) {
      if (isMatch(db, compiled.tier1, rowid)) picks.push({ rowid, score: TITLE_BONUS, tier: 1 });
      continue;
    }
    const bm = scoreOf(db, compiled.tier1, rowid);
    if (bm !== undefined) picks.push({ rowid, score: TITLE_BONUS - bm, tier: 1 });
  }
  return picks.sort((a, b) => b.score - a.score);
}

function page(
  db: Database,
  parsed: ParsedQuery,
  compiled: CompiledQuery,
  totals: [number, number],
  sort: SearchSort,
  limit: number,
  offset: number,
): Pick[] {
  const hasExclusions = compiled.clauses.some((c) => c.isNegated);
  // Each tier is broad or not by its own count: fragments of a few letters can be in many articles.
  const fetcher =
    (broad: boolean) =>
    (match: string, lim: number, off: number): RankedRow[] =>
      broad
        ? broadMatches(db, match, lim, off, hasExclusions)
        : sort === 'date'
          ? matchesByDate(db, match, lim, off)
          : rankedMatches(db, match, lim, off);
  const broad = sort === 'relevance' && isBroad(db, totals[0]);
  const fetch = fetcher(broad);
  const picks: Pick[] = [];
  const [total1, total2] = totals;
  const exact = sort === 'relevance' ? exactTitlePicks(db, parsed, compiled, broad) : [];
  const exactSet = new Set(exact.map((p) => p.rowid));
  if (offset < exact.length) picks.push(...exact.slice(offset, offset + limit));
  // Tier 1 without the exact-title picks, which are already placed first.
  let want = limit - picks.length;
  const off1 = Math.max(0, offset - exact.length);
  if (want > 0 && off1 < total1) {
    const rows = fetch(compiled.tier1!, want + exact.length, off1);
    for (const r of rows) {
      if (exactSet.has(r.rowid) || picks.length >= limit) continue;
      picks.push({ rowid: r.rowid, score: -r.bm, tier: 1 });
    }
  }
  want = limit - picks.length;
  const off2 = Math.max(0, offset - total1);
  if (want > 0 && compiled.tier2 && total2 > 0) {
    const fetch2 = fetcher(sort === 'relevance' && isBroad(db, total2));
    for (const r of fetch2(compiled.tier2, want, off2)) picks.push({ rowid: r.rowid, score: -r.bm * FRAGMENT_SCALE, tier: 2 });
  }
  return picks;
}

export function isBroad(db: Database, total: number): boolean {
  return total >= BROAD_MIN && total > articleCountBound(db) * BROAD_SHARE;
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

function describe(db: Database, pick: Pick, matchers: Record<1 | 2, Matcher>): SearchResult | null {
  const meta = getArticleMeta(db, pick.rowid);
  const texts = getArticleTexts(db, pick.rowid);
  if (!meta || !texts) return null;
  const matcher = matchers[pick.tier];
  const fields = new Set<TextField>();
  const terms = new Set<number>();
  // A snippet looks at the first hits only; a long article need not be scanned to its end.
  const note = (field: TextField, text: string) => {
    const hits = matcher.find(text, field, SNIPPET_HITS);
    if (hits.length > 0) fields.add(field);
    for (const h of hits) terms.add(h.term);
    return hits;
  };
  note('title', texts.title);
  note('author', texts.author ?? '');
  const bodyHits = note('body', texts.text);
  return {
    id: meta.id,
    path: meta.path,
    title: meta.title,
    author: meta.author,
    date: meta.date,
    score: pick.score,
    snippet: snippet(texts.text, bodyHits),
    matched: { fields: [...fields], terms: [...terms].sort((a, b) => a - b).map((i) => matcher.terms[i]!.source.text) },
  };
}

export function searchArticles(db: Database, q: string, options: SearchOptions = {}): SearchResponse {
  const limit = Math.max(0, Math.min(options.limit ?? 20, 200));
  const offset = Math.max(0, options.offset ?? 0);
  const sort = options.sort ?? 'relevance';
  const prepared = prepareQuery(db, q);
  const { parsed, notes } = prepared;
  let { compiled } = prepared;
  const notice = (extra: string[] = []) => [...notes, ...extra].join(' ') || null;
  if (!compiled.tier1) return { total: 0, corrected: [], notice: notice(), results: [] };
  let total1 = countMatches(db, compiled.tier1);
  // A broad query already has more word matches than anyone pages through; fragments add nothing.
  let total2 = compiled.tier2 && !isBroad(db, total1) ? countMatches(db, compiled.tier2) : 0;
  // Nothing as typed: the query with its misspelled words corrected.
  let corrected: QueryCorrection[] = [];
  const correction = options.exact || total1 + total2 > 0 ? null : correctQuery(db, compiled);
  if (correction) {
    compiled = correction.compiled;
    corrected = correction.corrections;
    total1 = countMatches(db, compiled.tier1!);
    total2 = compiled.tier2 && !isBroad(db, total1) ? countMatches(db, compiled.tier2) : 0;
  }
  const total = total1 + total2;
  const picks = page(db, parsed, compiled, [total1, total2], sort, limit, offset);
  // Whole-word matchers have few needles, so their regex is cheap to build and worth it for any body text.
  // A fragment matcher has up to a hundred words, each letter a class of its accented forms: V8 takes
  // 100-200 ms to compile that regex, while tokenizing a result up to its first hits takes well under one.
  const matchers = { 1: new Matcher(compiled, false, 256), 2: new Matcher(compiled, true, FRAGMENT_PREFILTER_FROM) };
  const results = picks.map((p) => describe(db, p, matchers)).filter((r): r is SearchResult => r !== null);
  const hasExclusions = compiled.clauses.some((c) => c.isNegated);
  const why = hasExclusions
    ? 'Every other word must appear in an article, and the words after “-” must not.'
    : 'Every word must appear in an article; try fewer words or a shorter beginning of a word.';
  const extra = total === 0 ? [`No results for “${q.trim().slice(0, 80)}”. ${why}`] : [];
  return { total, corrected, notice: notice(extra), results };
}
