import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

const statements = statementCache((db) => ({
  all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
  put: db.prepare<[string, string]>('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
}));

export function readSettings(db: Database): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of statements(db).all.all()) {
    try {
      out[key] = JSON.parse(value);
    } catch {
      // A damaged value falls back to its default.
    }
  }
  return out;
}

export function writeSettings(db: Database, values: Record<string, unknown>): void {
  const s = statements(db);
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) s.put.run(key, JSON.stringify(value));
  })();
}
