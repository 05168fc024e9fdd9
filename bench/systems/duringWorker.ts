/**
 * Searches a database while the main thread imports into it, through a second (read-only)
 * connection, as the app's search would while a sync runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../main/library/db/open.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { searchArticles } from '../../main/library/search.ts';
import type { Query } from '../queries.ts';

export interface DuringStart {
  dbPath: string;
  queries: Query[];
  /** Set to 1 by the main thread when the import has finished. */
  stop: Int32Array;
}

export interface DuringResult {
  ms: number[];
  rows: number[];
}

/** About the rate of someone typing: continuous hammering would starve WAL checkpoints, which no user does. */
const PAUSE_MS = 10;

if (parentPort && workerData) {
  const { dbPath, queries, stop } = workerData as DuringStart;
  const db = openDatabase(dbPath, indexMigrations, { readonly: true });
  const ms: number[] = [];
  const rows: number[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  parentPort.postMessage('ready');
  for (let i = 0; Atomics.load(stop, 0) === 0; i++) {
    const q = queries[i % queries.length]!;
    const t0 = performance.now();
    const n = searchArticles(db, q.q, { limit: 20 }).results.length;
    ms.push(performance.now() - t0);
    rows.push(n);
    Atomics.wait(pause, 0, 0, PAUSE_MS);
  }
  db.close();
  const result: DuringResult = { ms, rows };
  parentPort.postMessage(result);
}
