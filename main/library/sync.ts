import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Document } from './model.ts';
import { documentText } from './text/blocks.ts';
import { importBytes } from './import/importFile.ts';
import { readArticleFile, type ReadResult } from './import/readFile.ts';
import { DEFAULT_MAX_BYTES, scanFolder } from './import/scan.ts';
import { refreshTerms } from './db/terms.ts';
import { deleteArticle, knownFiles, putDocument, putFolder, replaceProblems, touchFile, type FileProblem } from './db/writer.ts';

export interface FolderSpec {
  /** Stable name of the folder: "bundled" for the app's own content, the real path for a user folder. */
  key: string;
  root: string;
}

export interface SyncProgress {
  folder: string;
  done: number;
  total: number;
  current: string | null;
  failed: number;
}

export interface SyncOptions {
  maxBytes?: number;
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** The file-system boundary, replaceable so tests can inject read errors. */
  readFile?: (abs: string, maxBytes: number) => ReadResult;
}

export interface SyncReport {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: { path: string; reason: string }[];
}

/** Opaque, stable across runs, unique across folders. */
export function documentId(folderKey: string, relpath: string): string {
  return createHash('sha256').update(`${folderKey}\0${relpath}`).digest('base64url').slice(0, 16);
}

export function toDocument(folder: FolderSpec, relpath: string, abs: string, doc: Document | Omit<Document, 'id' | 'path' | 'text'>): Document {
  return { ...doc, id: documentId(folder.key, relpath), path: abs, text: documentText(doc.blocks) };
}

/**
 * Brings the index up to date with the files in each folder. Unchanged files (same size and mtime,
 * or same content hash) are not rewritten; each batch is one transaction, so a crash leaves the last
 * committed batch and a rerun carries on from there. Other folders' articles are never touched.
 */
export function syncFolders(db: Database, folders: readonly FolderSpec[], options: SyncOptions = {}): SyncReport {
  const report: SyncReport = { added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] };
  for (const folder of folders) syncOne(db, folder, options, report);
  if (report.added + report.updated > 0) refreshTerms(db);
  return report;
}

function syncOne(db: Database, folder: FolderSpec, options: SyncOptions, report: SyncReport): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 250;
  const read = options.readFile ?? readArticleFile;
  const scan = scanFolder(folder.root, maxBytes);
  const known = knownFiles(db, folder.key);
  const problems: FileProblem[] = scan.problems.map((p) => ({ folder: folder.key, relpath: p.relpath, path: p.abs, code: p.code, reason: p.reason }));
  const total = scan.files.length;
  let done = 0;
  let pending: (() => void)[] = [];
  const commit = () => {
    if (pending.length === 0) return;
    const ops = pending;
    pending = [];
    db.transaction(() => {
      for (const op of ops) op();
    })();
  };
  putFolder(db, folder.key, folder.root);
  for (const file of scan.files) {
    const prev = known.get(file.relpath);
    known.delete(file.relpath);
    done++;
    if (prev && prev.size === file.size && prev.mtime_ms === Math.trunc(file.mtimeMs)) {
      report.unchanged++;
      continue;
    }
    const got = read(file.abs, maxBytes);
    if (!got.ok) {
      problems.push({ folder: folder.key, relpath: file.relpath, path: file.abs, code: got.error.code, reason: got.error.reason });
      // A file we can no longer read keeps its last good version in the index.
      continue;
    }
    const hash = createHash('sha1').update(got.bytes).digest('hex');
    if (prev && prev.hash === hash) {
      report.unchanged++;
      pending.push(() => touchFile(db, prev.rowid, got.size, got.mtimeMs));
    } else {
      const imported = importBytes(file.abs, got.bytes);
      if (!imported.ok) {
        problems.push({ folder: folder.key, relpath: file.relpath, path: file.abs, code: imported.error.code, reason: imported.error.reason });
        continue;
      }
      const doc = toDocument(folder, file.relpath, file.abs, imported.doc);
      const stamp = { folder: folder.key, relpath: file.relpath, size: got.size, mtimeMs: got.mtimeMs, hash };
      pending.push(() => {
        report[putDocument(db, doc, stamp)]++;
      });
    }
    if (pending.length >= batchSize) {
      commit();
      options.onProgress?.({ folder: folder.key, done, total, current: file.relpath, failed: problems.length });
    }
  }
  commit();
  const gone = [...known.values()];
  if (gone.length > 0) {
    db.transaction(() => {
      for (const g of gone) deleteArticle(db, g.rowid);
    })();
    report.removed += gone.length;
  }
  replaceProblems(db, folder.key, problems);
  for (const p of problems) report.failed.push({ path: p.path, reason: p.reason });
  options.onProgress?.({ folder: folder.key, done, total, current: null, failed: problems.length });
}
