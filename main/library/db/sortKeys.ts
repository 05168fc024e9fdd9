import type { Database } from 'better-sqlite3';
import { COLLATION_VERSION, defaultCollation } from '../text/collation.ts';
import { statementCache } from './statements.ts';

const statements = statementCache((db) => ({
  get: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'sort_collation'").pluck(),
  set: db.prepare<[string]>("INSERT OR REPLACE INTO meta (key, value) VALUES ('sort_collation', ?)"),
  titles: db.prepare<[], { rowid: number; title: string }>('SELECT rowid, title FROM articles'),
  setKey: db.prepare<[string, number]>('UPDATE articles SET sort_key = ? WHERE rowid = ?'),
}));

/**
 * Makes every article's sort key the one this runtime makes: after the migration that added them, and
 * whenever the locale (or the way keys are made) differs from the one they were made in. Imports write
 * keys as they go (rows.ts); this refills them all, about a second per 100,000 articles. Returns
 * whether it did.
 */
export function ensureSortKeys(db: Database): boolean {
  const collation = defaultCollation();
  const stamp = `${COLLATION_VERSION}:${collation.locale}`;
  const s = statements(db);
  if (s.get.get() === stamp) return false;
  db.transaction(() => {
    for (const { rowid, title } of s.titles.all()) s.setKey.run(collation.key(title), rowid);
    s.set.run(stamp);
  })();
  return true;
}
