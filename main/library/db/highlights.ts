import type { Database } from 'better-sqlite3';
import type { Highlight } from '../../../common/contract.ts';
import { statementCache } from './statements.ts';

/** Columns as the wire names them, so a row is a Highlight as it is. */
const COLS = 'hid, id, title, block, start, "end", quote, note, created_at AS createdAt, updated_at AS updatedAt';

const statements = statementCache((db) => ({
  forArticle: db.prepare<[string], Highlight>(`SELECT ${COLS} FROM highlights WHERE id = ? ORDER BY block, start`),
  all: db.prepare<[], Highlight>(`SELECT ${COLS} FROM highlights ORDER BY updated_at DESC`),
  get: db.prepare<[string], Highlight>(`SELECT ${COLS} FROM highlights WHERE hid = ?`),
  insert: db.prepare(
    `INSERT INTO highlights (hid, id, title, block, start, end, quote, note, created_at, updated_at)
     VALUES (@hid, @id, @title, @block, @start, @end, @quote, @note, @createdAt, @updatedAt)`,
  ),
  setNote: db.prepare<[string, string, string]>('UPDATE highlights SET note = ?, updated_at = ? WHERE hid = ?'),
  remove: db.prepare<[string]>('DELETE FROM highlights WHERE hid = ?'),
}));

export function highlightsFor(db: Database, id: string): Highlight[] {
  return statements(db).forArticle.all(id);
}

export function allHighlights(db: Database): Highlight[] {
  return statements(db).all.all();
}

export function getHighlight(db: Database, hid: string): Highlight | undefined {
  return statements(db).get.get(hid);
}

export function insertHighlight(db: Database, row: Highlight): void {
  statements(db).insert.run(row);
}

export function setHighlightNote(db: Database, hid: string, note: string, at: string): boolean {
  return statements(db).setNote.run(note, at, hid).changes > 0;
}

export function removeHighlight(db: Database, hid: string): boolean {
  return statements(db).remove.run(hid).changes > 0;
}
