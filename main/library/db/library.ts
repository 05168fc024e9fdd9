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
/** The list's filters, each off when its value is null. */
const WHERE = '(@folder IS NULL OR folder = @folder) AND (@format IS NULL OR format = @format)';
interface Filter {
  folder: string | null;
  format: string | null;
}
const statements = statementCache((db) => ({
  byTitle: db.prepare<[Filter & { limit: number; offset: number }], LibraryRow>(
    // sort_key: the reader's alphabet (text/collation.ts); title_key would put Æ, Ø, Þ and ß after z.
    `SELECT ${COLS} FROM articles WHERE ${WHERE} ORDER BY sort_key, rowid LIMIT @limit OFFSET @offset`,
  ),
  byDate: db.prepare<[Filter & { limit: number; offset: number }], LibraryRow>(
    `SELECT ${COLS} FROM articles WHERE ${WHERE} ORDER BY date IS NULL, date DESC, rowid DESC LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<[Filter], { n: number }>(`SELECT count(*) AS n FROM articles WHERE ${WHERE}`),
  summary: db.prepare<[string], LibraryRow>(`SELECT ${COLS} FROM articles WHERE id = ?`),
  folderCounts: db.prepare<[], { folder: string; n: number }>('SELECT folder, count(*) AS n FROM articles GROUP BY folder'),
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
