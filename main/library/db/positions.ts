import type { Database } from 'better-sqlite3';
import type { ReadingPosition } from '../../../common/contract.ts';
import { statementCache } from './statements.ts';

const COLS = 'id, block, offset, quote, progress, updated_at AS updatedAt';

/**
 * On the shelf: not finished, not dismissed, and really being read — the reader has been past the
 * first screen, or opened it on two different days. The same text as positions_shelf's WHERE
 * (migrations/user/003), so the query walks that partial index.
 */
const ON_SHELF = 'progress < 0.98 AND dismissed_day IS NULL AND (past_first_screen = 1 OR days >= 2)';

/** The shelf's query, exported for its query-plan test. */
export const shelfSql = `SELECT ${COLS} FROM positions WHERE ${ON_SHELF} ORDER BY updated_at DESC LIMIT ?`;

/**
 * What a save says beyond the anchor: the local day it happened (YYYY-MM-DD), and whether the reader
 * has, in this visit, scrolled a whole screen from where the article opened.
 */
export interface PositionVisit {
  day: string;
  isPastFirstScreen: boolean;
  /** The content hash of the article as it was read (migrations/user/004). */
  hash: string | null;
}

const statements = statementCache((db) => ({
  get: db.prepare<[string], ReadingPosition>(`SELECT ${COLS} FROM positions WHERE id = ?`),
  // Every expression on the right reads the row as it was before this save (SQL's UPDATE semantics), so
  // `days` counts a day the row did not have yet. A dismissal is lifted when the article is read again:
  // opened on another day than it was dismissed, or read a screen further in one visit.
  put: db.prepare(
    `INSERT INTO positions (id, block, offset, quote, progress, updated_at, past_first_screen, last_day, days, hash)
       VALUES (@id, @block, @offset, @quote, @progress, @updatedAt, @pastFirstScreen, @day, 1, @hash)
     ON CONFLICT (id) DO UPDATE SET block = excluded.block, offset = excluded.offset, quote = excluded.quote,
       progress = excluded.progress, updated_at = excluded.updated_at, hash = excluded.hash,
       past_first_screen = max(past_first_screen, excluded.past_first_screen),
       days = days + (last_day <> excluded.last_day),
       last_day = excluded.last_day,
       dismissed_day = CASE WHEN excluded.last_day <> dismissed_day OR excluded.past_first_screen = 1 THEN NULL ELSE dismissed_day END`,
  ),
  shelf: db.prepare<[number], ReadingPosition>(shelfSql),
  dismiss: db.prepare<[string, string]>('UPDATE positions SET dismissed_day = ? WHERE id = ?'),
  restore: db.prepare<[string]>('UPDATE positions SET dismissed_day = NULL WHERE id = ? AND dismissed_day IS NOT NULL'),
  progressOf: db.prepare<[string], { progress: number }>('SELECT progress FROM positions WHERE id = ?'),
  keys: db.prepare<[], { id: string; hash: string | null }>('SELECT id, hash FROM positions'),
  setHash: db.prepare<[string, string]>('UPDATE positions SET hash = ? WHERE id = ?'),
  updatedAt: db.prepare<[string], string>('SELECT updated_at FROM positions WHERE id = ?').pluck(),
  remove: db.prepare<[string]>('DELETE FROM positions WHERE id = ?'),
  rename: db.prepare<[string, string]>('UPDATE positions SET id = ? WHERE id = ?'),
}));

export function getPosition(db: Database, id: string): ReadingPosition | undefined {
  return statements(db).get.get(id);
}

export function putPosition(db: Database, row: ReadingPosition, visit: PositionVisit): void {
  statements(db).put.run({ ...row, day: visit.day, pastFirstScreen: visit.isPastFirstScreen ? 1 : 0, hash: visit.hash });
}

/** The positions on the Continue reading shelf, most recently saved first. */
export function shelfPositions(db: Database, limit: number): ReadingPosition[] {
  return statements(db).shelf.all(limit);
}

/** Takes an article off the shelf until it is read again (see put); false when it has no position. */
export function dismissPosition(db: Database, id: string, day: string): boolean {
  return statements(db).dismiss.run(day, id).changes > 0;
}

/** Undoes a dismissal; false when the article was not dismissed. */
export function restorePosition(db: Database, id: string): boolean {
  return statements(db).restore.run(id).changes > 0;
}

export function progressOf(db: Database, id: string): number | null {
  return statements(db).progressOf.get(id)?.progress ?? null;
}

/** Every position's article id and the content hash it was last seen with. */
export function positionKeys(db: Database): { id: string; hash: string | null }[] {
  return statements(db).keys.all();
}

export function setPositionHash(db: Database, id: string, hash: string): void {
  statements(db).setHash.run(hash, id);
}

/**
 * Moves a position to another article id; when that one has a position too, the one saved last is kept.
 * Call inside a transaction.
 */
export function movePosition(db: Database, from: string, to: string): void {
  const s = statements(db);
  const mine = s.updatedAt.get(from);
  const theirs = s.updatedAt.get(to);
  if (mine === undefined) return;
  if (theirs !== undefined && theirs >= mine) return void s.remove.run(from);
  s.remove.run(to);
  s.rename.run(to, from);
}
