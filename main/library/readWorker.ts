/**
 * A read worker: answers searches, article reads and library pages on read-only connections to the two
 * databases (WAL lets them read while the index worker and the main thread write), so a long query
 * never holds up Electron's main thread or serve mode's event loop. One request at a time; readPool.ts
 * sends them and shares each request's cancellation flags (db/cancel.ts) with this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CANCEL_CHECKS, CancelledError, whileLive } from './db/cancel.ts';
import { indexMigrations } from './db/migrations/indexMigrations.ts';
import { userMigrations } from './db/migrations/userMigrations.ts';
import { openDatabase } from './db/open.ts';
import { OffprintError } from './errors.ts';
import { readHandlers, type ReadRequestName } from './reads.ts';
import type { FolderSpec } from './sync.ts';

export interface ReadWorkerData {
  indexPath: string;
  userPath: string;
  nativeBinding?: string | undefined;
  bundled: FolderSpec | null;
  libraryDir: string | null;
  /** This worker's cancellation flags, reset by the pool before each request. */
  flags: Int32Array;
}

export interface ReadRequest {
  id: number;
  name: ReadRequestName;
  input: unknown;
}

/** A failure as it crosses the thread: enough for dispatch to answer it as it would in-process. */
export interface ThrownError {
  message: string;
  stack: string | undefined;
  /** An OffprintError's code, or SQLite's (SQLITE_FULL…), which dispatch explains. */
  code: string | null;
  isOffprint: boolean;
}

export type ReadReply =
  | { type: 'ready' }
  | { type: 'value'; id: number; value: unknown; checks: number }
  | { type: 'cancelled'; id: number; checks: number }
  | { type: 'error'; id: number; error: ThrownError; checks: number };

const data = workerData as ReadWorkerData;
const open = { readonly: true, nativeBinding: data.nativeBinding };
const deps = {
  indexDb: openDatabase(data.indexPath, indexMigrations, open),
  userDb: openDatabase(data.userPath, userMigrations, open),
  bundled: data.bundled,
  libraryDir: data.libraryDir,
};
const post = (m: ReadReply) => parentPort!.postMessage(m);

parentPort!.on('message', (req: ReadRequest) => {
  const run = readHandlers[req.name] as (input: unknown, d: typeof deps) => unknown;
  const checks = () => Atomics.load(data.flags, CANCEL_CHECKS);
  try {
    const value = whileLive(data.flags, () => run(req.input, deps));
    post({ type: 'value', id: req.id, value, checks: checks() });
  } catch (err) {
    if (err instanceof CancelledError) return post({ type: 'cancelled', id: req.id, checks: checks() });
    const e = err as Error & { code?: unknown };
    const code = typeof e.code === 'string' ? e.code : null;
    post({
      type: 'error',
      id: req.id,
      checks: checks(),
      error: { message: e.message, stack: e.stack, code, isOffprint: err instanceof OffprintError },
    });
  }
});
post({ type: 'ready' });
