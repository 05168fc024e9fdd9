import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export class MigrationError extends Error {}

/** Runs every migration newer than the database, each in its own transaction ending with its user_version. */
export function migrate(db: Database, migrations: readonly Migration[], onBeforeMigrate?: () => void): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new MigrationError(`The database is at schema version ${current}, newer than this Offprint knows (${latest}). Update Offprint.`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length > 0) onBeforeMigrate?.();
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.length;
}
