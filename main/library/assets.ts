import { realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getArticleRow } from './db/articles.ts';
import { folderRoot } from './db/library.ts';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
};

/**
 * Resolves an article's local image (a relative src) to a file inside the article's folder, or null.
 * Only image types, only inside the folder after resolving links, so `..`, absolute paths and
 * symlinks out of the folder all fail.
 */
export function resolveAsset(
  db: Database,
  articleId: string,
  src: string,
  maxBytes = 20 * 1024 * 1024,
): { path: string; type: string } | null {
  const row = getArticleRow(db, articleId);
  if (!row || src === '' || isAbsolute(src) || /^[a-z][a-z0-9+.-]*:/iu.test(src) || src.includes('\0')) return null;
  const type = IMAGE_TYPES[extname(src.split(/[?#]/u)[0]!).toLowerCase()];
  const root = folderRoot(db, row.folder);
  if (!type || !root) return null;
  try {
    const realRoot = realpathSync(root);
    const target = realpathSync(resolve(dirname(row.path), src.split(/[?#]/u)[0]!));
    const rel = relative(realRoot, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
    const st = statSync(target);
    if (!st.isFile() || st.size > maxBytes) return null;
    return { path: target, type };
  } catch {
    return null;
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
