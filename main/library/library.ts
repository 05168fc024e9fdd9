import type { Database } from 'better-sqlite3';
import { statementCache } from './db/statements.ts';

/** The library view's queries: all articles, sorted, optionally one folder's. */
export interface LibraryRow {
  id: string;
  title: string;
  author: string | null;
  date: string | null;
  source: string | null;
  folder: string;
  word_count: number;
}

const COLS = 'id, title, author, date, source, folder, word_count';
const statements = statementCache((db) => ({
  byTitle: db.prepare<[string | null, string | null, number, number], LibraryRow>(
    `SELECT ${COLS} FROM articles WHERE (? IS NULL OR folder = ?) ORDER BY title_key, rowid LIMIT ? OFFSET ?`,
  ),
  byDate: db.prepare<[string | null, string | null, number, number], LibraryRow>(
    `SELECT ${COLS} FROM articles WHERE (? IS NULL OR folder = ?) ORDER BY date IS NULL, date DESC, rowid DESC LIMIT ? OFFSET ?`,
  ),
  count: db.prepare<[string | null, string | null], { n: number }>('SELECT count(*) AS n FROM articles WHERE (? IS NULL OR folder = ?)'),
  summary: db.prepare<[string], LibraryRow>(`SELECT ${COLS} FROM articles WHERE id = ?`),
  folderCounts: db.prepare<[], { folder: string; n: number }>('SELECT folder, count(*) AS n FROM articles GROUP BY folder'),
  problems: db.prepare<[], { folder: string; path: string; reason: string }>(
    'SELECT folder, path, reason FROM import_errors ORDER BY folder, relpath',
  ),
}));

export function listLibrary(
  db: Database,
  sort: 'title' | 'date',
  limit: number,
  offset: number,
  folder: string | null,
): { total: number; rows: LibraryRow[] } {
  const s = statements(db);
  const rows = (sort === 'title' ? s.byTitle : s.byDate).all(folder, folder, limit, offset);
  return { total: s.count.get(folder, folder)!.n, rows };
}

export function librarySummary(db: Database, id: string): LibraryRow | undefined {
  return statements(db).summary.get(id);
}

export function folderCounts(db: Database): Map<string, number> {
  return new Map(
    statements(db)
      .folderCounts.all()
      .map((r) => [r.folder, r.n]),
  );
}

export function importProblems(db: Database): { folder: string; path: string; reason: string }[] {
  return statements(db).problems.all();
}
