import { unzipSync } from 'fflate';
import type { ImportError } from '../model.ts';

/** What a book may unpack to, in all: far above any real EPUB's text and images, far below a zip bomb's. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/**
 * Deflate packs text 3–10 times, and a page of one repeated character some 1,000 times; bombs rely on
 * the latter. Small entries are exempt: a near-empty file can have any ratio and costs nothing.
 */
export const MAX_RATIO = 100;
const RATIO_EXEMPT_BYTES = 256 * 1024;
/** A novel has tens of files, a picture book a few thousand; a million empty entries is an attack on the directory walk. */
export const MAX_ENTRIES = 10_000;

export type ZipEntries = { ok: true; files: Map<string, Uint8Array>; names: string[] } | { ok: false; error: ImportError };

/** An entry name that would land outside the book if it were a path: `..`, absolute, a drive, a backslash. */
export function isUnsafeName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-z]:/iu.test(name)) return true;
  return name.split('/').some((part) => part === '..');
}

/**
 * Reads a zip's directory and unpacks the entries `wanted` picks, refusing the whole book when any entry
 * name is unsafe or the sizes the directory declares exceed the caps. fflate inflates each entry into a
 * buffer of its declared size and no further, so the declared sizes bound the memory an entry can take.
 */
export function unzipBook(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  caps: { maxUnpackedBytes?: number; maxRatio?: number } = {},
): ZipEntries {
  const { maxUnpackedBytes = MAX_UNPACKED_BYTES, maxRatio = MAX_RATIO } = caps;
  let refusal = null as ImportError | null;
  let total = 0;
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (refusal) return false;
        names.push(entry.name);
        if (names.length > MAX_ENTRIES) {
          refusal = { code: 'too-large', reason: `The book holds more than ${MAX_ENTRIES} files (a zip bomb?); it was not read.` };
          return false;
        }
        if (isUnsafeName(entry.name)) {
          refusal = {
            code: 'unsafe',
            reason: `The book holds an entry named "${entry.name.slice(0, 120)}", which points outside the book; it was not read.`,
          };
          return false;
        }
        total += entry.originalSize;
        if (total > maxUnpackedBytes) {
          refusal = {
            code: 'too-large',
            reason: `The book unpacks to more than ${Math.round(maxUnpackedBytes / 1048576)} MB (a zip bomb?); it was not read.`,
          };
          return false;
        }
        const ratio = entry.originalSize / Math.max(entry.size, 1);
        if (entry.originalSize > RATIO_EXEMPT_BYTES && ratio > maxRatio) {
          refusal = {
            code: 'too-large',
            reason: `The entry "${entry.name.slice(0, 120)}" unpacks ${Math.round(ratio)} times its packed size (a zip bomb?); the book was not read.`,
          };
          return false;
        }
        return !entry.name.endsWith('/') && wanted(entry.name);
      },
    });
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'parse',
        reason: `The book is not a readable zip (truncated or damaged: ${(err as Error).message?.slice(0, 120) ?? 'error'}).`,
      },
    };
  }
  if (refusal) return { ok: false, error: refusal };
  return { ok: true, files: new Map(Object.entries(files)), names };
}
