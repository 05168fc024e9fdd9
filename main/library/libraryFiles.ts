import { randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { READABLE_EXTENSIONS } from '../../common/formats.ts';
import { formatOf } from './import/formats.ts';
import type { Format } from './model.ts';

/**
 * Single files brought in (Add files…, a drop, a serve-mode upload) are copied into the app's own
 * library folder, so they stay readable when the original moves. A copy is written under a hidden
 * temporary name (the folder scan and the watcher skip dot names) and only then given its name, so
 * the index never sees half a file.
 */
export const LIBRARY_FOLDER_NAME = 'Library';
/** Past this, a file is refused: a 200 MB article is almost surely not one. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface PlacedFile {
  /** The name it has in the library folder ("notes (2).md" after a clash). */
  name: string;
  path: string;
  /** False when the same bytes were there already, under this name: nothing was written. */
  isNew: boolean;
}

export type FileRefusal = { reason: 'format' | 'too-large' | 'not-a-file' | 'bad-name'; message: string };

const MB = 1024 * 1024;
const megabytes = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

const READABLE = `Offprint reads ${READABLE_EXTENSIONS.join(', ')} files`;

/** Why a file of this name is not taken, or null when its format is one Offprint reads. */
export function formatRefusal(name: string): FileRefusal | null {
  return formatOf(name) ? null : { reason: 'format', message: `${name.slice(0, 200)} is not a format Offprint reads (${READABLE}).` };
}

/** `size` null: the size is not known yet, only that it passed the cap (an upload still arriving). */
function sizeRefusal(name: string, size: number | null, maxBytes: number): FileRefusal {
  const is = size === null ? `is over ${megabytes(maxBytes)}` : `is ${megabytes(size)}`;
  return { reason: 'too-large', message: `${name.slice(0, 200)} ${is}; files over ${megabytes(maxBytes)} are not added.` };
}

/**
 * A file name sent from a page (serve mode's upload): taken as it is or refused, never repaired, so
 * what lands in the folder is what the user chose. One name: no separators, no `..`, no NUL or other
 * control characters, not hidden (the scan would skip it), and a format Offprint reads.
 */
export function uploadNameRefusal(name: string): FileRefusal | null {
  const bad = (why: string): FileRefusal => ({ reason: 'bad-name', message: `The file name “${name.slice(0, 200)}” ${why}.` });
  if (name === '') return bad('is empty');
  if (Buffer.byteLength(name) > 255) return bad('is longer than 255 bytes');
  if (/[/\\]/u.test(name)) return bad('has a path separator in it; send the name of the file alone');
  if (/[\u0000-\u001f\u007f]/u.test(name)) return bad('has a control character in it');
  if (name.startsWith('.')) return bad('starts with a dot');
  return formatRefusal(name);
}

/** The candidate names for `name`, in order: "a.md", "a (2).md", "a (3).md", … */
export function* clashNames(name: string): Generator<string> {
  yield name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; n < 10_000; n++) yield `${stem} (${n})${ext}`;
}

const tempName = () => `.offprint-incoming-${randomBytes(8).toString('hex')}.part`;

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** True when both are regular files (links not followed) with the same bytes. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([lstat(a), lstat(b)]);
  if (!x.isFile() || !y.isFile() || x.size !== y.size) return false;
  const left = createReadStream(a, { highWaterMark: 1024 * 1024 })[Symbol.asyncIterator]();
  const right = createReadStream(b, { highWaterMark: 1024 * 1024 });
  let held: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of right) {
      let mine = chunk as Buffer;
      while (mine.length > 0) {
        if (held.length === 0) {
          const next = await left.next();
          if (next.done) return false;
          held = next.value as Buffer;
        }
        const n = Math.min(held.length, mine.length);
        if (!held.subarray(0, n).equals(mine.subarray(0, n))) return false;
        held = held.subarray(n);
        mine = mine.subarray(n);
      }
    }
    return held.length === 0 && (await left.next()).done === true;
  } finally {
    await left.return?.();
  }
}

/**
 * Gives a finished temporary file in `dir` its name: the first of clashNames that is free, or one that
 * already holds the same bytes (then the temporary file goes and nothing new is written). A hard link
 * claims a name without ever replacing a file; where links are not supported, a rename after a check.
 */
export async function placeFile(dir: string, temp: string, name: string): Promise<PlacedFile> {
  for (const candidate of clashNames(name)) {
    const target = join(dir, candidate);
    try {
      await link(temp, target);
      await removeQuietly(temp);
      return { name: candidate, path: target, isNew: true };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (await isSameFile(temp, target)) {
          await removeQuietly(temp);
          return { name: candidate, path: target, isNew: false };
        }
        continue;
      }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
      const taken = await lstat(target).then(
        () => true,
        () => false,
      );
      if (taken) {
        if (await isSameFile(temp, target)) {
          await removeQuietly(temp);
          return { name: candidate, path: target, isNew: false };
        }
        continue;
      }
      await rename(temp, target);
      return { name: candidate, path: target, isNew: true };
    }
  }
  await removeQuietly(temp);
  throw new Error(`No free name for ${name} in ${dir}.`);
}

export type CopyResult = { ok: true; placed: PlacedFile; format: Format } | { ok: false; refusal: FileRefusal };

/**
 * Copies the file at `source` (an absolute path from a dialog or a drop, not yet trusted) into the
 * library folder `dir`: it must be a regular file (after links), of a format Offprint reads, and at most
 * `maxBytes`. The copy is made under a temporary name and checked again for size before it is placed.
 */
export async function copyIntoLibrary(dir: string, source: string, maxBytes = MAX_FILE_BYTES): Promise<CopyResult> {
  const name = basename(source);
  if (!isAbsolute(source) || source.includes('\0'))
    return { ok: false, refusal: { reason: 'not-a-file', message: `“${source.slice(0, 200)}” is not an absolute file path.` } };
  const format = formatOf(name);
  if (!format) return { ok: false, refusal: formatRefusal(name)! };
  const st = await stat(source).catch(() => null);
  if (!st?.isFile()) return { ok: false, refusal: { reason: 'not-a-file', message: `${source.slice(0, 500)} is not a file that exists.` } };
  if (st.size > maxBytes) return { ok: false, refusal: sizeRefusal(name, st.size, maxBytes) };
  await mkdir(dir, { recursive: true });
  const temp = join(dir, tempName());
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    // The original may have grown between the check and the copy.
    const copied = await stat(temp);
    if (copied.size > maxBytes) {
      await removeQuietly(temp);
      return { ok: false, refusal: sizeRefusal(name, copied.size, maxBytes) };
    }
    return { ok: true, placed: await placeFile(dir, temp, name), format };
  } catch (err) {
    await removeQuietly(temp);
    throw err;
  }
}

export type ReceiveResult = CopyResult;

/**
 * Streams an upload into the library folder `dir` under `name` (checked by uploadNameRefusal), never
 * holding it whole: past `maxBytes` the temporary file is deleted and the rest of the body is not
 * written. A body that ends early (the connection dropped) leaves nothing behind either.
 */
export async function receiveIntoLibrary(
  dir: string,
  name: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes = MAX_FILE_BYTES,
): Promise<ReceiveResult> {
  const refusal = uploadNameRefusal(name);
  if (refusal) return { ok: false, refusal };
  await mkdir(dir, { recursive: true });
  const temp = join(dir, tempName());
  const file = await open(temp, 'wx');
  let size = 0;
  let isClosed = false;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        await file.close();
        isClosed = true;
        await removeQuietly(temp);
        return { ok: false, refusal: sizeRefusal(name, null, maxBytes) };
      }
      await file.write(chunk);
    }
    await file.sync();
    await file.close();
    isClosed = true;
    return { ok: true, placed: await placeFile(dir, temp, name), format: formatOf(name)! };
  } catch (err) {
    if (!isClosed) await file.close().catch(() => undefined);
    await removeQuietly(temp);
    throw err;
  }
}
