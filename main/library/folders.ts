import { realpathSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Folder } from '../../common/contract.ts';
import { folderCounts } from './db/library.ts';
import { userFolders } from './db/userFolders.ts';
import { OffprintError } from './errors.ts';
import type { FolderSpec } from './sync.ts';

/** The folders the library reads: the bundled one (when the app ships it) and those the user added, in that order. */
export function folderSpecs(userDb: Database, bundled: FolderSpec | null): FolderSpec[] {
  return [...(bundled ? [bundled] : []), ...userFolderSpecs(userDb)];
}

export function userFolderSpecs(userDb: Database): FolderSpec[] {
  return userFolders(userDb).map((f) => ({ key: f.key, root: f.root }));
}

export function listFolders(indexDb: Database, userDb: Database, bundled: FolderSpec | null, libraryDir: string | null = null): Folder[] {
  const counts = folderCounts(indexDb);
  return folderSpecs(userDb, bundled).map((f) => ({
    key: f.key,
    root: f.root,
    isBundled: f.key === bundled?.key,
    isLibrary: f.key === libraryDir,
    articles: counts.get(f.key) ?? 0,
  }));
}

/** The real path of a folder the user asks to add: absolute, existing and a folder, or a clear error. */
export function resolveFolderPath(path: string): string {
  if (!isAbsolute(path)) throw new OffprintError('bad-request', `path: expected an absolute folder path, got “${path.slice(0, 200)}”.`);
  try {
    const root = realpathSync(path);
    if (statSync(root).isDirectory()) return root;
  } catch {
    // Reported below, the same as a file.
  }
  throw new OffprintError('not-found', `No folder at ${path.slice(0, 500)}. Choose an existing folder.`);
}
