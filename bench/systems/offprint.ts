/**
 * Offprint's real code path: syncFoldersParallel over the .txt files on disk (as the app's index worker
 * and the CLI run it), searchArticles for queries.
 * Phases, each in a fresh process (run.ts calls them in this order):
 *   import  full import into a new database, as the app and the CLI do it (syncFoldersParallel); time, RSS, db size.
 *   reopen  open + sync of the unchanged folder (the start-up scan), the first query, then all queries,
 *           then (untimed) the typo class's recall@3, misspelled and clean.
 *   during  a second full import into a scratch database while a worker thread searches it, for
 *           the "p99 while indexing" figure; kept apart so it cannot disturb the import timing.
 * This process never loads the corpus into memory: RSS is Offprint's own.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../main/library/db/open.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { searchArticles } from '../../main/library/search.ts';
import { syncFoldersParallel, type SyncReport } from '../../main/library/sync.ts';
import { docIndexOfPath } from '../corpus/files.ts';
import { msSince, secondsSince, stopwatch, summarize, timeQueries, type Summary } from '../stats.ts';
import { childContext, emit, log, paths, peakRssMb, readQueries, rssMb } from './common.ts';
import { checkpointedMb } from './sqlite.ts';
import { TOP_K, typoRecall } from '../typo.ts';
import type { DuringResult, DuringStart } from './duringWorker.ts';

const ctx = childContext();
const p = paths(ctx.work);
const folders = [{ key: ctx.spec.corpus, root: p.files }];

const freshDb = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return openDatabase(path, indexMigrations);
};

/**
 * `--import tsx` does not reach worker threads on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so the worker
 * starts from a tiny script that registers tsx first and then imports the real .ts module.
 */
function tsxWorkerBoot(module: URL): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
}

const counts = (r: SyncReport) => ({
  added: r.added,
  updated: r.updated,
  unchanged: r.unchanged,
  removed: r.removed,
  failed: r.failed.length,
});

async function importPhase(): Promise<void> {
  const db = freshDb(p.offprintDb);
  const clock = stopwatch();
  // The app's index worker and the command line import with a parsing thread beside the writer.
  const report = await syncFoldersParallel(db, folders);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  const rss = rssMb();
  const peakRss = peakRssMb();
  const dbMb = checkpointedMb(db, p.offprintDb);
  const terms = (db.prepare('SELECT count(*) AS n FROM terms').get() as { n: number }).n;
  db.close();
  log(`offprint import: ${seconds} s, ${dbMb.toFixed(1)} MB, RSS ${rss.toFixed(0)} MB, ${JSON.stringify(counts(report))}`);
  emit({ seconds, cpu_seconds: cpuSeconds, db_mb: dbMb, rss_mb: rss, peak_rss_mb: peakRss, report: counts(report), terms });
}

async function reopenPhase(): Promise<void> {
  const queries = readQueries(ctx.work);
  const clock = stopwatch();
  const db = openDatabase(p.offprintDb, indexMigrations);
  // The app's start-up scan (the index worker runs syncFoldersParallel).
  const report = await syncFoldersParallel(db, folders);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  // The first query of a fresh process pays for statement preparation and cold FTS structures.
  const first = queries.find((q) => q.cls === 'single') ?? queries[0]!;
  const t1 = performance.now();
  searchArticles(db, first.q, { limit: 20 });
  const firstQueryMs = msSince(t1);
  const query = timeQueries(queries, (q) => searchArticles(db, q.q, { limit: 20 }).results.length);
  // The same call as timed above; the first results' files name the entries they hold.
  const top = (q: string) =>
    searchArticles(db, q, { limit: 20 })
      .results.slice(0, TOP_K)
      .map((r) => docIndexOfPath(r.path));
  const typo = typoRecall(queries, top, 'searchArticles(q, {limit: 20}), as typed');
  db.close();
  log(`offprint reopen: ${seconds} s (${report.unchanged} unchanged), first query ${firstQueryMs} ms, p99 ${query.p99} ms`);
  if (typo) log(`offprint typo recall@3: ${typo.typo_recall3} misspelled, ${typo.clean_recall3} clean (${typo.n} queries)`);
  emit({
    seconds,
    cpu_seconds: cpuSeconds,
    first_query_ms: firstQueryMs,
    first_query: first.q,
    report: counts(report),
    query,
    typo,
    search_rss_mb: rssMb(),
  });
}

async function duringPhase(): Promise<void> {
  const queries = readQueries(ctx.work);
  const db = freshDb(p.duringDb);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const start: DuringStart = { dbPath: p.duringDb, queries, stop };
  const worker = new Worker(tsxWorkerBoot(new URL('./duringWorker.ts', import.meta.url)), { eval: true, workerData: start });
  const result = new Promise<DuringResult>((resolve, reject) => {
    worker.on('message', (m: DuringResult | 'ready') => {
      if (m !== 'ready') resolve(m);
    });
    worker.on('error', reject);
  });
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  const t0 = performance.now();
  await syncFoldersParallel(db, folders);
  const seconds = secondsSince(t0);
  Atomics.store(stop, 0, 1);
  const got = await result;
  await worker.terminate();
  db.close();
  const query: Summary = summarize(got.ms, got.rows);
  const peakRss = peakRssMb();
  log(`offprint during import: import ${seconds} s, ${query.n} queries, p99 ${query.p99} ms, peak RSS ${peakRss.toFixed(0)} MB`);
  emit({ seconds, query, peak_rss_mb: peakRss });
}

if (ctx.phase === 'import') await importPhase();
else if (ctx.phase === 'reopen') await reopenPhase();
else if (ctx.phase === 'during') await duringPhase();
else throw new Error(`unknown --phase ${ctx.phase}`);
