import { closeSync, fstatSync, realpathSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getArticleRow } from './db/articles.ts';
import { folderRoot } from './db/library.ts';
import { OffprintError } from './errors.ts';
import { formatOf } from './import/formats.ts';
import { isInside, openInside, type OpenInsideOptions } from './import/openInside.ts';

/**
 * "Open original": an article's source file, and only that. The caller names an article id, never a
 * path; the path is the one the index holds for it, and it must still lie inside the article's folder
 * (links resolved), be a regular file and be of a format Offprint reads, as an asset must (assets.ts).
 */
function checkedPath(db: Database, id: string): { realRoot: string; realPath: string } {
  const row = getArticleRow(db, id);
  const root = row ? folderRoot(db, row.folder) : undefined;
  if (!row || !root) throw new OffprintError('not-found', `No article with id ${id.slice(0, 64)}; it may have been removed.`);
  try {
    const realRoot = realpathSync(root);
    const realPath = realpathSync(row.path);
    if (isInside(realRoot, realPath) && statSync(realPath).isFile() && formatOf(realPath) !== null) return { realRoot, realPath };
  } catch {
    // Told below, the same as a file moved out of its folder.
  }
  throw new OffprintError(
    'not-found',
    `The file of “${row.title.slice(0, 200)}” is no longer at ${row.path.slice(0, 500)}; rescan the folders.`,
  );
}

/** The real path of the article's source file, for the desktop app's shell.openPath. */
export function originalPath(db: Database, id: string): string {
  return checkedPath(db, id).realPath;
}

export interface OpenedOriginal {
  fd: number;
  size: number;
  /** The file's own name, for Content-Disposition. */
  name: string;
}

/** Opens the article's source file for a download, proving the descriptor lies inside the folder (openInside.ts). */
export function openOriginal(db: Database, id: string, options: OpenInsideOptions = {}): OpenedOriginal {
  const { realRoot, realPath } = checkedPath(db, id);
  const fd = openInside(realRoot, relative(realRoot, realPath), options);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new OffprintError('not-found', `The file of article ${id.slice(0, 64)} is not a regular file.`);
    return { fd, size: st.size, name: basename(realPath) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}
