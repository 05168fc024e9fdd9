import type { Database } from 'better-sqlite3';
import type { ArticleSummary, ReadingPosition, Requests } from '../../common/contract.ts';
import { articleHash } from './db/articles.ts';
import { standingId } from './db/copies.ts';
import { librarySummary, type LibraryRow } from './db/library.ts';
import { dismissPosition, getPosition, progressOf, putPosition, restorePosition, shelfPositions } from './db/positions.ts';
import { OffprintError } from './errors.ts';

/**
 * Reading positions, one per document: copies of one file (db/copies.ts) share the position of the
 * copy that stands for them, whichever of them is opened. It is kept under that copy's id (with the
 * content hash, so that it can follow the document when that file goes: sharedCopies.ts).
 */

/** The id a position is kept under: the standing copy's, or the id itself for an article not in the index. */
const keyOf = (indexDb: Database, id: string): string => standingId(indexDb, id) ?? id;

export function positionOf(indexDb: Database, userDb: Database, id: string): ReadingPosition | null {
  const p = getPosition(userDb, keyOf(indexDb, id));
  // Said under the id asked for: the reader compares it with the article it opened.
  return p ? { ...p, id } : null;
}

export function savePosition(
  indexDb: Database,
  userDb: Database,
  input: Requests['position.set']['in'],
  now: Date,
  day: string,
): ReadingPosition {
  const hash = articleHash(indexDb, input.id);
  if (hash === undefined) throw new OffprintError('not-found', `No article with id ${input.id}; its position is not kept.`);
  const position = { id: input.id, ...input.anchor, progress: input.progress, updatedAt: now.toISOString() };
  putPosition(userDb, { ...position, id: keyOf(indexDb, input.id) }, { day, isPastFirstScreen: input.pastFirstScreen ?? false, hash });
  return position;
}

export function dismissContinue(indexDb: Database, userDb: Database, id: string, day: string): boolean {
  return dismissPosition(userDb, keyOf(indexDb, id), day);
}

export function restoreContinue(indexDb: Database, userDb: Database, id: string): boolean {
  return restorePosition(userDb, keyOf(indexDb, id));
}

/** A library row with how far it was read: a copy's row shows the progress of its document. */
export function withProgress(indexDb: Database, userDb: Database, r: LibraryRow): ArticleSummary {
  return { ...r, progress: progressOf(userDb, keyOf(indexDb, r.id)) };
}

/**
 * The Continue reading shelf: each document once, by the copy that stands for it (a position saved
 * under a copy's id before it was a copy, or before sharedCopies.ts moved it, is the same document).
 */
export function continueShelf(indexDb: Database, userDb: Database, limit: number): ArticleSummary[] {
  const seen = new Set<string>();
  const out: ArticleSummary[] = [];
  // Twice as many: a document's older position under another copy's id is skipped.
  for (const p of shelfPositions(userDb, limit * 2)) {
    if (out.length === limit) break;
    const key = keyOf(indexDb, p.id);
    const row = seen.has(key) ? undefined : librarySummary(indexDb, key);
    seen.add(key);
    if (row) out.push(withProgress(indexDb, userDb, row));
  }
  return out;
}
