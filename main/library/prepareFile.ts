import { createHash } from 'node:crypto';
import { documentId } from './documentId.ts';
import type { Document } from './model.ts';
import { importBytes } from './import/importFile.ts';
import { sizeLimit } from './import/scan.ts';
import type { ReadResult } from './import/readFile.ts';
import { documentText } from './text/blocks.ts';
import { articleRow, type ArticleRowValues, type FtsValues } from './db/rows.ts';

/** One file a sync has to look at, with what the index knew of it. */
export interface FileJob {
  relpath: string;
  abs: string;
  /** Size at the scan; paces how far parsing may run ahead of the writer. */
  size: number;
  prevHash: string | null;
  prevRowid: number | null;
}

/** What became of one file; plain data, so it can cross from the parser process to the writer. */
export type Outcome =
  | { kind: 'touch'; relpath: string; rowid: number; size: number; mtimeMs: number }
  | { kind: 'put'; relpath: string; row: ArticleRowValues; fts: FtsValues; isKnown: boolean }
  | { kind: 'problem'; relpath: string; path: string; code: string; reason: string };

export function toDocument(folderKey: string, relpath: string, abs: string, doc: Omit<Document, 'id' | 'path' | 'text'>): Document {
  return { ...doc, id: documentId(folderKey, relpath), path: abs, text: documentText(doc.blocks) };
}

/**
 * Reads, hashes and imports one file, and shapes the rows to write — all the work of a sync except
 * the writing, so it can run in the parser process. Never throws.
 */
export function prepareFile(
  folderKey: string,
  job: FileJob,
  maxBytes: number,
  read: (job: FileJob, maxBytes: number) => ReadResult,
): Outcome {
  const problem = (code: string, reason: string): Outcome => ({ kind: 'problem', relpath: job.relpath, path: job.abs, code, reason });
  let got: ReadResult;
  try {
    got = read(job, sizeLimit(job.relpath, maxBytes));
  } catch (err) {
    return problem(
      'unreadable',
      `The file could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message ?? 'error'}).`,
    );
  }
  // A file we can no longer read keeps its last good version in the index.
  if (!got.ok) return problem(got.error.code, got.error.reason);
  try {
    const hash = createHash('sha1').update(got.bytes).digest('hex');
    if (job.prevRowid !== null && job.prevHash === hash) {
      return { kind: 'touch', relpath: job.relpath, rowid: job.prevRowid, size: got.size, mtimeMs: got.mtimeMs };
    }
    const imported = importBytes(job.abs, got.bytes);
    if (!imported.ok) return problem(imported.error.code, imported.error.reason);
    const doc = toDocument(folderKey, job.relpath, job.abs, imported.doc);
    const { row, fts } = articleRow(doc, { folder: folderKey, relpath: job.relpath, size: got.size, mtimeMs: got.mtimeMs, hash });
    return { kind: 'put', relpath: job.relpath, row, fts, isKnown: job.prevRowid !== null };
  } catch (err) {
    return problem('parse', `The file could not be imported: ${(err as Error).message?.slice(0, 200) ?? String(err)}`);
  }
}
