import type { Database } from 'better-sqlite3';
import type { Document } from '../model.ts';
import { addCopy, dropCopy, firstWithContent, isCopy, settleCopies } from './copies.ts';
import { articleRow, type ArticleRowValues, type FileStamp, type FtsValues } from './rows.ts';
import { statementCache } from './statements.ts';
import { markTermsStale, noteIndexedText } from './terms.ts';

export type { FileStamp };

/** What the index holds of a file: [rowid, relpath, size, mtime_ms]. A tuple: a start-up scan reads 200k of them. */
export type KnownFile = [rowid: number, relpath: string, size: number, mtimeMs: number];

export interface FileProblem {
  folder: string;
  relpath: string;
  path: string;
  code: string;
  reason: string;
}

const statements = statementCache((db) => ({
  known: db.prepare<[string], KnownFile>('SELECT rowid, relpath, size, mtime_ms FROM articles WHERE folder = ?').raw(),
  anyKnown: db.prepare<[string], number>('SELECT 1 FROM articles WHERE folder = ? LIMIT 1').pluck(),
  hashOf: db.prepare<[number], { hash: string }>('SELECT hash FROM articles WHERE rowid = ?'),
  fileAt: db.prepare<[string, string], { rowid: number; hash: string }>(
    'SELECT rowid, hash FROM articles WHERE folder = ? AND relpath = ?',
  ),
  // Positional parameters, in the order of rows.ts articleRow(): binding by name costs a lookup per value.
  insertArticle: db.prepare<unknown[]>(
    `INSERT INTO articles (id, path, size, mtime_ms, hash, format, title, title_key, sort_key, author, date,
       source, language, dir, tags, text, blocks, word_count, folder, relpath)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  updateArticle: db.prepare<unknown[]>(
    `UPDATE articles SET id = ?, path = ?, size = ?, mtime_ms = ?, hash = ?, format = ?, title = ?, title_key = ?,
       sort_key = ?, author = ?, date = ?, source = ?, language = ?, dir = ?, tags = ?, text = ?, blocks = ?, word_count = ?
     WHERE folder = ? AND relpath = ?`,
  ),
  touch: db.prepare<[number, number, number]>('UPDATE articles SET size = ?, mtime_ms = ? WHERE rowid = ?'),
  deleteArticle: db.prepare<[number]>('DELETE FROM articles WHERE rowid = ?'),
  insertFts: db.prepare<[number, string, string, string]>('INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)'),
  deleteFts: db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?'),
  upsertFolder: db.prepare<[string, string]>(
    'INSERT INTO folders (key, root) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET root = excluded.root WHERE root <> excluded.root',
  ),
  deleteFolder: db.prepare<[string]>('DELETE FROM folders WHERE key = ?'),
  clearProblems: db.prepare<[string]>('DELETE FROM import_errors WHERE folder = ?'),
  insertProblem: db.prepare(
    `INSERT OR REPLACE INTO import_errors (folder, relpath, path, code, reason) VALUES (@folder, @relpath, @path, @code, @reason)`,
  ),
  folderRowids: db.prepare<[string], { rowid: number }>('SELECT rowid FROM articles WHERE folder = ?'),
}));

/** The files the index has from a folder, by relative path. */
export function knownFiles(db: Database, folder: string): Map<string, KnownFile> {
  const known = new Map<string, KnownFile>();
  for (const k of statements(db).known.all(folder)) known.set(k[1], k);
  return known;
}

/** Whether the index has any file from a folder: one index probe, not a count of them all. */
export function hasKnownFiles(db: Database, folder: string): boolean {
  return statements(db).anyKnown.get(folder) !== undefined;
}

/** The content hash stored for an article: looked up only for files whose size or time changed. */
export function storedHash(db: Database, rowid: number): string | null {
  return statements(db).hashOf.get(rowid)?.hash ?? null;
}

/**
 * Writes one article's prepared row and index entry; replaces the article at the same folder and path
 * if there is one. `isKnown` says whether the index already has the file (saves a lookup for new files).
 * Call inside a transaction that also calls markTermsStale (once is enough): the new words reach the
 * vocabulary in updateTerms.
 */
export function putRow(db: Database, row: ArticleRowValues, fts: FtsValues, isKnown: boolean): 'added' | 'updated' {
  const s = statements(db);
  const hash = row[4] as string;
  const old = isKnown ? s.fileAt.get(row[18] as string, row[19] as string) : undefined;
  let rowid: number;
  let isIndexed: boolean;
  if (old) {
    s.updateArticle.run(...row);
    rowid = old.rowid;
    // A copy has no FTS entry; settleCopies below gives it one if it now stands for its content.
    isIndexed = !isCopy(db, rowid);
    if (isIndexed) s.deleteFts.run(rowid);
  } else {
    rowid = Number(s.insertArticle.run(...row).lastInsertRowid);
    // A new rowid is above every other, so the file is a copy exactly when its content is already here.
    isIndexed = firstWithContent(db, hash, row[6] as string)!.rowid === rowid;
    if (!isIndexed) addCopy(db, rowid);
  }
  if (isIndexed) {
    s.insertFts.run(rowid, ...fts);
    noteIndexedText(db, fts);
  }
  if (old) {
    settleCopies(db, hash);
    if (old.hash !== hash) settleCopies(db, old.hash);
  }
  return old ? 'updated' : 'added';
}

/** Writes one document (see putRow). */
export function putDocument(db: Database, doc: Document, stamp: FileStamp, isKnown = true): 'added' | 'updated' {
  const { row, fts } = articleRow(doc, stamp);
  markTermsStale(db);
  return putRow(db, row, fts, isKnown);
}

export function touchFile(db: Database, rowid: number, size: number, mtimeMs: number): void {
  statements(db).touch.run(size, Math.trunc(mtimeMs), rowid);
}

export function deleteArticle(db: Database, rowid: number): void {
  deleteArticles(db, [rowid]);
}

/** Deletes articles, then lets a remaining copy of each stand for its content (copies.ts). */
export function deleteArticles(db: Database, rowids: Iterable<number>): void {
  const s = statements(db);
  const hashes = new Set<string>();
  for (const rowid of rowids) {
    const hash = s.hashOf.get(rowid)?.hash;
    if (hash === undefined) continue;
    hashes.add(hash);
    if (isCopy(db, rowid)) dropCopy(db, rowid);
    else s.deleteFts.run(rowid);
    s.deleteArticle.run(rowid);
  }
  // After all of them: a folder holding both copies promotes neither only to delete it next.
  for (const hash of hashes) settleCopies(db, hash);
}

export function putFolder(db: Database, key: string, root: string): void {
  statements(db).upsertFolder.run(key, root);
}

/** Removes a folder and every article imported from it. Returns how many articles went. */
export function removeFolder(db: Database, key: string): number {
  const s = statements(db);
  const rowids = s.folderRowids.all(key);
  db.transaction(() => {
    deleteArticles(
      db,
      rowids.map((r) => r.rowid),
    );
    s.clearProblems.run(key);
    s.deleteFolder.run(key);
  })();
  return rowids.length;
}

export function replaceProblems(db: Database, folder: string, problems: readonly FileProblem[]): void {
  const s = statements(db);
  db.transaction(() => {
    s.clearProblems.run(folder);
    for (const p of problems) s.insertProblem.run(p);
  })();
}

/** Starts a bulk import; the function it returns ends it. */
export function beginBulkWrite(db: Database): () => void {
  // Checkpoint the WAL less often while importing: each checkpoint syncs the whole file. A crash
  // still loses nothing committed; the WAL just holds more until the checkpoint at the end.
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 16384');
  return () => {
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    db.pragma('wal_checkpoint(PASSIVE)');
    // An import fills the page cache with pages written once; searching needs other pages.
    db.pragma('shrink_memory');
  };
}
