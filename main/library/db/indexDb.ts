import { existsSync } from 'node:fs';
import { indexMigrations } from './migrations/indexMigrations.ts';
import { checkIntegrity, DatabaseOpenError, openDatabase, type Db, type OpenOptions } from './open.ts';
import { moveAside, stamp } from './files.ts';

export interface OpenedIndex {
  db: Db;
  /** Set when a damaged index was moved aside and a fresh one created: the caller re-imports content. */
  recoveredFrom: string | null;
}

/**
 * Opens the index database. The index holds nothing that cannot be rebuilt from the article files,
 * so a damaged one is moved aside (never deleted) and started afresh.
 */
export function openIndexDb(path: string, options: OpenOptions & { now?: () => Date } = {}): OpenedIndex {
  const now = options.now ?? (() => new Date());
  if (existsSync(path)) {
    try {
      const db = openDatabase(path, indexMigrations, options);
      const problem = checkIntegrity(db);
      if (problem === null) return { db, recoveredFrom: null };
      db.close();
    } catch (err) {
      if (!(err instanceof DatabaseOpenError) || err.code === 'newer' || err.code === 'missing') throw err;
    }
    const aside = moveAside(path, `corrupt-${stamp(now())}`);
    return { db: openDatabase(path, indexMigrations, options), recoveredFrom: aside };
  }
  return { db: openDatabase(path, indexMigrations, options), recoveredFrom: null };
}
