import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export interface HighlightRow {
  hid: string;
  id: string;
  title: string;
  block: number;
  start: number;
  end: number;
  quote: string;
  note: string;
  created_at: string;
  updated_at: string;
}

const statements = statementCache((db) => ({
  forArticle: db.prepare<[string], HighlightRow>('SELECT * FROM highlights WHERE id = ? ORDER BY block, start'),
  all: db.prepare<[], HighlightRow>('SELECT * FROM highlights ORDER BY updated_at DESC'),
  get: db.prepare<[string], HighlightRow>('SELECT * FROM highlights WHERE hid = ?'),
  insert: db.prepare(
    `INSERT INTO highlights (hid, id, title, block, start, end, quote, note, created_at, updated_at)
     VALUES (@hid, @id, @title, @block, @start, @end, @quote, @note, @created_at, @updated_at)`,
  ),
  setNote: db.prepare<[string, string, string]>('UPDATE highlights SET note = ?, updated_at = ? WHERE hid = ?'),
  remove: db.prepare<[string]>('DELETE FROM highlights WHERE hid = ?'),
}));

export function highlightsFor(db: Database, id: string): HighlightRow[] {
  return statements(db).forArticle.all(id);
}

export function allHighlights(db: Database): HighlightRow[] {
  return statements(db).all.all();
}

export function getHighlight(db: Database, hid: string): HighlightRow | undefined {
  return statements(db).get.get(hid);
}

export function insertHighlight(db: Database, row: HighlightRow): void {
  statements(db).insert.run(row);
}

export function setHighlightNote(db: Database, hid: string, note: string, at: string): boolean {
  return statements(db).setNote.run(note, at, hid).changes > 0;
}

export function removeHighlight(db: Database, hid: string): boolean {
  return statements(db).remove.run(hid).changes > 0;
}
