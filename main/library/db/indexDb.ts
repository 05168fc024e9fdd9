import { existsSync } from 'node:fs';
import { indexMigrations } from './migrations/indexMigrations.ts';
import { checkIntegrity, DatabaseOpenError, openDatabase, type Db, type OpenOptions } from './open.ts';
import { moveAside, stamp } from './files.ts';
import { ensureSortKeys } from './sortKeys.ts';
import { ensureTokenizerVersion } from './tokenizerVersion.ts';

export interface OpenedIndex {
  db: Db;
  /** Set when the index was made by an older way of preparing text and was emptied for re-import. */
  wasReset: boolean;
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
      if (problem === null) {
        const wasReset = ensureTokenizerVersion(db);
        ensureSortKeys(db);
        return { db, recoveredFrom: null, wasReset };
      }
      db.close();
    } catch (err) {
      if (!(err instanceof DatabaseOpenError) || err.code === 'newer' || err.code === 'missing') throw err;
    }
    const aside = moveAside(path, `corrupt-${stamp(now())}`);
    return fresh(path, options, aside);
  }
  return fresh(path, options, null);
}

function fresh(path: string, options: OpenOptions, recoveredFrom: string | null): OpenedIndex {
  const db = openDatabase(path, indexMigrations, options);
  ensureTokenizerVersion(db);
  ensureSortKeys(db);
  return { db, recoveredFrom, wasReset: false };
}
