/**
 * The main thread stays free while a long search runs: searches run in the read workers, so a trivial
 * request (settings) is answered while the worker still reports the search running. Before the
 * workers, the search ran here and everything waited for it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openIndexDb } from '../library/db/indexDb.ts';
import { fillIndex } from '../library/testing.ts';
import { startServices, type Services } from './services.ts';

const ARTICLES = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'offprint-responsive-'));
let services: Services;

beforeAll(async () => {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const { db } = openIndexDb(join(dataDir, 'index.db'));
  fillIndex(db, ARTICLES);
  db.close();
  services = startServices({
    dataDir,
    bundledContent: null,
    workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
  });
  await services.ready;
}, 120_000);
afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers a trivial request while a long search is still running in a worker', async () => {
  const reads = services.deps.reads!;
  let isSearchDone = false;
  const search = services.dispatch('search.query', { q: 'what is the river of copper and glass in winter', limit: 10 });
  void search.then(() => (isSearchDone = true));
  while (!reads.running().some((r) => r.name === 'search.query' && r.checks > 0)) await new Promise((r) => setImmediate(r));

  const settings = await services.dispatch('settings.get', {});
  const stillRunning = reads.running().some((r) => r.name === 'search.query');
  expect(settings.ok).toBe(true);
  expect(stillRunning).toBe(true);
  expect(isSearchDone).toBe(false);

  const answer = await search;
  expect(answer).toMatchObject({ ok: true, value: { total: ARTICLES } });
});

it('answers a cancelled search with an error value that says so', async () => {
  const q = 'what is the river of copper and glass in winter';
  const older = services.dispatch('search.query', { q, limit: 10 }, { channel: 'tab 1' });
  while (!services.deps.reads!.running().some((r) => r.checks > 0)) await new Promise((r) => setImmediate(r));
  const newer = services.dispatch('search.query', { q: 'lantern', limit: 10 }, { channel: 'tab 1' });
  expect(await older).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  expect(await newer).toMatchObject({ ok: true });
});
