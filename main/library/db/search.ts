import type { Database } from 'better-sqlite3';
import { installCancelPoint, LIVE } from './cancel.ts';
import { untilChanged } from './changes.ts';
import { statementCache } from './statements.ts';

/** Field weights for bm25: title, author, body. */
export const WEIGHTS = [10.0, 4.0, 1.0] as const;

const BM25 = `bm25(articles_fts, ${WEIGHTS.join(', ')})`;

// The statements that may read many matches check for cancellation as they go (cancel.ts).
const MATCHING = `articles_fts WHERE articles_fts MATCH ? AND ${LIVE}`;

const statements = statementCache((db) => {
  installCancelPoint(db);
  return prepareAll(db);
});

const prepareAll = (db: Database) => ({
  count: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${MATCHING}`),
  // FTS5 walks the doclists lazily in rowid order, so the LIMIT bounds the work for a very common word.
  countUpTo: db.prepare<[string, number], number>(`SELECT count(*) FROM (SELECT 1 FROM ${MATCHING} LIMIT ?)`).pluck(),
  // FTS5's own statistics, from its shadow tables (the documented on-disk format, fts5_storage.c): row 1
  // of _data holds the row count and each column's token total; _docsize one row per article.
  averages: db.prepare<[], Buffer>('SELECT block FROM articles_fts_data WHERE id = 1').pluck(),
  docsize: db.prepare<[number], Buffer>('SELECT sz FROM articles_fts_docsize WHERE id = ?').pluck(),
  rowids: db.prepare<[string, number], number>(`SELECT rowid FROM ${MATCHING} LIMIT ?`).pluck(),
  // Rank first, without snippets: snippets are cut later for the final page only.
  ranked: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT rowid, ${BM25} AS bm FROM ${MATCHING} ORDER BY bm LIMIT ? OFFSET ?`,
  ),
  byDate: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT a.rowid, 0 AS bm FROM articles a
     WHERE a.rowid IN (SELECT rowid FROM ${MATCHING})
     ORDER BY a.date IS NULL, a.date DESC, a.rowid DESC LIMIT ? OFFSET ?`,
  ),
  newest: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT rowid, 0 AS bm FROM ${MATCHING} ORDER BY rowid DESC LIMIT ? OFFSET ?`,
  ),
  // CAST: a JS number binds as REAL, and FTS5 (SQLite 3.53) then drops `rowid = ?` beside MATCH and
  // returns every match. An INTEGER is honoured.
  isMatch: db
    .prepare<[string, number], number>('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)')
    .pluck(),
  // fts5vocab seeks to the term, then reads its whole doclist to count it: 1-5 ms for a word in most articles.
  vocab: db.prepare<[string], { docs: number; occurrences: number }>(
    'SELECT doc AS docs, cnt AS occurrences FROM articles_vocab WHERE term = ?',
  ),
});

interface VocabCount {
  docs: number;
  occurrences: number;
}

/**
 * Counts read per connection, kept until the database changes: the words feedback weighs are mostly the
 * same few hundred common ones from query to query, and they are the slow ones to count.
 */
const vocabCache = untilChanged(() => new Map<string, VocabCount | null>());
const VOCAB_CACHE_MAX = 50_000;

/** How many articles hold each term, and how often it occurs in all; terms not in the index are left out. */
export function vocabularyCounts(db: Database, terms: readonly string[]): Map<string, VocabCount> {
  const s = statements(db);
  const cache = vocabCache(db);
  if (cache.size > VOCAB_CACHE_MAX) cache.clear();
  const out = new Map<string, VocabCount>();
  for (const t of new Set(terms)) {
    let row = cache.get(t);
    if (row === undefined) cache.set(t, (row = s.vocab.get(t) ?? null));
    if (row) out.set(t, row);
  }
  return out;
}

/**
 * Counts read per connection, kept until the database changes: one search counts some expressions
 * twice (the complete matches, for the partial tier too), and the next keystroke's search counts most
 * of them again (each word's clause, the words typed before).
 */
const countCache = untilChanged(() => new Map<string, number>());
const COUNT_CACHE_MAX = 5_000;

function cachedCount(db: Database, key: string, count: () => number): number {
  const cache = countCache(db);
  let n = cache.get(key);
  if (n === undefined) {
    if (cache.size > COUNT_CACHE_MAX) cache.clear();
    cache.set(key, (n = count()));
  }
  return n;
}

export function countMatches(db: Database, match: string): number {
  return cachedCount(db, match, () => statements(db).count.get(match)!.n);
}

/** How many articles match, counting no further than `cap`. */
export function countUpTo(db: Database, match: string, cap: number): number {
  return cachedCount(db, `${cap}\u0000${match}`, () => statements(db).countUpTo.get(match, cap)!);
}

/** The rowids of up to `limit` matches, unranked (cheap: no bm25). */
export function matchingRowids(db: Database, match: string, limit: number): number[] {
  return statements(db).rowids.all(match, limit);
}

/** SQLite's varints, as FTS5 writes them: 7 bits a byte, high bit set on all but the last. */
function varints(buf: Buffer): number[] {
  const out: number[] = [];
  let v = 0;
  for (const b of buf) {
    v = v * 128 + (b & 0x7f);
    if (b < 0x80) {
      out.push(v);
      v = 0;
    }
  }
  return out;
}

/** Tokens per column (title, author, body) over the whole index, and the number of articles. */
export function indexTotals(db: Database): { rows: number; tokens: number[] } {
  const block = statements(db).averages.get();
  const [rows = 0, ...tokens] = block ? varints(block) : [];
  return { rows, tokens };
}

/** Tokens per column (title, author, body) of one article, as FTS5 counted them for bm25. */
export function columnSizes(db: Database, rowid: number): number[] {
  const sz = statements(db).docsize.get(rowid);
  return sz ? varints(sz) : [];
}

export interface RankedRow {
  rowid: number;
  bm: number;
}

export function rankedMatches(db: Database, match: string, limit: number, offset: number): RankedRow[] {
  return statements(db).ranked.all(match, limit, offset);
}

export function matchesByDate(db: Database, match: string, limit: number, offset: number): RankedRow[] {
  return statements(db).byDate.all(match, limit, offset);
}

export function newestMatches(db: Database, match: string, limit: number, offset: number): RankedRow[] {
  return statements(db).newest.all(match, limit, offset);
}

/** Whether one article matches a query; without bm25, whose statistics would read every match. */
export function isMatch(db: Database, match: string, rowid: number): boolean {
  return statements(db).isMatch.get(match, rowid) !== undefined;
}
