import { closeSync, fstatSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getArticleRow } from './db/articles.ts';
import { folderRoot } from './db/library.ts';
import { isInside, openInside, type OpenInsideOptions } from './import/openInside.ts';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
};

/** An article's image, opened: the caller reads from `fd` (and closes it), so what was checked is what is sent. */
export interface OpenedAsset {
  fd: number;
  size: number;
  type: string;
}

/**
 * Opens an article's local image (a relative src) inside the article's folder, or returns null. Only
 * image types; links are resolved first, so `..`, absolute paths and symlinks out of the folder fail,
 * and the opened descriptor itself is then proved to lie inside the folder (openInside.ts), so a
 * folder swapped for a link after the check is refused too.
 */
export function openAsset(
  db: Database,
  articleId: string,
  src: string,
  maxBytes = 20 * 1024 * 1024,
  options: OpenInsideOptions = {},
): OpenedAsset | null {
  const row = getArticleRow(db, articleId);
  if (!row || src === '' || isAbsolute(src) || /^[a-z][a-z0-9+.-]*:/iu.test(src) || src.includes('\0')) return null;
  const type = IMAGE_TYPES[extname(src.split(/[?#]/u)[0]!).toLowerCase()];
  const root = folderRoot(db, row.folder);
  if (!type || !root) return null;
  let fd: number | null = null;
  try {
    const realRoot = realpathSync(root);
    const target = realpathSync(resolve(dirname(row.path), src.split(/[?#]/u)[0]!));
    if (!isInside(realRoot, target)) return null;
    fd = openInside(realRoot, relative(realRoot, target), options);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return null;
    const opened = { fd, size: st.size, type };
    fd = null;
    return opened;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** An image src as written in an article (`./img/a%20b.png?x`), as the path of a file beside it (`img/a b.png`). */
export function srcPath(src: string): string {
  return src
    .replace(/^\.\//u, '')
    .split(/[?#]/u)[0]!
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
