import type { Database } from 'better-sqlite3';
import { readArticleFile, type ReadResult } from './import/readFile.ts';
import { DEFAULT_MAX_BYTES, scanFolder } from './import/scan.ts';
import { refreshTerms } from './db/terms.ts';
import { deleteArticle, knownFiles, putFolder, putRow, replaceProblems, touchFile, type FileProblem, type KnownFile } from './db/writer.ts';
import type { ParseReply, ParseRequest } from './parseWorker.ts';
import { prepareFile, type FileJob, type Outcome } from './prepareFile.ts';
import { siblingEntry, startWorker } from './workers.ts';

export { documentId, toDocument } from './prepareFile.ts';

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

/** Articles per transaction: small enough for steady progress and little lost work on a crash. */
const DEFAULT_BATCH = Number(process.env.OFFPRINT_BATCH_SIZE) || 1000;
/** Below this many files to parse, a parsing thread costs more to start than it saves. */
const PARALLEL_MIN = 256;
/** Files per message to the parsing thread; two in flight keep it busy without piling up rows. */
const SLICE = 2000;

interface FolderPlan {
  folder: FolderSpec;
  jobs: FileJob[];
  gone: KnownFile[];
  problems: FileProblem[];
  total: number;
}

/** Scans a folder and compares it with the index: what to read, what went, what was refused. */
function plan(db: Database, folder: FolderSpec, maxBytes: number, report: SyncReport): FolderPlan {
  const scan = scanFolder(folder.root, maxBytes);
  const known = knownFiles(db, folder.key);
  const jobs: FileJob[] = [];
  for (const file of scan.files) {
    const prev = known.get(file.relpath);
    known.delete(file.relpath);
    if (prev && prev.size === file.size && prev.mtime_ms === Math.trunc(file.mtimeMs)) report.unchanged++;
    else jobs.push({ relpath: file.relpath, abs: file.abs, prevHash: prev?.hash ?? null, prevRowid: prev?.rowid ?? null });
  }
  const problems = scan.problems.map((p) => ({ folder: folder.key, relpath: p.relpath, path: p.abs, code: p.code, reason: p.reason }));
  return { folder, jobs, gone: [...known.values()], problems, total: scan.files.length };
}

/** Writes outcomes in transactions of `batchSize`, counting them into the report. */
class Applier {
  private pending: Outcome[] = [];
  private done: number;

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
      if (o.kind === 'problem') this.p.problems.push({ folder: this.p.folder.key, relpath: o.relpath, path: o.path, code: o.code, reason: o.reason });
      else this.pending.push(o);
      if (this.pending.length >= (this.options.batchSize ?? DEFAULT_BATCH)) this.commit(o.relpath);
    }
  }

  commit(current: string | null): void {
    const ops = this.pending;
    this.pending = [];
    if (ops.length > 0) {
      this.db.transaction(() => {
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
        for (const g of gone) deleteArticle(this.db, g.rowid);
      })();
      this.report.removed += gone.length;
    }
    replaceProblems(this.db, folder.key, problems);
    for (const p of problems) this.report.failed.push({ path: p.path, reason: p.reason });
    this.progress(null);
  }

  private progress(current: string | null): void {
    this.options.onProgress?.({ folder: this.p.folder.key, done: this.done, total: this.p.total, current, failed: this.p.problems.length });
  }
}

function begin(db: Database): () => void {
  // Checkpoint the WAL less often while importing: each checkpoint syncs the whole file. A crash
  // still loses nothing committed; the WAL just holds more until the checkpoint at the end.
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 16384');
  return () => {
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}

const emptyReport = (): SyncReport => ({ added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] });

/**
 * Brings the index up to date with the files in each folder. Unchanged files (same size and mtime,
 * or same content hash) are not rewritten; each batch is one transaction, so a crash leaves the last
 * committed batch and a rerun carries on from there. Other folders' articles are never touched.
 */
export function syncFolders(db: Database, folders: readonly FolderSpec[], options: SyncOptions = {}): SyncReport {
  const report = emptyReport();
  const end = begin(db);
  try {
    for (const folder of folders) {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const p = plan(db, folder, maxBytes, report);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options);
      const read = options.readFile ?? readArticleFile;
      for (const job of p.jobs) applier.add([prepareFile(folder.key, job, maxBytes, read)]);
      applier.finish();
    }
    if (report.added + report.updated > 0) refreshTerms(db);
  } finally {
    end();
  }
  return report;
}

/**
 * The same as syncFolders, with reading and parsing on a second thread so they overlap with the
 * SQLite writes: what the index worker and the command line use for large folders.
 */
export async function syncFoldersParallel(db: Database, folders: readonly FolderSpec[], options: Omit<SyncOptions, 'readFile'> = {}): Promise<SyncReport> {
  const report = emptyReport();
  const end = begin(db);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let worker: ReturnType<typeof startWorker> | null = null;
  try {
    for (const folder of folders) {
      const p = plan(db, folder, maxBytes, report);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options);
      if (p.jobs.length < PARALLEL_MIN) {
        for (const job of p.jobs) applier.add([prepareFile(folder.key, job, maxBytes, readArticleFile)]);
      } else {
        worker ??= startWorker(siblingEntry(import.meta.url, 'parseWorker'), {});
        await parseInWorker(worker, folder.key, p.jobs, maxBytes, (outcomes) => applier.add(outcomes));
      }
      applier.finish();
    }
    if (report.added + report.updated > 0) refreshTerms(db);
  } finally {
    end();
    await worker?.terminate();
  }
  return report;
}

function parseInWorker(worker: NonNullable<ReturnType<typeof startWorker>>, folderKey: string, jobs: FileJob[], maxBytes: number, onOutcomes: (o: Outcome[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let finished = 0;
    const slices = Math.ceil(jobs.length / SLICE);
    const send = () => {
      if (sent >= slices) return;
      worker.postMessage({ folderKey, jobs: jobs.slice(sent * SLICE, (sent + 1) * SLICE), maxBytes } satisfies ParseRequest);
      sent++;
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
      finished++;
      if (finished === slices) {
        cleanup();
        resolve();
      } else send();
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
    send();
    send();
  });
}
