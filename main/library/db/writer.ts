import type { Database } from 'better-sqlite3';
import type { Document } from '../model.ts';
import { isPlainParagraphs } from '../text/blocks.ts';
import { indexText } from '../text/fold.ts';
import { titleKey } from '../query/parse.ts';
import { statementCache } from './statements.ts';

export interface FileStamp {
  folder: string;
  relpath: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface KnownFile {
  rowid: number;
  relpath: string;
  size: number;
  mtime_ms: number;
  hash: string;
}

export interface FileProblem {
  folder: string;
  relpath: string;
  path: string;
  code: string;
  reason: string;
}

const statements = statementCache((db) => ({
  known: db.prepare<[string], KnownFile>('SELECT rowid, relpath, size, mtime_ms, hash FROM articles WHERE folder = ?'),
  findRowid: db.prepare<[string, string], { rowid: number }>('SELECT rowid FROM articles WHERE folder = ? AND relpath = ?'),
  insertArticle: db.prepare(
    `INSERT INTO articles (id, folder, relpath, path, size, mtime_ms, hash, format, title, title_key, author, date,
       source, language, dir, tags, text, blocks, word_count)
     VALUES (@id, @folder, @relpath, @path, @size, @mtimeMs, @hash, @format, @title, @titleKey, @author, @date,
       @source, @language, @dir, @tags, @text, @blocks, @wordCount)`,
  ),
  updateArticle: db.prepare(
    `UPDATE articles SET path = @path, size = @size, mtime_ms = @mtimeMs, hash = @hash, format = @format, title = @title,
       title_key = @titleKey, author = @author, date = @date, source = @source, language = @language, dir = @dir,
       tags = @tags, text = @text, blocks = @blocks, word_count = @wordCount
     WHERE rowid = @rowid`,
  ),
  touch: db.prepare<[number, number, number]>('UPDATE articles SET size = ?, mtime_ms = ? WHERE rowid = ?'),
  deleteArticle: db.prepare<[number]>('DELETE FROM articles WHERE rowid = ?'),
  insertFts: db.prepare<[number, string, string, string]>(
    'INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)',
  ),
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
  setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
}));

export function knownFiles(db: Database, folder: string): Map<string, KnownFile> {
  return new Map(statements(db).known.all(folder).map((k) => [k.relpath, k]));
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Writes one document; replaces the article at the same folder and path if there is one. Call inside a transaction. */
export function putDocument(db: Database, doc: Document, stamp: FileStamp): 'added' | 'updated' {
  const s = statements(db);
  const existing = s.findRowid.get(stamp.folder, stamp.relpath);
  const params = {
    id: doc.id,
    folder: stamp.folder,
    relpath: stamp.relpath,
    path: doc.path,
    size: stamp.size,
    mtimeMs: Math.trunc(stamp.mtimeMs),
    hash: stamp.hash,
    format: doc.format,
    title: doc.title,
    titleKey: titleKey(doc.title),
    author: doc.author,
    date: doc.date,
    source: doc.source,
    language: doc.language,
    dir: doc.dir,
    tags: JSON.stringify(doc.tags),
    text: doc.text,
    blocks: isPlainParagraphs(doc.blocks) ? null : JSON.stringify(doc.blocks),
    wordCount: wordCount(doc.text),
  };
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    s.deleteFts.run(rowid);
    s.updateArticle.run({ ...params, rowid });
  } else {
    rowid = Number(s.insertArticle.run(params).lastInsertRowid);
  }
  s.insertFts.run(rowid, indexText(doc.title), indexText(doc.author ?? ''), indexText(doc.text));
  return existing ? 'updated' : 'added';
}

export function touchFile(db: Database, rowid: number, size: number, mtimeMs: number): void {
  statements(db).touch.run(size, Math.trunc(mtimeMs), rowid);
}

export function deleteArticle(db: Database, rowid: number): void {
  const s = statements(db);
  s.deleteFts.run(rowid);
  s.deleteArticle.run(rowid);
}

export function putFolder(db: Database, key: string, root: string): void {
  statements(db).upsertFolder.run(key, root);
}

/** Removes a folder and every article imported from it. Returns how many articles went. */
export function removeFolder(db: Database, key: string): number {
  const s = statements(db);
  const rowids = s.folderRowids.all(key);
  db.transaction(() => {
    for (const { rowid } of rowids) deleteArticle(db, rowid);
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

export function setMeta(db: Database, key: string, value: string): void {
  statements(db).setMeta.run(key, value);
}
