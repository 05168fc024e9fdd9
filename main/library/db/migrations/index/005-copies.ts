import type { Database } from 'better-sqlite3';

/**
 * The same file in two places (copied into two folders, or added twice) is one article: the copy
 * indexed first (lowest rowid) stands for its content hash and title, and the others are listed in `copies`.
 * Copies keep their articles rows (each location is real, and opens) but have no FTS entry, so every
 * search, count, page and bm25 statistic sees each document once without a join on its hot path;
 * lists that read `articles` skip the rowids in `copies`, a small table that stays in cache.
 * db/copies.ts keeps this true as files come, change and go; here, an index built before it is sorted out.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX articles_by_hash ON articles (hash);
    CREATE TABLE copies (rowid INTEGER PRIMARY KEY) STRICT;
    INSERT INTO copies (rowid)
      SELECT a.rowid FROM articles a WHERE EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.title = a.title AND b.rowid < a.rowid);
  `);
  const unindex = db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?');
  for (const rowid of db.prepare<[], number>('SELECT rowid FROM copies').pluck().all()) unindex.run(rowid);
}
