import type { Database } from 'better-sqlite3';
import type { Block } from '../../../common/blocks.ts';
import { paragraphsFromText } from '../text/blocks.ts';
import { NOT_A_COPY } from './copies.ts';
import { statementCache } from './statements.ts';

export interface ArticleRow {
  rowid: number;
  id: string;
  folder: string;
  relpath: string;
  path: string;
  format: string;
  hash: string;
  title: string;
  author: string | null;
  date: string | null;
  source: string | null;
  language: string | null;
  dir: string | null;
  tags: string;
  text: string;
  blocks: string | null;
  word_count: number;
}

export type ArticleMeta = Omit<ArticleRow, 'text' | 'blocks' | 'tags' | 'relpath' | 'format' | 'hash'> & { tags: string[] };

const META_COLUMNS = 'rowid, id, folder, path, title, author, date, source, language, dir, tags, word_count';

const statements = statementCache((db) => ({
  byId: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
  byRowid: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE rowid = ?'),
  metaByRowid: db.prepare<[number], Omit<ArticleMeta, 'tags'> & { tags: string }>(`SELECT ${META_COLUMNS} FROM articles WHERE rowid = ?`),
  count: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM articles WHERE ${NOT_A_COPY}`),
  exists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM articles WHERE id = ?'),
  hash: db.prepare<[string], string>('SELECT hash FROM articles WHERE id = ?').pluck(),
  maxRowid: db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM articles'),
  byTitleKey: db.prepare<[string], { rowid: number }>(`SELECT rowid FROM articles WHERE title_key = ? AND ${NOT_A_COPY} LIMIT 5`),
  titleStarts: db
    .prepare<[string, string, number, number], number>(
      `SELECT rowid FROM articles WHERE title_key >= ? AND title_key < ? AND ${NOT_A_COPY} ORDER BY title_key, rowid LIMIT ? OFFSET ?`,
    )
    .pluck(),
  titleStartsCount: db
    .prepare<[string, string], number>(`SELECT count(*) FROM articles WHERE title_key >= ? AND title_key < ? AND ${NOT_A_COPY}`)
    .pluck(),
  blocksByRowid: db.prepare<[number], Pick<ArticleRow, 'text' | 'blocks'>>('SELECT text, blocks FROM articles WHERE rowid = ?'),
  textsByRowid: db.prepare<[number], { title: string; author: string | null; text: string }>(
    'SELECT title, author, text FROM articles WHERE rowid = ?',
  ),
}));

export function toMeta(row: Omit<ArticleMeta, 'tags'> & { tags: string }): ArticleMeta {
  return { ...row, tags: JSON.parse(row.tags) as string[] };
}

export function getArticleRow(db: Database, id: string): ArticleRow | undefined {
  return statements(db).byId.get(id);
}

export function getArticleMeta(db: Database, rowid: number): ArticleMeta | undefined {
  const row = statements(db).metaByRowid.get(rowid);
  return row && toMeta(row);
}

export function getArticleTexts(db: Database, rowid: number): { title: string; author: string | null; text: string } | undefined {
  return statements(db).textsByRowid.get(rowid);
}

export function getArticleBlocks(db: Database, rowid: number): Block[] | undefined {
  const row = statements(db).blocksByRowid.get(rowid);
  return row && rowBlocks(row);
}

/** Articles whose folded title begins with `key`, in title order (a range of the title_key index). */
export function titlesStartingWith(db: Database, key: string, limit: number, offset: number): { total: number; rowids: number[] } {
  const s = statements(db);
  const end = `${key}\u{10FFFF}`;
  return { total: s.titleStartsCount.get(key, end)!, rowids: s.titleStarts.all(key, end, limit, offset) };
}

export function articleExists(db: Database, id: string): boolean {
  return statements(db).exists.get(id) !== undefined;
}

/** The content hash of an article's file, or undefined when there is no such article. */
export function articleHash(db: Database, id: string): string | undefined {
  return statements(db).hash.get(id);
}

export function countArticles(db: Database): number {
  return statements(db).count.get()!.n;
}

/** An upper bound of the article count in O(1) (copies included), for deciding how broad a query is. */
export function articleCountBound(db: Database): number {
  return statements(db).maxRowid.get()?.n ?? 0;
}

export function rowidsByTitleKey(db: Database, key: string): number[] {
  return statements(db)
    .byTitleKey.all(key)
    .map((r) => r.rowid);
}

export function rowBlocks(row: Pick<ArticleRow, 'text' | 'blocks'>): Block[] {
  return row.blocks === null ? paragraphsFromText(row.text) : (JSON.parse(row.blocks) as Block[]);
}
