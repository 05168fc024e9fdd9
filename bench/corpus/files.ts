import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from './types.ts';

/** Spread over folders so no directory gets huge (a user's library would not be one flat folder). */
export const FILES_PER_FOLDER = 1000;

interface Marker {
  docs: number;
  bytes: number;
  format: number;
}

/** Bump when the on-disk layout changes, so stale folders are rewritten. */
const FORMAT = 1;

/** Line 1 the title, a blank line, then the body: what Offprint's .txt importer reads as title + paragraphs. */
export function fileText(doc: Doc): string {
  return `${doc.title.replace(/\s+/gu, ' ').trim()}\n\n${doc.body}`;
}

export function relPathOf(i: number): string {
  return `${String(Math.floor(i / FILES_PER_FOLDER)).padStart(4, '0')}/${String(i).padStart(7, '0')}.txt`;
}

/** The working-set index of the doc at `path` (a file relPathOf named), or -1. */
export function docIndexOfPath(path: string): number {
  const m = /(\d{7})\.txt$/u.exec(path);
  return m ? Number(m[1]) : -1;
}

/**
 * Writes the working set as .txt files under `dir` (outside every timed region). A marker next to the
 * folder lets a rerun reuse the files when they are already there.
 */
export function writeCorpusFiles(docs: readonly Doc[], dir: string, markerPath: string): { reused: boolean; bytes: number } {
  if (existsSync(markerPath) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(markerPath, 'utf8')) as Marker;
    if (m.docs === docs.length && m.format === FORMAT) return { reused: true, bytes: m.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(markerPath, { force: true });
  let bytes = 0;
  for (let i = 0; i < docs.length; i++) {
    if (i % FILES_PER_FOLDER === 0) mkdirSync(join(dir, relPathOf(i), '..'), { recursive: true });
    const text = fileText(docs[i]!);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, relPathOf(i)), text);
  }
  const marker: Marker = { docs: docs.length, bytes, format: FORMAT };
  writeFileSync(markerPath, JSON.stringify(marker));
  return { reused: false, bytes };
}
