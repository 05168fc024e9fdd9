import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

// data_version moves when another connection commits; total_changes when this one writes.
const statements = statementCache((db) => ({
  stamp: db.prepare<[], string>("SELECT data_version || ':' || total_changes() FROM pragma_data_version").pluck(),
}));

/** A value that changes whenever the database may have: compare two to know whether anything was written. */
export function changeStamp(db: Database): string {
  return statements(db).stamp.get()!;
}

/**
 * A per-connection value built from the database and kept until it changes (see changeStamp), or
 * while a transaction of this connection is open, not at all: its writes are not final.
 */
export function untilChanged<T>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, { stamp: string; value: T }>();
  return (db) => {
    const stamp = changeStamp(db);
    const known = cache.get(db);
    if (known && known.stamp === stamp && !db.inTransaction) return known.value;
    const value = build(db);
    if (!db.inTransaction) cache.set(db, { stamp, value });
    return value;
  };
}
