import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';

/** The pragmas Offprint's openDatabase sets, so the bare-SQL baselines run under the same conditions. */
export function offprintPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
}

/** File size once the WAL is folded back in: what the user's disk actually holds. */
export function checkpointedMb(db: Database, path: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path).size / 1048576;
}
