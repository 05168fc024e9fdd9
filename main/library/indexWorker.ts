/**
 * Runs folder syncs off the main thread: parsing and big write transactions would otherwise
 * freeze the window (or the serve loop). Owns the only writing connection to the index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openIndexDb } from './db/indexDb.ts';
import { removeFolder } from './db/writer.ts';
import { Parser } from './parser.ts';
import { relayLauncher } from './parserRelay.ts';
import { syncFoldersParallel, type FolderSpec, type SyncProgress, type SyncReport } from './sync.ts';

/** A sync's tuning (sync.ts SyncOptions), passed through: batchSize and progressEveryMs are for tests. */
export type SyncTuning = { maxBytes?: number | undefined; batchSize?: number | undefined; progressEveryMs?: number | undefined };

export type WorkerRequest = ({ type: 'sync'; folders: FolderSpec[] } & SyncTuning) | { type: 'remove'; key: string } | { type: 'close' };

export type WorkerMessage =
  | ({ type: 'progress' } & SyncProgress)
  /** A batch of the running sync that wrote articles was committed. */
  | { type: 'committed' }
  | { type: 'done'; report: SyncReport }
  | { type: 'removed'; count: number }
  | { type: 'error'; message: string; code: string | null };

const { dbPath, nativeBinding, isLending } = workerData as { dbPath: string; nativeBinding?: string; isLending?: boolean };
const { db } = openIndexDb(dbPath, { nativeBinding });
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
/**
 * The parser process outlives a sync (a watched folder resyncs often) and ends after a minute without
 * work. Inside Electron a Node child cannot be forked (the RunAsNode fuse is off): the shell lends a
 * utility process through the Indexer (parserRelay.ts), and without one files are parsed on this
 * thread, without a budget per file.
 */
const IDLE_MS = 60_000;
const parser = isLending
  ? new Parser({ idleMs: IDLE_MS, launch: relayLauncher(parentPort!) })
  : process.versions.electron
    ? null
    : new Parser({ idleMs: IDLE_MS });

// One request at a time: the Indexer queues them, and a sync finishes before the next begins.
parentPort!.on('message', async (req: WorkerRequest | { type: 'parser' }) => {
  if (req.type === 'parser') return; // the parser relay's, handled by relayLauncher
  try {
    if (req.type === 'close') {
      await parser?.close();
      db.close();
      process.exit(0);
    } else if (req.type === 'remove') {
      post({ type: 'removed', count: removeFolder(db, req.key) });
    } else {
      const report = await syncFoldersParallel(db, req.folders, {
        maxBytes: req.maxBytes,
        batchSize: req.batchSize,
        progressEveryMs: req.progressEveryMs,
        parser,
        onProgress: (p) => post({ type: 'progress', ...p }),
        onCommit: () => post({ type: 'committed' }),
      });
      post({ type: 'done', report });
    }
  } catch (err) {
    post({ type: 'error', message: (err as Error).message, code: (err as { code?: string }).code ?? null });
  }
});
