import type { Database } from 'better-sqlite3';

/**
 * "By title" in the reader's alphabet: a sort key of its own (text/collation.ts), apart from title_key,
 * which stays the folded form that exact-title lookups need. The keys are filled in by sortKeys.ts,
 * which also refills them when the locale or the way keys are made changes.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE articles ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX articles_sort_key ON articles (sort_key);
  `);
}
