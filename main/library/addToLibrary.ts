import { realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FilesAdded } from '../../common/contract.ts';
import { addUserFolder } from './db/userFolders.ts';
import { OffprintError } from './errors.ts';
import { resolveFolderPath } from './folders.ts';
import { copyIntoLibrary, type CopyResult } from './libraryFiles.ts';
import type { FolderSpec, SyncReport } from './sync.ts';

/** What bringing files in needs: the folder list, the index, the watcher, and the app's library folder. */
export interface AddDeps {
  userDb: Database;
  indexer: { sync: (folders: FolderSpec[]) => Promise<SyncReport> };
  watcher: { add: (key: string, root: string) => void };
  libraryDir: string | null;
  now: () => Date;
}

/** Adds a folder as a watched folder (its real path is its key) and indexes it in the background. */
export function addWatchedFolder(deps: AddDeps, root: string): void {
  addUserFolder(deps.userDb, root, root, deps.now().toISOString());
  void deps.indexer.sync([{ key: root, root }]).catch(() => undefined);
  deps.watcher.add(root, root);
}

export function requireLibraryDir(deps: Pick<AddDeps, 'libraryDir'>): string {
  if (deps.libraryDir === null) throw new OffprintError('read-only', 'The data folder is read-only, so no file can be added.');
  return deps.libraryDir;
}

/**
 * Makes the library folder a watched folder on first use, then indexes it and waits, so what was just
 * copied in is in the library (and found by search) when the caller answers.
 */
export async function indexLibraryFolder(deps: AddDeps): Promise<void> {
  const dir = requireLibraryDir(deps);
  addUserFolder(deps.userDb, dir, dir, deps.now().toISOString());
  deps.watcher.add(dir, dir);
  await deps.indexer.sync([{ key: dir, root: dir }]);
}

type PathKind = 'file' | 'folder' | null;

/** What an untrusted path names, links resolved: a regular file, a folder, or nothing usable. */
function kindOf(path: string): PathKind {
  if (!isAbsolute(path) || path.includes('\0')) return null;
  try {
    const st = statSync(realpathSync(path));
    return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : null;
  } catch {
    return null;
  }
}

/** Records one file's copy in the outcome. */
export function noteCopy(out: FilesAdded, name: string, result: CopyResult): void {
  if (result.ok) out.files.push({ name: result.placed.name, isNew: result.placed.isNew });
  else out.refused.push({ name, reason: result.refusal.message });
}

/**
 * Paths from a drop or a dialog, none trusted: each must exist and be a regular file (copied into the
 * library folder, if its format is one Offprint reads) or a folder (added as a watched folder, as
 * "Add folder…" does). Anything else is refused with a reason, and the rest still go in.
 */
export async function addPaths(deps: AddDeps, paths: readonly string[]): Promise<FilesAdded> {
  const out: FilesAdded = { files: [], folders: [], refused: [] };
  for (const path of paths) {
    const name = basename(path).slice(0, 200) || path.slice(0, 200);
    const kind = kindOf(path);
    if (kind === 'folder') {
      const root = resolveFolderPath(path);
      addWatchedFolder(deps, root);
      out.folders.push(root);
    } else if (kind === 'file') {
      noteCopy(out, name, await copyIntoLibrary(requireLibraryDir(deps), path));
    } else {
      out.refused.push({ name, reason: `${path.slice(0, 500)} is not a file or folder that exists.` });
    }
  }
  if (out.files.length > 0) await indexLibraryFolder(deps);
  return out;
}
