import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export interface PositionRow {
  id: string;
  block: number;
  offset: number;
  quote: string;
  progress: number;
  updated_at: string;
}

const statements = statementCache((db) => ({
  get: db.prepare<[string], PositionRow>('SELECT * FROM positions WHERE id = ?'),
  put: db.prepare(
    `INSERT INTO positions (id, block, offset, quote, progress, updated_at) VALUES (@id, @block, @offset, @quote, @progress, @updated_at)
     ON CONFLICT (id) DO UPDATE SET block = excluded.block, offset = excluded.offset, quote = excluded.quote,
       progress = excluded.progress, updated_at = excluded.updated_at`,
  ),
  recent: db.prepare<[number], PositionRow>('SELECT * FROM positions WHERE progress < 0.98 ORDER BY updated_at DESC LIMIT ?'),
  progressOf: db.prepare<[string], { progress: number }>('SELECT progress FROM positions WHERE id = ?'),
}));

export function getPosition(db: Database, id: string): PositionRow | undefined {
  return statements(db).get.get(id);
}

export function putPosition(db: Database, row: PositionRow): void {
  statements(db).put.run(row);
}

export function recentPositions(db: Database, limit: number): PositionRow[] {
  return statements(db).recent.all(limit);
}

export function progressOf(db: Database, id: string): number | null {
  return statements(db).progressOf.get(id)?.progress ?? null;
}
