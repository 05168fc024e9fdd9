import type { Worker } from 'node:worker_threads';
import type { IndexStatus } from '../../common/contract.ts';
import type { FolderSpec, SyncReport } from './sync.ts';
import type { WorkerMessage, WorkerRequest } from './indexWorker.ts';
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
  /** Lends the index worker its parser processes (Electron's utility processes, where the worker cannot fork). */
  launchParser?: ParserLauncher | undefined;
  onStatus?: (status: IndexStatus) => void;
  onChanged?: () => void;
}

type Job = { request: WorkerRequest; resolve: (m: WorkerMessage) => void };

/** The status before the first sync: idle, nothing done, nothing waiting. */
export const IDLE_STATUS: IndexStatus = {
  state: 'idle',
  done: 0,
  total: 0,
  current: null,
  failed: 0,
  message: null,
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

  constructor(private readonly options: IndexerOptions) {
    const isLending = options.launchParser !== undefined;
    this.worker = startWorker(options.workerUrl, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, isLending });
    const relay = options.launchParser ? serveParserRelay(options.launchParser, (m) => this.worker.postMessage(m)) : () => false;
    this.worker.on('message', (m: WorkerMessage) => {
      if (!relay(m)) this.onMessage(m);
    });
    this.worker.on('error', (err) => {
      log.error('index worker failed', { message: err.message });
      this.setStatus({ ...this.state, state: 'error', message: err.message });
      this.current?.resolve({ type: 'error', message: err.message, code: null });
      this.current = null;
    });
  }

  status(): IndexStatus {
    const syncs = (j: Job | null) => (j?.request.type === 'sync' ? 1 : 0);
    return { ...this.state, pending: syncs(this.current) + this.queue.reduce((n, j) => n + syncs(j), 0) };
  }

  sync(folders: FolderSpec[]): Promise<SyncReport> {
    return this.enqueue({ type: 'sync', folders, maxBytes: this.options.maxBytes }).then((m) => {
      if (m.type === 'done') return m.report;
      throw Object.assign(new Error(m.type === 'error' ? m.message : 'unexpected reply'), { code: m.type === 'error' ? m.code : null });
    });
  }

  remove(key: string): Promise<number> {
    return this.enqueue({ type: 'remove', key }).then((m) => (m.type === 'removed' ? m.count : 0));
  }

  async close(): Promise<void> {
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
    if (this.current.request.type === 'sync')
      this.setStatus({ ...this.state, state: 'indexing', done: 0, total: 0, current: null, failed: 0, message: null });
    this.worker.postMessage(this.current.request);
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'progress') {
      this.setStatus({
        ...this.state,
        state: 'indexing',
        done: m.done,
        total: m.total,
        current: m.current,
        failed: m.failed,
        message: null,
      });
      return;
    }
    const job = this.current;
    this.current = null;
    if (m.type === 'done') {
      const changed = m.report.added + m.report.updated + m.report.removed > 0;
      const { added, updated, removed } = m.report;
      this.setStatus({
        ...this.state,
        state: 'idle',
        done: this.state.total,
        current: null,
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
      this.setStatus({ ...this.state, state: 'error', message: m.message });
    }
    job?.resolve(m);
    this.next();
  }

  private setStatus(s: Omit<IndexStatus, 'pending'>): void {
    this.state = s;
    this.options.onStatus?.(this.status());
  }
}
