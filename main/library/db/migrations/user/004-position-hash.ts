import type { Database } from 'better-sqlite3';

/**
 * The content hash of the article a position was last saved or checked in (index.db's articles.hash).
 * A position is kept under the id of the copy that stands for its document (library/positions.ts); when
 * that file goes, its id goes with it, and the hash is how the position finds a copy that remains
 * (library/sharedCopies.ts). Highlights know theirs already, in `anchored_to`. Landed positions start
 * without one and get it at the next check, while their article is still in the index.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE positions ADD COLUMN hash TEXT');
}
