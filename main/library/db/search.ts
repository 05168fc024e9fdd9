import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

/** Field weights for bm25: title, author, body. */
export const WEIGHTS = [10.0, 4.0, 1.0] as const;

const BM25 = `bm25(articles_fts, ${WEIGHTS.join(', ')})`;

const statements = statementCache((db) => ({
  count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?'),
  // Rank first, without snippets: snippets are cut later for the final page only.
  ranked: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT rowid, ${BM25} AS bm FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm LIMIT ? OFFSET ?`,
  ),
  byDate: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT a.rowid, 0 AS bm FROM articles a
     WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
     ORDER BY a.date IS NULL, a.date DESC, a.rowid DESC LIMIT ? OFFSET ?`,
  ),
  newest: db.prepare<[string, number, number], { rowid: number; bm: number }>(
    `SELECT rowid, 0 AS bm FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`,
  ),
  // CAST: a JS number binds as REAL, and FTS5 (SQLite 3.53) then drops `rowid = ?` beside MATCH and
  // returns every match. An INTEGER is honoured.
  matchOne: db.prepare<[string, number], { bm: number }>(
    `SELECT ${BM25} AS bm FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
  ),
  isMatch: db
    .prepare<[string, number], number>('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)')
    .pluck(),
}));

export function countMatches(db: Database, match: string): number {
  return statements(db).count.get(match)!.n;
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

/** The bm25 of one article for a query, or undefined when it does not match. */
export function scoreOf(db: Database, match: string, rowid: number): number | undefined {
  return statements(db).matchOne.get(match, rowid)?.bm;
}

/** Whether one article matches a query; unlike scoreOf, no bm25, whose statistics read every match. */
export function isMatch(db: Database, match: string, rowid: number): boolean {
  return statements(db).isMatch.get(match, rowid) !== undefined;
}
