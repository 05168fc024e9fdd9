import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { normalize, relative, sep } from 'node:path';
import { formatOf } from './formats.ts';

export interface ScannedFile {
  relpath: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

export interface ScanProblem {
  relpath: string;
  abs: string;
  code: 'not-a-file' | 'too-large' | 'unreadable' | 'symlink';
  reason: string;
}

export interface ScanResult {
  files: ScannedFile[];
  problems: ScanProblem[];
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Books, PDFs and saved pages may be this many times the size of a text file: most of their bytes are
 * pictures (never unpacked at import) or compressed text, and a 60 MB textbook is an ordinary PDF.
 */
const DOCUMENT_SIZE_FACTOR = 10;
const DOCUMENTS = new Set(['epub', 'pdf', 'mhtml']);

/** The size past which a file is refused, by its format. */
export function sizeLimit(path: string, maxBytes: number): number {
  const format = formatOf(path);
  return format && DOCUMENTS.has(format) ? maxBytes * DOCUMENT_SIZE_FACTOR : maxBytes;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/u.test(rel));
}

const hex = (name: Buffer): string =>
  [...name.subarray(0, 40)].map((b) => b.toString(16).padStart(2, '0')).join(' ') + (name.length > 40 ? ' …' : '');

/**
 * The entries whose names are not valid UTF-8. Node hands such a name over with U+FFFD in place of the bad
 * bytes, and that string names no file: opening it fails with ENOENT. Paths are text everywhere in Offprint
 * (the index, the reader, the command line), so such an entry is reported with its bytes, not imported.
 * The folder is listed again as bytes only when a name holds U+FFFD, which real names seldom do.
 */
function badlyNamed(dir: string, entries: readonly Dirent[]): Map<Dirent, Buffer> {
  const out = new Map<Dirent, Buffer>();
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return out;
  let raw: Dirent<Buffer>[];
  try {
    raw = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return out;
  }
  // Both listings come from the same directory read by name: match the bad names to the entries by their decoded form, in order.
  const bad = new Map<string, Buffer[]>();
  for (const r of raw) {
    if (isUtf8(r.name)) continue;
    const name = r.name.toString('utf8');
    bad.set(name, [...(bad.get(name) ?? []), r.name]);
  }
  for (const e of entries) {
    const left = bad.get(e.name);
    if (left?.length) out.set(e, left.shift()!);
  }
  return out;
}

/**
 * Whether a folder is the `<name>_files` folder a browser's "Web page, complete" writes beside `<name>.html`
 * (Chrome and Firefox alike): it holds the page's pictures, styles and frames, which are part of that page,
 * not articles of their own. A folder so named with no such page beside it is the user's and is read.
 */
function isSavedPageFolder(name: string, siblings: () => Set<string>): boolean {
  if (!/_files$/iu.test(name)) return false;
  const page = name.slice(0, -'_files'.length).toLowerCase();
  const names = siblings();
  return page !== '' && (names.has(`${page}.html`) || names.has(`${page}.htm`));
}

/** The folder's path as the files' paths begin: normalized, without a trailing separator. */
function baseOf(root: string): string {
  const top = normalize(root);
  return top.length > 1 && top.endsWith(sep) ? top.slice(0, -1) : top;
}

/**
 * Lists the article files under `root`. Symlinks are never followed (their targets inside the folder
 * are found directly; those outside or looping are reported), hidden entries are skipped, and
 * anything that is not a regular file or is too large is reported rather than read. `onFound` hears
 * how many files were found so far, before each folder is listed and every 256 files, so a big
 * library's count shows while the rest is read.
 */
export function scanFolder(root: string, maxBytes = DEFAULT_MAX_BYTES, onFound?: (files: number) => void): ScanResult {
  const files: ScannedFile[] = [];
  const problems: ScanProblem[] = [];
  const realRoot = realpathSync(root);
  // Paths are built by concatenation: at 200k files, path.join and path.relative cost more than the stat.
  const stack: [abs: string, rel: string][] = [[baseOf(root), '']];
  while (stack.length > 0) {
    onFound?.(files.length);
    const [dir, relDir] = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({
        relpath: relDir,
        abs: dir,
        code: 'unreadable',
        reason: `The folder could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      });
      continue;
    }
    const badNames = badlyNamed(dir, entries);
    let pages: Set<string> | null = null;
    const siblingPages = (): Set<string> => (pages ??= new Set(entries.filter((e) => !e.isDirectory()).map((e) => e.name.toLowerCase())));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const abs = dir + sep + name;
      const relpath = relDir === '' ? name : `${relDir}/${name}`;
      const bytes = badNames.get(entry);
      if (bytes) {
        if (entry.isDirectory() || formatOf(name))
          problems.push({
            relpath,
            abs,
            code: 'unreadable',
            reason: `The ${entry.isDirectory() ? 'folder' : 'file'}'s name is not valid UTF-8 (bytes ${hex(bytes)}), so Offprint cannot keep it as a path; rename it${entry.isDirectory() ? ' to import the files inside' : ' to import it'}.`,
          });
        continue;
      }
      if (entry.isDirectory()) {
        if (!isSavedPageFolder(name, siblingPages)) stack.push([abs, relpath]);
        continue;
      }
      if (entry.isSymbolicLink()) {
        let target: string | null = null;
        try {
          target = realpathSync(abs);
        } catch {
          target = null;
        }
        if (target === null) problems.push({ relpath, abs, code: 'symlink', reason: 'The link is broken or loops; it was not followed.' });
        else if (!isInside(realRoot, target))
          problems.push({ relpath, abs, code: 'symlink', reason: 'The link points outside the folder; it was not followed.' });
        continue;
      }
      if (!formatOf(name)) continue;
      if (!entry.isFile()) {
        problems.push({ relpath, abs, code: 'not-a-file', reason: 'Not a regular file (a pipe, socket or device); it was not read.' });
        continue;
      }
      let st: Stats | undefined;
      try {
        st = lstatSync(abs, { throwIfNoEntry: false });
      } catch (err) {
        problems.push({
          relpath,
          abs,
          code: 'unreadable',
          reason: `The file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
        });
        continue;
      }
      // Gone between the listing and the stat: a file being replaced; the next scan sees its successor.
      if (!st) {
        problems.push({ relpath, abs, code: 'unreadable', reason: 'The file vanished while the folder was read (ENOENT).' });
        continue;
      }
      const limit = sizeLimit(name, maxBytes);
      if (st.size > limit) {
        problems.push({
          relpath,
          abs,
          code: 'too-large',
          reason: `The file is ${(st.size / 1048576).toFixed(1)} MB, over the ${(limit / 1048576).toFixed(0)} MB limit.`,
        });
        continue;
      }
      files.push({ relpath, abs, size: st.size, mtimeMs: st.mtimeMs });
      if (files.length % 256 === 0) onFound?.(files.length);
    }
  }
  files.sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0));
  return { files, problems };
}
