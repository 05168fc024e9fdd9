/**
 * The read workers on a real index of 120,000 articles, every one matching the test's question, so a
 * search is long enough (100+ ms) to be cancelled in the middle of a statement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../common/contract.ts';
import { openIndexDb } from './db/indexDb.ts';
import { openUserDb } from './db/userDb.ts';
import { ReadPool, type ReadPoolOptions, type Settled } from './readPool.ts';
import { searchArticles } from './search.ts';
import { fillIndex } from './testing.ts';

const ARTICLES = 120_000;
/** Every word is in most articles: the counts and the ranking read all 120,000 of them. */
const LONG = 'what is the river of copper and glass in winter';

const dir = mkdtempSync(join(tmpdir(), 'offprint-reads-'));
const indexPath = join(dir, 'index.db');
const userPath = join(dir, 'user.db');
const index = openIndexDb(indexPath).db;
const user = openUserDb(userPath).db;
beforeAll(() => fillIndex(index, ARTICLES), 120_000);
afterAll(() => {
  index.close();
  user.close();
  rmSync(dir, { recursive: true, force: true });
});

let pool: ReadPool | null = null;
const settled: Settled[] = [];
const open = (options: Partial<ReadPoolOptions> = {}) =>
  (pool = new ReadPool({ indexPath, userPath, bundled: null, onSettled: (s) => settled.push(s), ...options }));
afterEach(async () => {
  await pool?.close();
  pool = null;
  settled.length = 0;
});

/** Waits (without a timer) until `test` holds, checking on each turn of the event loop. */
async function until(test: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

const settledOf = (id: number) => settled.find((s) => s.id === id);
const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (err: { code?: string }) => err.code ?? 'no code',
  );

describe('ReadPool', () => {
  it('answers a search in a worker exactly as it is answered in-process', async () => {
    const reads = open();
    const got = (await reads.run('search.query', { q: LONG, limit: 10 })) as SearchResponse;
    const direct = searchArticles(index, LONG, { limit: 10 });
    expect(got.total).toBe(ARTICLES);
    expect(got.results.map((r) => r.id)).toEqual(direct.results.map((r) => r.id));
  });

  it('cancels a running search inside its statement when the same window searches again, and sends no answer', async () => {
    const reads = open({ size: 1 });
    await reads.run('search.query', { q: LONG, limit: 10 });
    const whole = settled[0]!;
    expect(whole.outcome).toBe('value');
    // 120,000 matches, checked once in 256 rowids, by each of the statements that read them all.
    expect(whole.checks).toBeGreaterThan(400);

    const older = reads.run('search.query', { q: LONG, limit: 10 }, { channel: 'window 1' });
    const olderCode = errorCode(older);
    await until(() => reads.running().some((r) => r.checks > 0), 'the first check of the statement');
    const olderId = reads.running()[0]!.id;
    const newer = reads.run('search.query', { q: 'copper', limit: 10 }, { channel: 'window 1' });

    expect(await olderCode).toBe('cancelled');
    expect(((await newer) as SearchResponse).total).toBeGreaterThan(0);
    const cancelled = settledOf(olderId)!;
    // The worker stopped in the statement and said so; it never sent a value for the older search.
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.checks).toBeGreaterThan(0);
    expect(cancelled.checks).toBeLessThan(whole.checks / 2);
  });

  it('lets searches from other windows run, and drops a queued search that is superseded before it starts', async () => {
    const reads = open({ size: 1 });
    const first = reads.run('search.query', { q: LONG, limit: 5 }, { channel: 'window 1' });
    const queued = reads.run('search.query', { q: 'stone', limit: 5 }, { channel: 'window 2' });
    const queuedCode = errorCode(queued);
    const latest = reads.run('search.query', { q: 'glass', limit: 5 }, { channel: 'window 2' });
    expect(((await first) as SearchResponse).total).toBe(ARTICLES);
    expect(await queuedCode).toBe('cancelled');
    expect(((await latest) as SearchResponse).total).toBeGreaterThan(0);
    // The superseded one never reached the worker: the worker answered two requests, not three.
    expect(settled.filter((s) => s.outcome === 'value')).toHaveLength(2);
    expect(settled.find((s) => s.outcome === 'cancelled')?.checks).toBe(0);
  });

  it('stops a search whose asker has gone (an aborted signal)', async () => {
    const reads = open({ size: 1 });
    const abort = new AbortController();
    const gone = errorCode(reads.run('search.query', { q: LONG, limit: 10 }, { signal: abort.signal }));
    await until(() => reads.running().some((r) => r.checks > 0), 'the first check');
    abort.abort();
    expect(await gone).toBe('cancelled');
    await until(() => settled.length === 1, 'the worker to stop');
    expect(settled[0]!.outcome).toBe('cancelled');
  });

  it('answers with an error when its worker dies mid-request, and goes on with a new worker', async () => {
    const reads = open({ size: 1 });
    const dying = errorCode(reads.run('search.query', { q: LONG, limit: 10 }));
    await until(() => reads.running().length === 1, 'the search to start');
    // As an out-of-memory kill would: the thread ends without a word.
    const slots = (reads as unknown as { slots: { worker: Worker }[] }).slots;
    await slots[0]!.worker.terminate();
    expect(await dying).toBe('no code');
    const after = (await reads.run('article.get', { id: 'missing' }).catch((err: { code: string }) => err.code)) as string;
    expect(after).toBe('not-found');
    expect(((await reads.run('search.query', { q: 'lantern', limit: 1 })) as SearchResponse).total).toBeGreaterThan(0);
  });
});
