import type { Database, Statement } from 'better-sqlite3';

/** Prepares each module's statements once per connection. */
export function statementCache<T extends Record<string, Statement>>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let s = cache.get(db);
    if (!s) {
      s = build(db);
      cache.set(db, s);
    }
    return s;
  };
}
