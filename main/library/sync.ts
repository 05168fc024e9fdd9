import { realpathSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { readArticleFile, type ReadResult } from './import/readFile.ts';
import { DEFAULT_MAX_BYTES, scanFolder } from './import/scan.ts';
import { markTermsStale, updateTerms } from './db/terms.ts';
import {
  beginBulkWrite,
  deleteArticle,
  hasKnownFiles,
  knownFiles,
  putFolder,
  putRow,
  replaceProblems,
  storedHash,
  touchFile,
  type FileProblem,
  type KnownFile,
} from './db/writer.ts';
import type { ParseReply, ParseRequest } from './parseWorker.ts';
import { prepareFile, type FileJob, type Outcome } from './prepareFile.ts';
import { siblingEntry, startWorker } from './workers.ts';

export { documentId } from './documentId.ts';
export { toDocument } from './prepareFile.ts';

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
  /** Progress comes at least this often (ms) while a batch fills, as well as at every commit. */
  progressEveryMs?: number;
  /** The file-system boundary, replaceable so tests can inject read errors. */
  readFile?: (abs: string, maxBytes: number) => ReadResult;
  /** Tests only: runs just before each file is opened, after every check made before the open. */
  beforeOpen?: (abs: string) => void;
}

export interface SyncReport {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: { path: string; reason: string }[];
}

/**
 * A transaction ends after this many articles or this much text, whichever comes first. Every commit
 * makes FTS5 write a new segment and merge older ones: at 200k short articles, commits of 1,000 cost
 * a quarter more than one transaction, commits of 10,000 a twentieth. A crash loses at most one batch,
 * which the next start re-imports; the bytes bound keeps long articles from piling up in memory.
 */
const DEFAULT_BATCH = Number(process.env.OFFPRINT_BATCH_SIZE) || 10_000;
const BATCH_CHARS = 16 * 1024 * 1024;
/** Progress is reported at least this often (ms) while a batch fills, not only when it commits. */
const PROGRESS_EVERY_MS = 250;
/** Below this many files to parse, a parsing thread costs more to start than it saves. */
const PARALLEL_MIN = 256;
/** Files per message to the parsing thread, at most. */
const SLICE_FILES = 500;
const SLICE_BYTES = 4 * 1024 * 1024;
/**
 * How far parsing may run ahead of the writer, in file bytes: enough to keep the parser busy through a
 * whole batch's commit (the writer's thread answers no messages meanwhile), small enough to bound memory.
 */
const AHEAD_BYTES = 3 * BATCH_CHARS;

interface FolderPlan {
  folder: FolderSpec;
  /** The folder's path with every link resolved: files are opened below it and must lie inside it. */
  realRoot: string;
  jobs: FileJob[];
  gone: KnownFile[];
  problems: FileProblem[];
  total: number;
}

/** Scans a folder and compares it with the index: what to read, what went, what was refused. */
function plan(db: Database, folder: FolderSpec, maxBytes: number, report: SyncReport): FolderPlan {
  const known = knownFiles(db, folder.key);
  const scan = scanFolder(folder.root, maxBytes);
  const realRoot = realpathSync(folder.root);
  const jobs: FileJob[] = [];
  for (const file of scan.files) {
    const prev = known.get(file.relpath);
    if (prev === undefined) {
      jobs.push({ relpath: file.relpath, abs: file.abs, size: file.size, prevHash: null, prevRowid: null });
      continue;
    }
    known.delete(file.relpath);
    const [rowid, , size, mtimeMs] = prev;
    if (size === file.size && mtimeMs === Math.trunc(file.mtimeMs)) report.unchanged++;
    else jobs.push({ relpath: file.relpath, abs: file.abs, size: file.size, prevHash: storedHash(db, rowid), prevRowid: rowid });
  }
  const problems = scan.problems.map((p) => ({ folder: folder.key, relpath: p.relpath, path: p.abs, code: p.code, reason: p.reason }));
  return { folder, realRoot, jobs, gone: [...known.values()], problems, total: scan.files.length };
}

/** Writes outcomes in transactions of `batchSize`, counting them into the report. */
class Applier {
  private pending: Outcome[] = [];
  private pendingChars = 0;
  private done: number;
  private lastProgress = 0;

  constructor(
    private readonly db: Database,
    private readonly p: FolderPlan,
    private readonly report: SyncReport,
    private readonly options: SyncOptions,
  ) {
    this.done = p.total - p.jobs.length;
  }

  add(outcomes: readonly Outcome[]): void {
    for (const o of outcomes) {
      this.done++;
      if (o.kind === 'problem')
        this.p.problems.push({ folder: this.p.folder.key, relpath: o.relpath, path: o.path, code: o.code, reason: o.reason });
      else {
        this.pending.push(o);
        if (o.kind === 'put') this.pendingChars += o.fts[2].length;
      }
      if (this.pending.length >= (this.options.batchSize ?? DEFAULT_BATCH) || this.pendingChars >= BATCH_CHARS) this.commit(o.relpath);
    }
    if (this.options.onProgress && performance.now() - this.lastProgress >= (this.options.progressEveryMs ?? PROGRESS_EVERY_MS)) {
      this.progress(outcomes.at(-1)?.relpath ?? null);
    }
  }

  commit(current: string | null): void {
    const ops = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    if (ops.length > 0) {
      this.db.transaction(() => {
        // In the same transaction as the articles: after a crash the next sync still refreshes the words.
        if (ops.some((o) => o.kind === 'put')) markTermsStale(this.db);
        for (const o of ops) {
          if (o.kind === 'touch') {
            touchFile(this.db, o.rowid, o.size, o.mtimeMs);
            this.report.unchanged++;
          } else if (o.kind === 'put') {
            this.report[putRow(this.db, o.row, o.fts, o.isKnown)]++;
          }
        }
      })();
    }
    this.progress(current);
  }

  finish(): void {
    this.commit(null);
    const { gone, folder, problems } = this.p;
    if (gone.length > 0) {
      this.db.transaction(() => {
        for (const [rowid] of gone) deleteArticle(this.db, rowid);
      })();
      this.report.removed += gone.length;
    }
    replaceProblems(this.db, folder.key, problems);
    for (const p of problems) this.report.failed.push({ path: p.path, reason: p.reason });
    this.progress(null);
  }

  private progress(current: string | null): void {
    this.lastProgress = performance.now();
    this.options.onProgress?.({ folder: this.p.folder.key, done: this.done, total: this.p.total, current, failed: this.p.problems.length });
  }
}

const emptyReport = (): SyncReport => ({ added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] });

/**
 * Brings the index up to date with the files in each folder. Unchanged files (same size and mtime,
 * or same content hash) are not rewritten; each batch is one transaction, so a crash leaves the last
 * committed batch and a rerun carries on from there. Other folders' articles are never touched.
 */
export function syncFolders(db: Database, folders: readonly FolderSpec[], options: SyncOptions = {}): SyncReport {
  const report = emptyReport();
  const end = beginBulkWrite(db);
  try {
    for (const folder of folders) {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const p = plan(db, folder, maxBytes, report);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options);
      const { readFile, beforeOpen } = options;
      const read = readFile
        ? (job: FileJob, max: number) => readFile(job.abs, max)
        : (job: FileJob, max: number) =>
            readArticleFile(job.abs, max, {
              realRoot: p.realRoot,
              relpath: job.relpath,
              beforeOpen: beforeOpen && (() => beforeOpen(job.abs)),
            });
      for (const job of p.jobs) applier.add([prepareFile(folder.key, job, maxBytes, read)]);
      applier.finish();
    }
    updateTerms(db);
  } finally {
    end();
  }
  return report;
}

/**
 * The same as syncFolders, with reading and parsing on a second thread so they overlap with the
 * SQLite writes: what the index worker and the command line use for large folders.
 */
export async function syncFoldersParallel(
  db: Database,
  folders: readonly FolderSpec[],
  options: Omit<SyncOptions, 'readFile' | 'beforeOpen'> = {},
): Promise<SyncReport> {
  const report = emptyReport();
  const end = beginBulkWrite(db);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let worker: ReturnType<typeof startWorker> | null = null;
  const startParser = () => startWorker(siblingEntry(import.meta.url, 'parseWorker'), {});
  try {
    for (const folder of folders) {
      // A folder new to the index is usually a big first import: the parsing thread loads meanwhile.
      if (!hasKnownFiles(db, folder.key)) worker ??= startParser();
      const p = plan(db, folder, maxBytes, report);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options);
      if (p.jobs.length < PARALLEL_MIN) {
        for (const job of p.jobs) applier.add([prepareFile(folder.key, job, maxBytes, (j, max) => readArticleFile(j.abs, max))]);
      } else {
        worker ??= startParser();
        await parseInWorker(worker, folder.key, p.jobs, maxBytes, (outcomes) => applier.add(outcomes));
      }
      applier.finish();
    }
    updateTerms(db);
  } finally {
    end();
    await worker?.terminate();
  }
  return report;
}

/** Cuts jobs into messages of a bounded number of files and bytes. */
function slicesOf(jobs: readonly FileJob[]): { jobs: FileJob[]; bytes: number }[] {
  const slices: { jobs: FileJob[]; bytes: number }[] = [];
  let cur: { jobs: FileJob[]; bytes: number } = { jobs: [], bytes: 0 };
  for (const job of jobs) {
    if (cur.jobs.length >= SLICE_FILES || (cur.jobs.length > 0 && cur.bytes + job.size > SLICE_BYTES)) {
      slices.push(cur);
      cur = { jobs: [], bytes: 0 };
    }
    cur.jobs.push(job);
    cur.bytes += job.size;
  }
  if (cur.jobs.length > 0) slices.push(cur);
  return slices;
}

function parseInWorker(
  worker: NonNullable<ReturnType<typeof startWorker>>,
  folderKey: string,
  jobs: FileJob[],
  maxBytes: number,
  onOutcomes: (o: Outcome[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const slices = slicesOf(jobs);
    let sent = 0;
    let finished = 0;
    let aheadBytes = 0;
    const fill = () => {
      // Always two in flight, so the parser never waits for the writer to ask.
      while (sent < slices.length && (sent - finished < 2 || aheadBytes + slices[sent]!.bytes <= AHEAD_BYTES)) {
        worker.postMessage({ folderKey, jobs: slices[sent]!.jobs, maxBytes } satisfies ParseRequest);
        aheadBytes += slices[sent]!.bytes;
        sent++;
      }
    };
    const onMessage = (reply: ParseReply) => {
      try {
        onOutcomes(reply.outcomes);
      } catch (err) {
        cleanup();
        reject(err as Error);
        return;
      }
      if (!reply.isLast) return;
      aheadBytes -= slices[finished]!.bytes;
      finished++;
      if (finished === slices.length) {
        cleanup();
        resolve();
      } else fill();
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    fill();
  });
}
