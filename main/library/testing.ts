/** Helpers for tests: a real migrated database in a temp folder, and article files on disk. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { indexMigrations } from './db/migrations/indexMigrations.ts';
import { openDatabase, type OpenOptions } from './db/open.ts';

/** Every key of a search result, sorted: the API's and the CLI's JSON must both have exactly these. */
export const SEARCH_RESULT_KEYS = ['author', 'date', 'id', 'matched', 'missing', 'path', 'score', 'snippet', 'title', 'title_segments'];

export interface TempLibrary {
  dir: string;
  db: Database;
  dbPath: string;
  write: (relpath: string, content: string | Uint8Array) => string;
  cleanup: () => void;
}

export function tempLibrary(options: OpenOptions = {}): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-test-'));
  const dbPath = join(dir, 'index.db');
  const db = openDatabase(dbPath, indexMigrations, options);
  return {
    dir,
    db,
    dbPath,
    write(relpath, content) {
      const abs = join(dir, 'articles', relpath);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
