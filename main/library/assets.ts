import { closeSync, fstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { getArticleRow } from './db/articles.ts';
import { folderRoot } from './db/library.ts';
import { bookImage } from './import/epub.ts';
import { decodePage } from './import/decode.ts';
import { inlineImage, isInlineImageKey } from './import/inlineImages.ts';
import { mhtmlImage } from './import/mhtml.ts';
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

/**
 * An article's image, opened: the caller reads from `fd` (and closes it), so what was checked is what is
 * sent; a picture inside an EPUB comes already unpacked, as `bytes`.
 */
export type OpenedAsset = { fd: number; size: number; type: string } | { bytes: Uint8Array; size: number; type: string };

/** A book or a saved page is read whole to unpack one picture; past this, its pictures are not served. */
const MAX_BOOK_BYTES = 100 * 1024 * 1024;

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
  if (row.format === 'epub') return openContainerImage(root, row.path, type, maxBytes, options, (bytes) => bookImage(bytes, src));
  // A saved page's pictures are parts of the file; its srcs name parts, never files, so none reaches the disk.
  if (row.format === 'mhtml')
    return openContainerImage(root, row.path, type, maxBytes, options, (bytes) => mhtmlImage(bytes, src, maxBytes));
  if (row.format === 'html' && isInlineImageKey(src)) {
    const inline = openContainerImage(root, row.path, type, maxBytes, options, (bytes) => {
      const page = decodePage(bytes);
      return page.ok ? inlineImage(page.text, src, maxBytes) : null;
    });
    if (inline) return inline;
  }
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

/**
 * A picture inside a book or a saved page: `src` is the name the importer gave it there (a path inside the
 * zip, an MHTML part's key). The file itself is opened with the same checks as any article file, and the
 * picture is unpacked under the import's caps.
 */
function openContainerImage(
  root: string,
  bookPath: string,
  type: string,
  maxBytes: number,
  options: OpenInsideOptions,
  picture: (file: Uint8Array) => Uint8Array | null,
): OpenedAsset | null {
  let fd: number | null = null;
  try {
    const realRoot = realpathSync(root);
    const book = realpathSync(bookPath);
    if (!isInside(realRoot, book)) return null;
    fd = openInside(realRoot, relative(realRoot, book), options);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BOOK_BYTES) return null;
    const bytes = picture(readFileSync(fd));
    return bytes && bytes.length <= maxBytes ? { bytes, size: bytes.length, type } : null;
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
