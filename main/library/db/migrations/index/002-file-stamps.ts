import type { Database } from 'better-sqlite3';

/**
 * The start-up scan compares every file's size and time with the index. Covering them in an index
 * reads a few MB of index pages instead of one table page per article (the text lives in the row).
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX articles_file_stamps ON articles (folder, relpath, size, mtime_ms)');
}
