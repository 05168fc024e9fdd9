/**
 * The Indexer as the app runs it: the index worker, its parser process and real files on disk, with
 * batches of 10 so one import commits several times. What it reports is recorded in order, as the
 * renderer would receive it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../common/contract.ts';
import { folderCounts } from './db/library.ts';
import { Indexer, type IndexerOptions } from './indexer.ts';
import { libraryWorker } from './workers.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

const FOLDERS = 6;
const PER_FOLDER = 10;
const FILES = FOLDERS * PER_FOLDER;
const BATCH = 10;

let lib: TempLibrary;
let root: string;
const statuses: IndexStatus[] = [];
/** At each onCommitted: the status the Indexer had reported last, and the folder's count in the index then. */
const commits: { status: IndexStatus; stored: number }[] = [];
/** Statuses up to the sync's end (the idle one included). */
let sync: IndexStatus[];

const indexerFor = (dbPath: string, options: Pick<IndexerOptions, 'committedEveryMs' | 'onCommitted' | 'onStatus'>) =>
  new Indexer({ dbPath, workerUrl: libraryWorker('indexWorker'), batchSize: BATCH, progressEveryMs: 0, ...options });

beforeAll(async () => {
  lib = tempLibrary();
  // Several sub-folders, so the scan has counts to report before it ends.
  for (let f = 0; f < FOLDERS; f++)
    for (let i = 0; i < PER_FOLDER; i++)
      lib.write(`part${f}/article${i}.txt`, `Article ${f}-${i}\n\nText of article ${f}-${i} about glaciers.`);
  root = `${lib.dir}/articles`;
  const indexer = indexerFor(lib.dbPath, {
    committedEveryMs: 0,
    onStatus: (s) => statuses.push(s),
    onCommitted: () => commits.push({ status: statuses.at(-1)!, stored: folderCounts(lib.db).get('A') ?? 0 }),
  });
  try {
    await indexer.sync([{ key: 'A', root }]);
  } finally {
    await indexer.close();
  }
  sync = statuses.slice(0, statuses.findIndex((s) => s.state === 'idle') + 1);
}, 60_000);
afterAll(() => lib.cleanup());

const firstIndex = (pred: (s: IndexStatus) => boolean) => sync.findIndex(pred);

describe('Indexer progress', () => {
  it('scans first, naming the folder and counting the files it finds', () => {
    const reading = firstIndex((s) => s.phase === 'reading');
    expect(reading).toBeGreaterThan(0);
    const scanning = sync.slice(0, reading);
    expect(scanning.every((s) => s.state === 'indexing' && s.phase === 'scanning' && s.done === 0)).toBe(true);
    expect(scanning[0]!.folder).toEqual({ root, isBundled: false });
    // Found so far, before the last sub-folder is listed.
    expect(scanning.some((s) => s.total > 0 && s.total < FILES)).toBe(true);
  });

  it('knows the total before the first file is read', () => {
    const first = sync[firstIndex((s) => s.phase === 'reading')]!;
    expect(first).toMatchObject({ done: 0, total: FILES });
    expect(sync.slice(firstIndex((s) => s.phase === 'reading')).every((s) => s.total === FILES)).toBe(true);
  });

  it('counts files as they are read, never backwards, before the first batch is saved', () => {
    const done = sync.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const beforeSaving = sync.slice(
      0,
      firstIndex((s) => s.phase === 'saving'),
    );
    expect(beforeSaving.filter((s) => s.phase === 'reading').map((s) => s.done)).toEqual(Array.from({ length: BATCH }, (_, i) => i));
    expect(beforeSaving.filter((s) => s.phase === 'reading' && s.done > 0).every((s) => s.current !== null)).toBe(true);
  });

  it('says when it saves each batch, and how far the batch is, instead of the last file name', () => {
    const saving = sync.filter((s) => s.phase === 'saving');
    expect(new Set(saving.map((s) => s.done))).toEqual(new Set([10, 20, 30, 40, 50, 60]));
    expect(saving.every((s) => s.current === null && s.step?.total === BATCH)).toBe(true);
    expect(saving.map((s) => s.step!.done)).toContain(BATCH);
  });

  it('reports finishing (the search vocabulary) as its own phase, after the last batch and before it is idle', () => {
    const finishing = firstIndex((s) => s.phase === 'finishing');
    expect(finishing).toBeGreaterThan(sync.findLastIndex((s) => s.phase === 'saving'));
    expect(sync[finishing]).toMatchObject({ state: 'indexing', folder: null, step: { done: 0, total: expect.any(Number) } });
    expect(sync[finishing]!.step!.total).toBeGreaterThan(0);
    expect(sync.at(-1)).toMatchObject({ state: 'idle', phase: null, step: null, done: FILES, total: FILES });
  });

  it('makes each committed batch visible while the sync still runs', () => {
    expect(commits).toHaveLength(FILES / BATCH);
    expect(commits[0]!.status).toMatchObject({ state: 'indexing', phase: 'saving', done: BATCH });
    expect(commits[0]!.stored).toBeGreaterThanOrEqual(BATCH);
    const stored = commits.map((c) => c.stored);
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    expect(stored.at(-1)).toBe(FILES);
  });

  it('tells of committed batches at most once per interval, the first at once', async () => {
    const other = tempLibrary();
    try {
      for (let i = 0; i < 3 * BATCH; i++) other.write(`n${i}.txt`, `Note ${i}\n\nA note on moraines.`);
      let calls = 0;
      const indexer = indexerFor(other.dbPath, { committedEveryMs: 60_000, onCommitted: () => calls++ });
      try {
        await indexer.sync([{ key: 'B', root: `${other.dir}/articles` }]);
      } finally {
        await indexer.close();
      }
      expect(calls).toBe(1);
    } finally {
      other.cleanup();
    }
  });
});
