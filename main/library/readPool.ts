import type { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../common/result.ts';
import { CANCEL_CHECKS, CANCEL_FLAG, newCancelFlags } from './db/cancel.ts';
import { OffprintError } from './errors.ts';
import { createLogger } from './log.ts';
import type { ReadRequestName } from './reads.ts';
import type { ReadReply, ReadWorkerData, ThrownError } from './readWorker.ts';
import { siblingEntry, startWorker } from './workers.ts';

const log = createLogger('reads');

export interface ReadPoolOptions {
  indexPath: string;
  userPath: string;
  nativeBinding?: string | undefined;
  bundled: ReadWorkerData['bundled'];
  libraryDir?: string | null;
  /** Two by default: a search and an article opened meanwhile each get one. */
  size?: number;
  /** Told of every request as it ends (tests, and what a status view would show). */
  onSettled?: (s: Settled) => void;
}

export interface ReadContext {
  /** Who asks (a window): a newer search from the same one cancels the older. */
  channel?: string | undefined;
  /** Aborted when the asker is gone (serve mode's connection closed). */
  signal?: AbortSignal | undefined;
}

export interface Settled {
  id: number;
  name: ReadRequestName;
  outcome: 'value' | 'cancelled' | 'error';
  /** The cancellation checks its statements made (db/cancel.ts): how far they went. */
  checks: number;
}

export interface Running {
  id: number;
  name: ReadRequestName;
  checks: number;
}

interface Job {
  id: number;
  name: ReadRequestName;
  input: unknown;
  channel: string | undefined;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  /** Answered already (cancelled): whatever the worker says later is dropped. */
  isDone: boolean;
}

interface Slot {
  worker: Worker;
  flags: Int32Array;
  job: Job | null;
  isReady: boolean;
}

/** The requests a newer one of the same name from the same channel supersedes: what is asked per keystroke. */
const SUPERSEDED = new Set<ReadRequestName>(['search.query', 'highlights.search']);

/** Past this many workers that die before they are ready, in a row, the pool stops and reads run in-process. */
const MAX_FAILED_STARTS = 3;

export const cancelledError = (): OffprintError => new OffprintError('cancelled', 'The request was cancelled by a newer one.');

/**
 * The read workers (readWorker.ts): requests wait in one queue and go to the first idle worker. A newer
 * search from the same channel cancels the older one, queued or running: a running one through its
 * cancellation flags, which end its statement at the next check (db/cancel.ts). A worker that dies is replaced and
 * its request answered with an error.
 */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failedStarts = 0;
  private isClosed = false;

  constructor(private readonly options: ReadPoolOptions) {
    for (let i = 0; i < (options.size ?? 2); i++) this.slots.push(this.start());
  }

  /** False once workers keep dying at start (a database they cannot open): the caller reads in-process. */
  get isAvailable(): boolean {
    return !this.isClosed && this.failedStarts < MAX_FAILED_STARTS;
  }

  run(name: ReadRequestName, input: unknown, context: ReadContext = {}): Promise<unknown> {
    if (SUPERSEDED.has(name) && context.channel !== undefined) {
      for (const job of this.jobs()) if (job.name === name && job.channel === context.channel) this.cancel(job);
    }
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, name, input, channel: context.channel, resolve, reject, isDone: false };
      if (context.signal?.aborted) return reject(cancelledError());
      context.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** What the workers are doing now, with the checks each request's statements have made so far. */
  running(): Running[] {
    return this.slots.flatMap((s) =>
      s.job && !s.job.isDone ? [{ id: s.job.id, name: s.job.name, checks: Atomics.load(s.flags, CANCEL_CHECKS) }] : [],
    );
  }

  async close(): Promise<void> {
    this.isClosed = true;
    for (const job of this.jobs()) this.finish(job, () => job.reject(new OffprintError('unavailable', 'Offprint is closing.')));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private jobs(): Job[] {
    return [...this.queue, ...this.slots.flatMap((s) => (s.job && !s.job.isDone ? [s.job] : []))];
  }

  private cancel(job: Job): void {
    if (job.isDone) return;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) Atomics.store(slot.flags, CANCEL_FLAG, 1);
    this.finish(job, () => job.reject(cancelledError()));
    if (!slot) this.options.onSettled?.({ id: job.id, name: job.name, outcome: 'cancelled', checks: 0 });
  }

  private finish(job: Job, answer: () => void): void {
    if (job.isDone) return;
    job.isDone = true;
    answer();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job || !slot.isReady) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      Atomics.store(slot.flags, CANCEL_FLAG, 0);
      Atomics.store(slot.flags, CANCEL_CHECKS, 0);
      slot.worker.postMessage({ id: job.id, name: job.name, input: job.input });
    }
  }

  private start(): Slot {
    const flags = newCancelFlags();
    const data: ReadWorkerData = {
      indexPath: this.options.indexPath,
      userPath: this.options.userPath,
      nativeBinding: this.options.nativeBinding,
      bundled: this.options.bundled,
      libraryDir: this.options.libraryDir ?? null,
      flags,
    };
    const slot: Slot = { worker: startWorker(siblingEntry(import.meta.url, 'readWorker'), { ...data }), flags, job: null, isReady: false };
    slot.worker.on('message', (m: ReadReply) => this.onReply(slot, m));
    slot.worker.on('error', (err) => log.error('read worker failed', { message: err.message }));
    slot.worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onReply(slot: Slot, m: ReadReply): void {
    if (m.type === 'ready') {
      slot.isReady = true;
      this.failedStarts = 0;
      this.pump();
      return;
    }
    const job = slot.job;
    slot.job = null;
    if (job && job.id === m.id) {
      this.options.onSettled?.({ id: job.id, name: job.name, outcome: m.type, checks: m.checks });
      if (m.type === 'value') this.finish(job, () => job.resolve(m.value));
      else if (m.type === 'error') this.finish(job, () => job.reject(rebuild(m.error)));
      else this.finish(job, () => job.reject(cancelledError()));
    }
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    if (this.isClosed) return;
    if (!slot.isReady) this.failedStarts++;
    log.error('read worker stopped; starting another', { code, failedStarts: this.failedStarts });
    const job = slot.job;
    if (job) {
      this.options.onSettled?.({ id: job.id, name: job.name, outcome: 'error', checks: Atomics.load(slot.flags, CANCEL_CHECKS) });
      this.finish(job, () => job.reject(new Error(`The read worker stopped (exit code ${code}) while answering ${job.name}.`)));
    }
    const i = this.slots.indexOf(slot);
    if (!this.isAvailable) {
      this.slots.splice(i, 1);
      for (const queued of this.queue.splice(0)) this.finish(queued, () => queued.reject(unavailable()));
      return;
    }
    this.slots[i] = this.start();
  }
}

const unavailable = () => new OffprintError('unavailable', 'Searching and reading stopped working; restart Offprint.');

/** The error the request would have thrown in-process, so dispatch answers it the same way. */
function rebuild(e: ThrownError): Error {
  const err =
    e.isOffprint && e.code ? new OffprintError(e.code as ErrorCode, e.message) : Object.assign(new Error(e.message), { code: e.code });
  err.stack = e.stack;
  return err;
}
