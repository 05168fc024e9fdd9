import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

const statements = statementCache((db) => ({
  all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
  put: db.prepare<[string, string]>('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
  value: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
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

/** The key under which each write's number is kept; no setting has this name. */
export const REVISION_KEY = '_revision';

/** Writes the values and returns the write's number, one more than the last, in the same transaction. */
export function writeSettings(db: Database, values: Record<string, unknown>): number {
  const s = statements(db);
  return db.transaction(() => {
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && key !== REVISION_KEY) s.put.run(key, JSON.stringify(value));
    const last = Number(s.value.get(REVISION_KEY)?.value ?? 0);
    const revision = (Number.isSafeInteger(last) && last > 0 ? last : 0) + 1;
    s.put.run(REVISION_KEY, String(revision));
    return revision;
  })();
}
