import type { Database } from 'better-sqlite3';

/**
 * Cancellation that reaches inside one statement. better-sqlite3 is synchronous and has no interrupt,
 * and the expensive search statements (a match count, a ranked ORDER BY … LIMIT) do all their work in
 * their first step. So they call `offprint_live()` as they go: it reads a flag the requester shares with
 * this thread (a SharedArrayBuffer, set with Atomics from another thread) and throws once it is set,
 * which ends the statement there.
 *
 * The flags of a request: [0] is set to non-zero to cancel it, [1] counts the checks made (the SQL
 * function's calls), so a test and the pool can see how far a statement went.
 */
export const CANCEL_FLAG = 0;
export const CANCEL_CHECKS = 1;
export const CANCEL_SLOTS = 2;

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('The request was cancelled.');
  }
}

/** The flags of the request this thread is running, or null outside one (the CLI, the writer). */
let active: Int32Array | null = null;

export function newCancelFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
}

/** Runs a synchronous request under `flags`: every check inside it throws CancelledError once they are set. */
export function whileLive<T>(flags: Int32Array, run: () => T): T {
  const outer = active;
  active = flags;
  try {
    throwIfCancelled();
    return run();
  } finally {
    active = outer;
  }
}

/** A check between statements, for work done in JavaScript (reranking, snippets). */
export function throwIfCancelled(): void {
  if (active && Atomics.load(active, CANCEL_FLAG) !== 0) throw new CancelledError();
}

function checkpoint(): number {
  if (active) {
    Atomics.add(active, CANCEL_CHECKS, 1);
    throwIfCancelled();
  }
  return 1;
}

const installed = new WeakSet<Database>();

/** Registers offprint_live() on a connection, once; statements that call it are prepared after this. */
export function installCancelPoint(db: Database): void {
  if (installed.has(db)) return;
  db.function('offprint_live', { deterministic: false, directOnly: true }, checkpoint);
  installed.add(db);
}

/**
 * The WHERE term for a statement over articles_fts. A JavaScript call per row made a count of 180,000
 * matches take 28-34 ms instead of 15; checked on one rowid in 256 (SQLite evaluates the OR left to
 * right, so the function runs only for those rows) it took 17 ms, and still checked every 25 µs.
 */
export const LIVE = '((rowid & 255) <> 0 OR offprint_live())';
