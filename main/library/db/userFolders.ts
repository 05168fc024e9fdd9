import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export interface UserFolderRow {
  key: string;
  root: string;
  added_at: string;
}

const statements = statementCache((db) => ({
  all: db.prepare<[], UserFolderRow>('SELECT * FROM folders ORDER BY added_at'),
  add: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO folders (key, root, added_at) VALUES (?, ?, ?)'),
  remove: db.prepare<[string]>('DELETE FROM folders WHERE key = ?'),
}));

export function userFolders(db: Database): UserFolderRow[] {
  return statements(db).all.all();
}

export function addUserFolder(db: Database, key: string, root: string, at: string): void {
  statements(db).add.run(key, root, at);
}

export function removeUserFolder(db: Database, key: string): boolean {
  return statements(db).remove.run(key).changes > 0;
}
