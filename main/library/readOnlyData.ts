import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexStatus } from '../../common/contract.ts';
import { ensureSortKeys } from './db/sortKeys.ts';
import { indexMigrations } from './db/migrations/indexMigrations.ts';
import { userMigrations } from './db/migrations/userMigrations.ts';
import { openDatabase, type Db } from './db/open.ts';
import type { Migration } from './db/migrate.ts';
import { IDLE_STATUS, type Indexer } from './indexer.ts';
import { OffprintError } from './errors.ts';

/** True when Offprint may write its databases into `dir` (false for a read-only disk or folder). */
export function isWritableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ReadOnlyData {
  indexDb: Db;
  userDb: Db;
  indexer: Pick<Indexer, 'status' | 'sync' | 'remove'>;
  notice: string;
  close: () => void;
}

/**
 * A data folder Offprint cannot write to still opens: SQLite cannot read a WAL database in a folder
 * where it may not create its shared-memory file, so the databases are read from a private copy,
 * opened read-only. Searching and reading work; importing and saving answer with a clear error.
 */
export function openReadOnlyData(dataDir: string, options: { nativeBinding?: string | undefined }): ReadOnlyData {
  const snapshot = mkdtempSync(join(tmpdir(), 'offprint-readonly-'));
  const open = (name: string, migrations: readonly Migration[], upkeep: (db: Db) => void = () => undefined): Db => {
    const copy = join(snapshot, name);
    for (const suffix of ['', '-wal'])
      if (existsSync(join(dataDir, name + suffix))) copyFileSync(join(dataDir, name + suffix), copy + suffix);
    // No database yet in the folder: an empty one of the current schema, so the app still starts.
    const writable = openDatabase(copy, migrations, options);
    upkeep(writable);
    writable.close();
    return openDatabase(copy, migrations, { ...options, readonly: true });
  };
  const indexDb = open('index.db', indexMigrations, ensureSortKeys);
  const userDb = open('user.db', userMigrations);
  const message = `The data folder ${dataDir} is read-only: Offprint can read and search what it has, but cannot import articles or save positions, highlights or settings until the folder is writable.`;
  const refuse = async (): Promise<never> => {
    throw new OffprintError('read-only', message);
  };
  const status: IndexStatus = { ...IDLE_STATUS, state: 'error', message };
  return {
    indexDb,
    userDb,
    indexer: { status: () => ({ ...status }), sync: refuse, remove: refuse },
    notice: message,
    close() {
      indexDb.close();
      userDb.close();
      rmSync(snapshot, { recursive: true, force: true });
    },
  };
}
