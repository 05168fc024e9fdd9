import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { migrate, type Migration } from './migrate.ts';

export type { Db };

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime; see nativeBinding.ts. */
  nativeBinding?: string | undefined;
  readonly?: boolean;
  /** Called once before pending migrations run (the user database backs itself up here). */
  onBeforeMigrate?: () => void;
  /** Called with every statement the connection runs, its values filled in (tests that check what an operation reads). */
  verbose?: (sql: string) => void;
}

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'corrupt' | 'unreadable' | 'newer',
  ) {
    super(message);
  }
}

function applyPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // better-sqlite3 builds with WAL synchronous=NORMAL; keep it explicit: a power cut may lose the
    // last commits, never consistency.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
}

export function openDatabase(path: string, migrations: readonly Migration[], options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  let db: Db;
  try {
    db = new Database(path, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.verbose ? { verbose: (sql: unknown) => options.verbose!(String(sql)) } : {}),
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN') throw new DatabaseOpenError(`Cannot open database ${path}: no such file or folder.`, 'missing');
    throw new DatabaseOpenError(`Cannot open database ${path}: ${(err as Error).message}`, 'unreadable');
  }
  try {
    applyPragmas(db, readonly);
    if (readonly) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== migrations.at(-1)?.version) {
        throw new DatabaseOpenError(`Database ${path} is not an Offprint database at the expected schema.`, 'corrupt');
      }
    } else {
      migrate(db, migrations, options.onBeforeMigrate);
    }
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseOpenError(`Database ${path} is damaged (${code}).`, 'corrupt');
    }
    if ((err as Error).name === 'MigrationError') throw new DatabaseOpenError((err as Error).message, 'newer');
    throw err;
  }
  return db;
}

/** Cheap health check for start-up: the page structure and the FTS index agree with themselves. */
export function checkIntegrity(db: Db): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  if (first !== 'ok') return first ?? 'quick_check returned nothing';
  return null;
}
