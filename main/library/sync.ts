import { realpathSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { readArticleFile, type ReadResult } from './import/readFile.ts';
import { DEFAULT_MAX_BYTES, scanFolder } from './import/scan.ts';
import { markTermsStale, updateTerms } from './db/terms.ts';
import {
  beginBulkWrite,
  deleteArticles,
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
import { Parser } from './parser.ts';
import { prepareFile, type FileJob, type Outcome } from './prepareFile.ts';
import { ProgressReporter, type SyncProgress } from './syncProgress.ts';

export { documentId } from './documentId.ts';
export { toDocument } from './prepareFile.ts';
export type { SyncProgress } from './syncProgress.ts';

export interface FolderSpec {
  /** Stable name of the folder: "bundled" for the app's own content, the real path for a user folder. */
  key: string;
  root: string;
  /** Set on the app's own content, so progress can name it as the library does. */
  isBundled?: boolean;
}

export interface SyncOptions {
  maxBytes?: number;
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Progress comes at least this often (ms) within a phase (scanning, reading, saving, finishing), and at every change of phase. */
  progressEveryMs?: number;
  /** After each batch that wrote articles is committed: the library has grown (or changed) before the sync ends. */
  onCommit?: () => void;
  /** The file-system boundary, replaceable so tests can inject read errors. */
  readFile?: (abs: string, maxBytes: number) => ReadResult;
  /** Tests only: runs just before each file is opened, after every check made before the open. */
  beforeOpen?: (abs: string) => void;
}

export interface ParallelSyncOptions extends Omit<SyncOptions, 'readFile' | 'beforeOpen'> {
  /**
   * The parser process to use, kept by the caller across syncs; by default one is started for the
   * sync and ended after it. null parses in this process, without a budget per file.
   */
  parser?: Parser | null;
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
function plan(db: Database, folder: FolderSpec, maxBytes: number, report: SyncReport, progress: ProgressReporter): FolderPlan {
  const scanning = { phase: 'scanning', folder: folder.key, done: 0, current: null, failed: 0, step: null } as const;
  progress.report({ ...scanning, total: 0 });
  const known = knownFiles(db, folder.key);
  const scan = scanFolder(folder.root, maxBytes, (found) => progress.isDue() && progress.report({ ...scanning, total: found }));
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

/**
 * Writes outcomes in transactions of `batchSize`, counting them into the report, and says how far it is:
 * files read as they come, and the articles of a batch written while it is saved (a commit of thousands
 * takes a second or more, too long for a status that stays on one file).
 */
class Applier {
  private pending: Outcome[] = [];
  private pendingChars = 0;
  private done: number;

  constructor(
    private readonly db: Database,
    private readonly p: FolderPlan,
    private readonly report: SyncReport,
    private readonly options: SyncOptions,
    private readonly progress: ProgressReporter,
  ) {
    this.done = p.total - p.jobs.length;
    this.tell('reading', null, null);
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
      else if (this.progress.isDue()) this.tell('reading', o.relpath, null);
    }
  }

  commit(current: string | null): void {
    const ops = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    if (ops.length > 0) {
      const hasPuts = ops.some((o) => o.kind === 'put');
      this.tell('saving', null, { done: 0, total: ops.length });
      this.db.transaction(() => {
        // In the same transaction as the articles: after a crash the next sync still refreshes the words.
        if (hasPuts) markTermsStale(this.db);
        for (let i = 0; i < ops.length; i++) {
          const o = ops[i]!;
          if (o.kind === 'touch') {
            touchFile(this.db, o.rowid, o.size, o.mtimeMs);
            this.report.unchanged++;
          } else if (o.kind === 'put') {
            this.report[putRow(this.db, o.row, o.fts, o.isKnown)]++;
          }
          if (this.progress.isDue()) this.tell('saving', null, { done: i + 1, total: ops.length });
        }
      })();
      if (hasPuts) this.options.onCommit?.();
    }
    this.tell('reading', current, null);
  }

  finish(): void {
    this.commit(null);
    const { gone, folder, problems } = this.p;
    if (gone.length > 0) {
      this.tell('saving', null, { done: 0, total: gone.length });
      this.db.transaction(() => {
        deleteArticles(
          this.db,
          gone.map(([rowid]) => rowid),
        );
      })();
      this.report.removed += gone.length;
    }
    replaceProblems(this.db, folder.key, problems);
    for (const p of problems) this.report.failed.push({ path: p.path, reason: p.reason });
    this.tell('reading', null, null);
  }

  private tell(phase: 'reading' | 'saving', current: string | null, step: SyncProgress['step']): void {
    const { folder, total, problems } = this.p;
    this.progress.report({ phase, folder: folder.key, done: this.done, total, current, failed: problems.length, step });
  }
}

/** Adds the new words to the vocabulary, saying how far it is: seconds after a first big import. */
function finishTerms(db: Database, progress: ProgressReporter): void {
  updateTerms(db, (done, total) => {
    if (done === 0 || progress.isDue()) progress.report({ phase: 'finishing', folder: null, current: null, step: { done, total } });
  });
}

const emptyReport = (): SyncReport => ({ added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] });

/**
 * Brings the index up to date with the files in each folder. Unchanged files (same size and mtime,
 * or same content hash) are not rewritten; each batch is one transaction, so a crash leaves the last
 * committed batch and a rerun carries on from there. Other folders' articles are never touched.
 */
export function syncFolders(db: Database, folders: readonly FolderSpec[], options: SyncOptions = {}): SyncReport {
  const report = emptyReport();
  const progress = new ProgressReporter(options.onProgress, options.progressEveryMs);
  const end = beginBulkWrite(db);
  try {
    for (const folder of folders) {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const p = plan(db, folder, maxBytes, report, progress);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options, progress);
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
    finishTerms(db, progress);
  } finally {
    end();
  }
  return report;
}

/** Reads a file of a planned folder in this process, opened inside the folder. */
const readInside = (p: FolderPlan) => (job: FileJob, max: number) =>
  readArticleFile(job.abs, max, { realRoot: p.realRoot, relpath: job.relpath });

/**
 * The same as syncFolders, with reading and parsing in a parser process (parser.ts) so they overlap
 * with the SQLite writes, and each file held to a budget of CPU time and memory: what the index
 * worker and the command line use.
 */
export async function syncFoldersParallel(
  db: Database,
  folders: readonly FolderSpec[],
  options: ParallelSyncOptions = {},
): Promise<SyncReport> {
  const report = emptyReport();
  const progress = new ProgressReporter(options.onProgress, options.progressEveryMs);
  const end = beginBulkWrite(db);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const parser = options.parser === undefined ? new Parser() : options.parser;
  try {
    for (const folder of folders) {
      // A folder new to the index is usually a big first import: the parser process loads meanwhile.
      if (!hasKnownFiles(db, folder.key)) parser?.warm();
      const p = plan(db, folder, maxBytes, report, progress);
      putFolder(db, folder.key, folder.root);
      const applier = new Applier(db, p, report, options, progress);
      if (parser) {
        await parser.parse({
          folderKey: folder.key,
          realRoot: p.realRoot,
          maxBytes,
          jobs: p.jobs,
          aheadBytes: AHEAD_BYTES,
          onOutcomes: (outcomes) => applier.add(outcomes),
        });
      } else {
        for (const job of p.jobs) applier.add([prepareFile(folder.key, job, maxBytes, readInside(p))]);
      }
      applier.finish();
    }
    finishTerms(db, progress);
  } finally {
    end();
    if (options.parser === undefined) await parser?.close();
  }
  return report;
}
