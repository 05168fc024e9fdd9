import type { Database } from 'better-sqlite3';
import type { ArticleSummary, ImportProblem, LibrarySort } from '../../../common/contract.ts';
import type { ArticleFormat } from '../../../common/formats.ts';
import type { Format } from '../model.ts';
import { statementCache } from './statements.ts';

/** Fails to compile when the importers make a format the library cannot filter by or name (common/formats.ts). */
type Unlisted = Exclude<Format, ArticleFormat>;
export const allFormatsListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** The library view's queries: all articles, sorted, optionally one folder's. A row is a summary less the reading progress, which user.db holds. */
export type LibraryRow = Omit<ArticleSummary, 'progress'>;

const COLS = 'id, title, author, date, source, folder, format, word_count AS wordCount';

/**
 * The copies (db/copies.ts) a list leaves out. The whole library shows each document once, by the copy
 * that stands for it. One folder shows every document it holds, by its own oldest copy there: a copy
 * is left out only when an older article with its content is in the same folder. The subquery does
 * not depend on the row, so SQLite runs it once per statement, over the few copies alone.
 */
const HIDDEN_COPIES = `SELECT c.rowid FROM copies c CROSS JOIN articles a ON a.rowid = c.rowid
  WHERE @folder IS NULL OR EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.title = a.title AND b.folder = @folder AND b.rowid < a.rowid)`;
/** The list's filters, each off when its value is null, and the copies left out. */
const SHOWN = `(@folder IS NULL OR folder = @folder) AND (@format IS NULL OR format = @format) AND rowid NOT IN (${HIDDEN_COPIES})`;

/** The library's first page by title, exported for its query-plan test. */
export const libraryByTitleSql = `SELECT ${COLS} FROM articles WHERE ${SHOWN} ORDER BY sort_key, rowid LIMIT @limit OFFSET @offset`;

interface Filter {
  folder: string | null;
  format: string | null;
}
type Page = Filter & { limit: number; offset: number };

const statements = statementCache((db) => ({
  byTitle: db.prepare<[Page], LibraryRow>(
    // sort_key: the reader's alphabet (text/collation.ts); title_key would put Æ, Ø, Þ and ß after z.
    libraryByTitleSql,
  ),
  byDate: db.prepare<[Page], LibraryRow>(
    `SELECT ${COLS} FROM articles WHERE ${SHOWN} ORDER BY date IS NULL, date DESC, rowid DESC LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<[Filter], { n: number }>(`SELECT count(*) AS n FROM articles WHERE ${SHOWN}`),
  summary: db.prepare<[string], LibraryRow>(`SELECT ${COLS} FROM articles WHERE id = ?`),
  // Each folder counts the documents it holds, once each (as its list shows them).
  folderCounts: db.prepare<[], { folder: string; n: number }>(
    `SELECT folder, count(*) AS n FROM articles WHERE rowid NOT IN (
       SELECT c.rowid FROM copies c CROSS JOIN articles a ON a.rowid = c.rowid
       WHERE EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.title = a.title AND b.folder = a.folder AND b.rowid < a.rowid))
     GROUP BY folder`,
  ),
  folderRoot: db.prepare<[string], { root: string }>('SELECT root FROM folders WHERE key = ?'),
  problems: db.prepare<[], ImportProblem>('SELECT folder, path, reason FROM import_errors ORDER BY folder, relpath'),
}));

export function listLibrary(
  db: Database,
  sort: LibrarySort,
  limit: number,
  offset: number,
  folder: string | null,
  format: string | null = null,
): { total: number; rows: LibraryRow[] } {
  const s = statements(db);
  const rows = (sort === 'title' ? s.byTitle : s.byDate).all({ folder, format, limit, offset });
  return { total: s.count.get({ folder, format })!.n, rows };
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

export function importProblems(db: Database): ImportProblem[] {
  return statements(db).problems.all();
}

/** Where an indexed folder lives on disk, or undefined for a key the index does not know. */
export function folderRoot(db: Database, key: string): string | undefined {
  return statements(db).folderRoot.get(key)?.root;
}
