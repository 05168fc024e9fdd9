import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * How an opened file is proved to lie inside its folder: 'fd' asks the kernel where the descriptor
 * points (/proc/self/fd/N); 'inodes' re-checks, after the open, that every directory from the root
 * down is the one it was before the open and no link, and that the path still names the opened file.
 */
export type InsideCheck = 'fd' | 'inodes';

export interface OpenInsideOptions {
  /** Which check to make; the default is 'fd' where /proc is mounted, 'inodes' elsewhere. */
  check?: InsideCheck;
  /** Tests only: runs after the last check made before the open, just before `open()`. */
  beforeOpen?: () => void;
}

/** Thrown (as an errno-style error) when the opened file turned out to lie outside the folder. */
export const OUTSIDE = 'EOUTSIDE';

const hasProcFd = existsSync('/proc/self/fd');
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** A `..` component: only `/` separates them on POSIX, where a backslash is part of a name. */
const DOT_DOT = sep === '/' ? /(?:^|\/)\.\.(?:\/|$)/u : /(?:^|[\\/])\.\.(?:[\\/]|$)/u;

const outside = () => Object.assign(new Error('The opened file lies outside the folder.'), { code: OUTSIDE });

/**
 * Opens `relpath` under `realRoot` (a path with no links in it, from realpath) for reading, never
 * following a link in the last component, and proves the opened descriptor is a file inside the root.
 * A check before `open()` is not enough: a directory on the way can be swapped for a link to
 * elsewhere between the check and the open, and O_NOFOLLOW guards only the last component.
 * Returns the descriptor; throws the open's errno error, or one with code OUTSIDE.
 */
export function openInside(realRoot: string, relpath: string, options: OpenInsideOptions = {}): number {
  // Plain string work: at 200k files, path.join and path.relative would cost more than the open.
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  if (relpath === '' || isAbsolute(relpath) || DOT_DOT.test(relpath)) throw outside();
  const path = prefix + (sep === '/' ? relpath : relpath.replaceAll('/', sep));
  const check = options.check ?? (hasProcFd ? 'fd' : 'inodes');
  const dirs = check === 'inodes' ? ancestors(realRoot, path) : [];
  const before = dirs.map((d) => lstatSync(d));
  options.beforeOpen?.();
  const fd = openSync(path, FLAGS);
  try {
    if (check === 'fd') {
      if (!readlinkSync(`/proc/self/fd/${fd}`).startsWith(prefix)) throw outside();
    } else {
      for (const [i, d] of dirs.entries()) {
        const now = lstatSync(d);
        if (!now.isDirectory() || now.dev !== before[i]!.dev || now.ino !== before[i]!.ino) throw outside();
      }
      const opened = fstatSync(fd);
      const named = lstatSync(path);
      if (opened.dev !== named.dev || opened.ino !== named.ino) throw outside();
    }
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** The root and every directory below it on the way to `path`, top down. */
function ancestors(realRoot: string, path: string): string[] {
  const parts = relative(realRoot, path).split(sep).slice(0, -1);
  const dirs = [realRoot];
  for (const part of parts) dirs.push(join(dirs.at(-1)!, part));
  return dirs;
}
