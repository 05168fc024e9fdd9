import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countArticles } from './db/articles.ts';
import { searchArticles } from './search.ts';
import { documentId, syncFolders, syncFoldersParallel } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

const folderA = () => ({ key: 'A', root: `${lib.dir}/articles/a` });
const folderB = () => ({ key: 'B', root: `${lib.dir}/articles/b` });

describe('syncFolders', () => {
  it('reports progress while a batch fills, before anything is committed', () => {
    for (let i = 0; i < 5; i++) lib.write(`a/${i}.txt`, `Title ${i}\n\nBody ${i}.`);
    const seen: { phase: string; done: number; current: string | null; stored: number }[] = [];
    syncFolders(lib.db, [folderA()], {
      progressEveryMs: 0,
      onProgress: (p) => seen.push({ phase: p.phase, done: p.done, current: p.current, stored: countArticles(lib.db) }),
    });
    // One event per file as it is parsed (the batch of 10,000 commits only at the end), then the end.
    const read = seen.filter((p) => p.phase === 'reading' && p.current !== null);
    expect(read).toEqual([0, 1, 2, 3, 4].map((i) => ({ phase: 'reading', done: i + 1, current: `${i}.txt`, stored: 0 })));
    expect(seen.findLast((p) => p.phase === 'reading')).toEqual({ phase: 'reading', done: 5, current: null, stored: 5 });
  });

  it('rewrites nothing when the folder has not changed', () => {
    lib.write('a/one.txt', 'One\n\nBody one.');
    lib.write('a/two.md', '# Two\n\nBody two.');
    expect(syncFolders(lib.db, [folderA()])).toMatchObject({ added: 2, updated: 0, unchanged: 0, removed: 0 });
    const changesBefore = lib.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(syncFolders(lib.db, [folderA()])).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    const changesAfter = lib.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(changesAfter.n).toBe(changesBefore.n);
  });

  it('keeps a touched file with the same content as unchanged', () => {
    const path = lib.write('a/one.txt', 'One\n\nBody one.');
    syncFolders(lib.db, [folderA()]);
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    expect(syncFolders(lib.db, [folderA()])).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it('updates a changed file in place and removes a deleted one', () => {
    const one = lib.write('a/one.txt', 'One\n\nOld words here.');
    const two = lib.write('a/two.txt', 'Two\n\nBody two.');
    syncFolders(lib.db, [folderA()]);
    writeFileSync(one, 'One\n\nNew zeppelin words here, longer.');
    rmSync(two);
    expect(syncFolders(lib.db, [folderA()])).toMatchObject({ added: 0, updated: 1, unchanged: 0, removed: 1 });
    expect(searchArticles(lib.db, 'zeppelin').total).toBe(1);
    expect(searchArticles(lib.db, 'old').total).toBe(0);
    expect(countArticles(lib.db)).toBe(1);
  });

  it('never removes another folder’s articles', () => {
    lib.write('a/one.txt', 'One\n\nAlpha.');
    lib.write('b/two.txt', 'Two\n\nBeta.');
    syncFolders(lib.db, [folderA(), folderB()]);
    rmSync(`${lib.dir}/articles/a/one.txt`);
    expect(syncFolders(lib.db, [folderA()])).toMatchObject({ removed: 1 });
    expect(searchArticles(lib.db, 'beta').total).toBe(1);
  });

  it('gives ids that are stable across runs and unique across folders', () => {
    expect(documentId('A', 'x.txt')).toBe(documentId('A', 'x.txt'));
    expect(documentId('A', 'x.txt')).not.toBe(documentId('B', 'x.txt'));
    lib.write('a/same.txt', 'Same\n\nA.');
    lib.write('b/same.txt', 'Same\n\nB.');
    syncFolders(lib.db, [folderA(), folderB()]);
    expect(countArticles(lib.db)).toBe(2);
  });

  it('imports the good files of a folder and reports each bad one with its reason', () => {
    lib.write('a/good.txt', 'Good\n\nFine text.');
    lib.write('a/empty.txt', '');
    lib.write('a/binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const r = syncFolders(lib.db, [folderA()]);
    expect(r.added).toBe(1);
    expect(r.failed.map((f) => [f.path.split('/').pop(), f.reason])).toEqual([
      ['binary.txt', expect.stringMatching(/binary/i)],
      ['empty.txt', expect.stringMatching(/empty/i)],
    ]);
    const stored = lib.db.prepare('SELECT relpath, code FROM import_errors ORDER BY relpath').all();
    expect(stored).toEqual([
      { relpath: 'binary.txt', code: 'binary' },
      { relpath: 'empty.txt', code: 'empty' },
    ]);
  });

  it('keeps the last good version of a file that can no longer be read', () => {
    const path = lib.write('a/one.txt', 'One\n\nKeepsake text.');
    syncFolders(lib.db, [folderA()]);
    writeFileSync(path, 'One\n\nChanged.');
    const r = syncFolders(lib.db, [folderA()], {
      readFile: () => ({ ok: false, error: { code: 'unreadable', reason: 'Permission denied: the file cannot be read.' } }),
    });
    expect(r.failed).toHaveLength(1);
    expect(searchArticles(lib.db, 'keepsake').total).toBe(1);
  });
});

describe('syncFoldersParallel', () => {
  it('imports a large folder in the parser process exactly as the sequential sync does', async () => {
    for (let i = 0; i < 600; i++) lib.write(`a/${i}.md`, `# Title ${i}\n\nBody number ${i} about ${i % 2 ? 'lions' : 'tigers'}.`);
    lib.write('a/bad.txt', '');
    const other = tempLibrary();
    try {
      const sequential = syncFolders(other.db, [{ key: 'A', root: `${lib.dir}/articles/a` }]);
      const parallel = await syncFoldersParallel(lib.db, [folderA()]);
      expect(parallel).toEqual(sequential);
      expect(parallel).toMatchObject({ added: 600, failed: [{ reason: expect.stringMatching(/empty/) }] });
      const rows = (db: typeof lib.db) => db.prepare('SELECT id, title, text FROM articles ORDER BY id').all();
      expect(rows(lib.db)).toEqual(rows(other.db));
      expect(searchArticles(lib.db, 'lions').total).toBe(300);
      expect(await syncFoldersParallel(lib.db, [folderA()])).toMatchObject({ added: 0, updated: 0, unchanged: 600 });
    } finally {
      other.cleanup();
    }
  });
});
