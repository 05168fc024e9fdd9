import type { Database } from 'better-sqlite3';
import { indexText } from '../text/fold.ts';
import { statementCache } from './statements.ts';
import { noteIndexedText } from './terms.ts';

/**
 * Copies: articles whose file has the same bytes (content hash) and the same title as an article indexed
 * before them (migrations/index/005). The title counts because a file that names no title takes its file
 * name's: two notes left as the same template are two documents to their owner, while a file copied to a
 * second folder, or renamed, keeps the title its content gives it. The first of a hash, by rowid, stands for all: it alone is in the FTS index
 * and in lists. The rowid order is stable: a new file gets a rowid above every existing one, so a copy
 * arriving later never takes over, and the one that stands changes only when it goes or is edited.
 */

/** SQL for "not a copy", for lists that read articles by another index than the FTS one. */
export const NOT_A_COPY = 'rowid NOT IN (SELECT rowid FROM copies)';

const statements = statementCache((db) => ({
  sameHash: db.prepare<[string], { rowid: number; title: string }>('SELECT rowid, title FROM articles WHERE hash = ? ORDER BY rowid'),
  firstWithHash: db.prepare<[string], { rowid: number; id: string }>(
    'SELECT rowid, id FROM articles WHERE hash = ? ORDER BY rowid LIMIT 1',
  ),
  firstWithContent: db.prepare<[string, string], { rowid: number; id: string }>(
    'SELECT rowid, id FROM articles WHERE hash = ? AND title = ? ORDER BY rowid LIMIT 1',
  ),
  isCopy: db.prepare<[number], number>('SELECT 1 FROM copies WHERE rowid = ?').pluck(),
  add: db.prepare<[number]>('INSERT OR IGNORE INTO copies (rowid) VALUES (?)'),
  remove: db.prepare<[number]>('DELETE FROM copies WHERE rowid = ?'),
  texts: db.prepare<[number], { title: string; author: string | null; text: string }>(
    'SELECT title, author, text FROM articles WHERE rowid = ?',
  ),
  insertFts: db.prepare<[number, string, string, string]>('INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)'),
  deleteFts: db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?'),
  standing: db.prepare<[string], { hash: string; id: string }>(
    'SELECT a.hash, k.id FROM articles a JOIN articles k ON k.hash = a.hash AND k.title = a.title WHERE a.id = ? ORDER BY k.rowid LIMIT 1',
  ),
  // Through the hash index: an article's own row, then every article with its hash, oldest first.
  sameContent: db.prepare<[string], { rowid: number; id: string; path: string }>(
    `SELECT k.rowid, k.id, k.path FROM articles a JOIN articles k ON k.hash = a.hash AND k.title = a.title WHERE a.id = ? ORDER BY k.rowid`,
  ),
}));

export function isCopy(db: Database, rowid: number): boolean {
  return statements(db).isCopy.get(rowid) !== undefined;
}

/** The article that stands for a content hash and title, or undefined when no article has them. */
export function firstWithContent(db: Database, hash: string, title: string): { rowid: number; id: string } | undefined {
  return statements(db).firstWithContent.get(hash, title);
}

/** The oldest article with a content hash (whatever its title), or undefined when no article has it. */
export function firstWithHash(db: Database, hash: string): { rowid: number; id: string } | undefined {
  return statements(db).firstWithHash.get(hash);
}

/** Marks a just-written article as a copy (it must have no FTS entry). */
export function addCopy(db: Database, rowid: number): void {
  statements(db).add.run(rowid);
}

/** Forgets an article's copy mark, before its row is deleted. */
export function dropCopy(db: Database, rowid: number): void {
  statements(db).remove.run(rowid);
}

/**
 * After the articles of a hash changed (one came back to it, was edited away from it, or went): the
 * first of each title stands and is searchable, the others are copies. The FTS entry of one that comes to stand is
 * made from its stored row. Its words go to the vocabulary too: a copy edited into new content stands
 * for it with words no other article had (terms.ts notes them only inside a write that marked terms stale).
 */
export function settleCopies(db: Database, hash: string): void {
  const s = statements(db);
  const titles = new Set<string>();
  for (const { rowid, title } of s.sameHash.all(hash)) {
    const isFirst = !titles.has(title);
    titles.add(title);
    const marked = s.isCopy.get(rowid) !== undefined;
    if (isFirst && marked) {
      const t = s.texts.get(rowid)!;
      const fts = [indexText(t.title), indexText(t.author ?? ''), indexText(t.text)] as const;
      s.remove.run(rowid);
      s.insertFts.run(rowid, ...fts);
      noteIndexedText(db, fts);
    } else if (!isFirst && !marked) {
      s.deleteFts.run(rowid);
      s.add.run(rowid);
    }
  }
}

/** The id of the article that stands for `id`'s content (itself, unless it is a copy); undefined when there is no such article. */
export function standingId(db: Database, id: string): string | undefined {
  return statements(db).standing.get(id)?.id;
}

/** standingId, with the content hash they share. */
export function standingCopy(db: Database, id: string): { hash: string; id: string } | undefined {
  return statements(db).standing.get(id);
}

export interface SameContent {
  /** The article that stands for the content: its id is what lists and search show. */
  first: { rowid: number; id: string };
  /** Every article with the content, the one asked for first, then the others oldest first. */
  copies: { id: string; path: string }[];
}

/** The articles with the same content as `id` (itself included), or undefined when there is no such article. */
export function sameContent(db: Database, id: string): SameContent | undefined {
  const rows = statements(db).sameContent.all(id);
  if (rows.length === 0) return undefined;
  const own = rows.find((r) => r.id === id)!;
  return {
    first: { rowid: rows[0]!.rowid, id: rows[0]!.id },
    copies: [own, ...rows.filter((r) => r !== own)].map((r) => ({ id: r.id, path: r.path })),
  };
}
