import type { Worker } from 'node:worker_threads';
import type { IndexStatus } from '../../common/contract.ts';
import type { FolderSpec, SyncReport } from './sync.ts';
import type { SyncTuning, WorkerMessage, WorkerRequest } from './indexWorker.ts';
import { createLogger } from './log.ts';
import type { ParserLauncher } from './parser.ts';
import { serveParserRelay } from './parserRelay.ts';
import { startWorker } from './workers.ts';

const log = createLogger('indexer');

export interface IndexerOptions {
  dbPath: string;
  /** The worker's entry: indexWorker.ts under tsx, its bundle in the Electron build. */
  workerUrl: URL | string;
  nativeBinding?: string | undefined;
  maxBytes?: number;
  /** Tests only: smaller batches, and progress as often as it changes. */
  batchSize?: number;
  progressEveryMs?: number;
  /** Lends the index worker its parser processes (Electron's utility processes, where the worker cannot fork). */
  launchParser?: ParserLauncher | undefined;
  onStatus?: (status: IndexStatus) => void;
  /** After a sync that changed the library. */
  onChanged?: () => void;
  /**
   * While a sync runs, after a batch that wrote articles was committed: what is saved can be shown before
   * the sync ends. At most once every `committedEveryMs` (1 s), the first at once; the end is onChanged's.
   */
  onCommitted?: () => void;
  committedEveryMs?: number;
}

type Job = { request: WorkerRequest; resolve: (m: WorkerMessage) => void };

const COMMITTED_EVERY_MS = 1000;

/** The folder a progress report names, as the status shows it. */
function folderOf(folders: readonly FolderSpec[], key: string | null): IndexStatus['folder'] {
  const f = key === null ? undefined : folders.find((x) => x.key === key);
  return f ? { root: f.root, isBundled: f.isBundled === true } : null;
}

/** A sync's own progress, cleared when the next one starts. */
const NO_PROGRESS = { done: 0, total: 0, current: null, step: null, failed: 0, message: null } as const;

/** The status before the first sync: idle, nothing done, nothing waiting. */
export const IDLE_STATUS: IndexStatus = {
  state: 'idle',
  phase: null,
  folder: null,
  ...NO_PROGRESS,
  last: null,
  finished: 0,
  pending: 0,
};

/** Queues sync jobs for the index worker, one at a time, and tracks progress for the UI. */
export class Indexer {
  private readonly worker: Worker;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  /** The status but for `pending`, which status() counts from the queue. */
  private state: Omit<IndexStatus, 'pending'> = IDLE_STATUS;
  /** When onCommitted was last called, and the call waiting for its turn. */
  private committedAt = -Infinity;
  private committedTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: IndexerOptions) {
    const isLending = options.launchParser !== undefined;
    this.worker = startWorker(options.workerUrl, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, isLending });
    const relay = options.launchParser ? serveParserRelay(options.launchParser, (m) => this.worker.postMessage(m)) : () => false;
    this.worker.on('message', (m: WorkerMessage) => {
      if (!relay(m)) this.onMessage(m);
    });
    this.worker.on('error', (err) => {
      log.error('index worker failed', { message: err.message });
      this.cancelCommitted();
      this.setStatus({ ...this.state, state: 'error', phase: null, folder: null, step: null, message: err.message });
      this.current?.resolve({ type: 'error', message: err.message, code: null });
      this.current = null;
    });
  }

  status(): IndexStatus {
    const syncs = (j: Job | null) => (j?.request.type === 'sync' ? 1 : 0);
    return { ...this.state, pending: syncs(this.current) + this.queue.reduce((n, j) => n + syncs(j), 0) };
  }

  sync(folders: FolderSpec[]): Promise<SyncReport> {
    const { maxBytes, batchSize, progressEveryMs } = this.options;
    const tuning: SyncTuning = { maxBytes, batchSize, progressEveryMs };
    return this.enqueue({ type: 'sync', folders, ...tuning }).then((m) => {
      if (m.type === 'done') return m.report;
      throw Object.assign(new Error(m.type === 'error' ? m.message : 'unexpected reply'), { code: m.type === 'error' ? m.code : null });
    });
  }

  remove(key: string): Promise<number> {
    return this.enqueue({ type: 'remove', key }).then((m) => (m.type === 'removed' ? m.count : 0));
  }

  async close(): Promise<void> {
    this.cancelCommitted();
    await this.worker.terminate();
  }

  private enqueue(request: WorkerRequest): Promise<WorkerMessage> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.next();
    });
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    this.current = this.queue.shift()!;
    const request = this.current.request;
    if (request.type === 'sync')
      this.setStatus({
        ...this.state,
        ...NO_PROGRESS,
        state: 'indexing',
        phase: 'scanning',
        folder: folderOf(request.folders, request.folders[0]?.key ?? null),
      });
    this.worker.postMessage(request);
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'progress') {
      const request = this.current?.request;
      this.setStatus({
        ...this.state,
        state: 'indexing',
        phase: m.phase,
        folder: request?.type === 'sync' ? folderOf(request.folders, m.folder) : null,
        done: m.done,
        total: m.total,
        current: m.current,
        step: m.step,
        failed: m.failed,
        message: null,
      });
      return;
    }
    if (m.type === 'committed') return this.committed();
    const job = this.current;
    this.current = null;
    this.cancelCommitted();
    if (m.type === 'done') {
      const changed = m.report.added + m.report.updated + m.report.removed > 0;
      const { added, updated, removed } = m.report;
      this.setStatus({
        ...this.state,
        state: 'idle',
        phase: null,
        folder: null,
        done: this.state.total,
        current: null,
        step: null,
        failed: m.report.failed.length,
        message: null,
        last: { added, updated, removed, failed: m.report.failed.length },
        finished: this.state.finished + 1,
      });
      if (changed) this.options.onChanged?.();
    } else if (m.type === 'removed') {
      // Even with no articles: the folder's import problems went with it.
      this.options.onChanged?.();
    } else if (m.type === 'error') {
      this.setStatus({ ...this.state, state: 'error', phase: null, folder: null, step: null, message: m.message });
    }
    job?.resolve(m);
    this.next();
  }

  /** A batch was committed: onCommitted now, or when its interval is up (unless the sync ends first). */
  private committed(): void {
    if (!this.options.onCommitted || this.committedTimer) return;
    const wait = this.committedAt + (this.options.committedEveryMs ?? COMMITTED_EVERY_MS) - performance.now();
    const call = () => {
      this.committedTimer = null;
      this.committedAt = performance.now();
      this.options.onCommitted?.();
    };
    if (wait <= 0) call();
    else this.committedTimer = setTimeout(call, wait);
  }

  private cancelCommitted(): void {
    if (this.committedTimer) clearTimeout(this.committedTimer);
    this.committedTimer = null;
  }

  private setStatus(s: Omit<IndexStatus, 'pending'>): void {
    this.state = s;
    this.options.onStatus?.(this.status());
  }
}
