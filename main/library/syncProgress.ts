import type { IndexPhase } from '../../common/contract.ts';

/** Where a sync is, as the index worker reports it (the Indexer turns it into an IndexStatus). */
export interface SyncProgress {
  phase: IndexPhase;
  /** The key of the folder being synced; null while finishing, which is for every folder at once. */
  folder: string | null;
  /** The folder's files read (unchanged ones included) of `total`; while scanning, the files found so far. */
  done: number;
  total: number;
  current: string | null;
  failed: number;
  /** Saving: articles of the batch written; finishing: new words added (or texts looked through). */
  step: { done: number; total: number } | null;
}

/** Progress is reported at least this often (ms) within a phase, and at every change of phase. */
export const PROGRESS_EVERY_MS = 250;

/**
 * Reports a sync's progress: a change of phase when it happens (`report`), anything within a phase at
 * most every `everyMs` (ask `isDue` first, so a file that is not reported costs no more than a clock read).
 * Fields a report leaves out keep their last values.
 */
export class ProgressReporter {
  private at = -Infinity;
  private last: SyncProgress = { phase: 'scanning', folder: null, done: 0, total: 0, current: null, failed: 0, step: null };

  constructor(
    private readonly listener: ((p: SyncProgress) => void) | undefined,
    private readonly everyMs = PROGRESS_EVERY_MS,
  ) {}

  isDue(): boolean {
    return this.listener !== undefined && performance.now() - this.at >= this.everyMs;
  }

  report(change: Partial<SyncProgress>): void {
    if (!this.listener) return;
    this.last = { ...this.last, ...change };
    this.at = performance.now();
    this.listener(this.last);
  }
}
