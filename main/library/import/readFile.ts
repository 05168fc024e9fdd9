import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ImportError } from '../model.ts';
import { openInside, OUTSIDE, type OpenInsideOptions } from './openInside.ts';

export type ReadResult = { ok: true; bytes: Uint8Array; size: number; mtimeMs: number } | { ok: false; error: ImportError };

/** The folder a file must be read from: its real root (no links) and the file's path below it. */
export interface Within extends OpenInsideOptions {
  realRoot: string;
  relpath: string;
}

/**
 * Reads one file without ever blocking on a pipe (O_NONBLOCK, then fstat), refusing what grew past
 * the limit, and noticing a file that changed while it was read. With `within`, the file is opened
 * below the folder's real root and the opened descriptor is proved to lie inside it (openInside.ts).
 */
export function readArticleFile(abs: string, maxBytes: number, within?: Within): ReadResult {
  let fd: number;
  try {
    fd = within
      ? openInside(within.realRoot, within.relpath, within)
      : openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === OUTSIDE)
      return {
        ok: false,
        error: {
          code: 'symlink',
          reason: 'The file turned out to lie outside the folder (a folder on its way was replaced by a link); it was not read.',
        },
      };
    const reason =
      code === 'ENOENT'
        ? 'The file vanished before it could be read.'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Permission denied: the file cannot be read.'
          : `The file could not be opened (${code ?? 'error'}).`;
    return { ok: false, error: { code: code === 'ENOENT' ? 'changed' : 'unreadable', reason } };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, error: { code: 'not-a-file', reason: 'Not a regular file; it was not read.' } };
    if (before.size > maxBytes)
      return { ok: false, error: { code: 'too-large', reason: `The file is over the ${(maxBytes / 1048576).toFixed(0)} MB limit.` } };
    const bytes = new Uint8Array(before.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    const after = fstatSync(fd);
    if (off !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      return {
        ok: false,
        error: { code: 'changed', reason: 'The file changed while it was read; it will be read again at the next scan.' },
      };
    }
    return { ok: true, bytes, size: before.size, mtimeMs: before.mtimeMs };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'unreadable', reason: `The file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).` },
    };
  } finally {
    closeSync(fd);
  }
}
