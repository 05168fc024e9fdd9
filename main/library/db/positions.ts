import type { Database } from 'better-sqlite3';
import type { ReadingPosition } from '../../../common/contract.ts';
import { statementCache } from './statements.ts';

const COLS = 'id, block, offset, quote, progress, updated_at AS updatedAt';

const statements = statementCache((db) => ({
  get: db.prepare<[string], ReadingPosition>(`SELECT ${COLS} FROM positions WHERE id = ?`),
  put: db.prepare(
    `INSERT INTO positions (id, block, offset, quote, progress, updated_at) VALUES (@id, @block, @offset, @quote, @progress, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET block = excluded.block, offset = excluded.offset, quote = excluded.quote,
       progress = excluded.progress, updated_at = excluded.updated_at`,
  ),
  recent: db.prepare<[number], ReadingPosition>(`SELECT ${COLS} FROM positions WHERE progress < 0.98 ORDER BY updated_at DESC LIMIT ?`),
  progressOf: db.prepare<[string], { progress: number }>('SELECT progress FROM positions WHERE id = ?'),
}));

export function getPosition(db: Database, id: string): ReadingPosition | undefined {
  return statements(db).get.get(id);
}

export function putPosition(db: Database, row: ReadingPosition): void {
  statements(db).put.run(row);
}

export function recentPositions(db: Database, limit: number): ReadingPosition[] {
  return statements(db).recent.all(limit);
}

export function progressOf(db: Database, id: string): number | null {
  return statements(db).progressOf.get(id)?.progress ?? null;
}
