import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mulberry32, shuffle } from '../prng.ts';
import { SHUFFLE_SEED, type Doc } from './types.ts';

export const GCIDE_DEFAULT_DIR = '/usr/share/dictd';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** dictd's offsets and lengths: base64 digits, most significant first ("A" = 0). */
export function dictNumber(s: string): number {
  let n = 0;
  for (const c of s) {
    const v = B64_VALUE.get(c);
    if (v === undefined) throw new Error(`not a dictd number: ${s}`);
    n = n * 64 + v;
  }
  return n;
}

/** The dictionary's own description entries, not articles. */
const METADATA = /^00-(database|gcide|web1913)-/u;

export function gcideFiles(dir: string): { index: string; dict: string } {
  return { index: join(dir, 'gcide.index'), dict: join(dir, 'gcide.dict.dz') };
}

export function hasGcide(dir: string): boolean {
  const f = gcideFiles(dir);
  return existsSync(f.index) && existsSync(f.dict);
}

export const GCIDE_HOWTO = [
  'GCIDE is missing. Get the files without starting dictd:',
  '  cd /tmp && apt-get download dict-gcide && dpkg -x dict-gcide_*.deb /tmp/gcide',
  '  then pass --gcide /tmp/gcide/usr/share/dictd (or set GCIDE_DIR)',
  'or install the package system-wide (this also starts dictd):',
  '  sudo apt-get install dict-gcide',
].join('\n');

/**
 * Every index entry is one article (headword = title, dict text = body); the working set is the first
 * `n` of a seed-42 shuffle, so 10k is a subset of 50k is a subset of 200k.
 */
export function loadGcide(dir: string, n: number): Doc[] {
  const f = gcideFiles(dir);
  // dictzip is gzip-compatible; gunzip once, then slice bytes (offsets count bytes, not characters).
  const dict = gunzipSync(readFileSync(f.dict));
  const entries: { title: string; offset: number; length: number }[] = [];
  for (const line of readFileSync(f.index, 'utf8').split('\n')) {
    if (line === '') continue;
    const [title, offset, length] = line.split('\t');
    if (title === undefined || offset === undefined || length === undefined || METADATA.test(title)) continue;
    entries.push({ title, offset: dictNumber(offset), length: dictNumber(length) });
  }
  shuffle(entries, mulberry32(SHUFFLE_SEED));
  return entries.slice(0, n).map((e) => ({ title: e.title, body: dict.toString('utf8', e.offset, e.offset + e.length) }));
}

/**
 * The dictionary's single-word headwords of plain a–z, lower-cased, from the whole index (not only the
 * working set): what the typo class counts as a word of English.
 */
export function gcideHeadwords(dir: string): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(gcideFiles(dir).index, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    const title = line.slice(0, tab).toLowerCase();
    if (tab > 0 && /^[a-z]+$/u.test(title)) words.add(title);
  }
  return words;
}

/** How many articles the index holds, for "--n larger than the dictionary" errors. */
export function gcideSize(dir: string): number {
  return readFileSync(gcideFiles(dir).index, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !METADATA.test(l)).length;
}
