import type { Database } from 'better-sqlite3';

/** The user database: what the reader made. Never rebuilt, backed up before every migration. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE folders (
      key TEXT PRIMARY KEY,
      root TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE positions (
      id TEXT PRIMARY KEY,
      block INTEGER NOT NULL,
      offset INTEGER NOT NULL,
      quote TEXT NOT NULL,
      progress REAL NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX positions_updated ON positions (updated_at);

    CREATE TABLE highlights (
      hid TEXT PRIMARY KEY,
      id TEXT NOT NULL,
      title TEXT NOT NULL,
      block INTEGER NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      quote TEXT NOT NULL,
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX highlights_article ON highlights (id, block, start);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
