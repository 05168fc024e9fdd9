/**
 * The budget per file, with real processes: the parser process spins, allocates or is killed on a
 * file (test hooks of parseWorker.ts, enabled only through the Parser's testEnv); the file is refused
 * with its reason, a new parser takes over and the rest of the folder imports.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchArticles } from './search.ts';
import { Parser, type ParserOptions } from './parser.ts';
import { syncFoldersParallel } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

let lib: TempLibrary;
let root: string;
beforeEach(() => {
  lib = tempLibrary();
  root = join(lib.dir, 'articles');
});
afterEach(() => lib.cleanup());

const HOOKS = { OFFPRINT_PARSER_TEST_HOOKS: '1' };

function writeArticles(n: number): void {
  for (let i = 0; i < n; i++) lib.write(`${String(i).padStart(4, '0')}.md`, `# Article ${i}\n\nBody ${i} about walruses.`);
}

async function syncWith(options: ParserOptions) {
  const parser = new Parser(options);
  try {
    const started = performance.now();
    const report = await syncFoldersParallel(lib.db, [{ key: 'f', root }], { parser });
    return { report, seconds: (performance.now() - started) / 1000 };
  } finally {
    await parser.close();
  }
}

const problems = () => lib.db.prepare('SELECT relpath, code, reason FROM import_errors ORDER BY relpath').all();

/** The peak resident memory of this (the importing) process, from /proc; null where there is none. */
function peakRssBytes(): number | null {
  try {
    return Number(/VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
  } catch {
    return null;
  }
}

describe('the budget per file', () => {
  it('refuses a file whose parse never ends as taking too long, within its budget, and imports the rest', async () => {
    writeArticles(30);
    lib.write('0015-loop-forever.md', '# Never done\n\nSpins.');
    const { report, seconds } = await syncWith({ limits: { cpuMs: 500, cpuMsPerMb: 0 }, testEnv: HOOKS });
    expect(report.added).toBe(30);
    expect(problems()).toEqual([
      { relpath: '0015-loop-forever.md', code: 'too-slow', reason: 'The file took too long to import (over 0.5 s); it was skipped.' },
    ]);
    expect(searchArticles(lib.db, 'walruses').total).toBe(30);
    // Half a second of CPU, then the kill; the margin covers a loaded machine and the two parser start-ups.
    expect(seconds).toBeLessThan(60);
    expect(peakRssBytes() ?? 0).toBeLessThan(1024 ** 3);
  });

  it('refuses a file whose parse allocates past the memory cap, and imports the rest', async () => {
    writeArticles(10);
    lib.write('0005-allocate-forever.md', '# Greedy\n\nAllocates.');
    const { report } = await syncWith({ limits: { memoryBytes: 400 * 1024 * 1024 }, testEnv: HOOKS });
    expect(report.added).toBe(10);
    expect(problems()).toEqual([
      {
        relpath: '0005-allocate-forever.md',
        code: 'too-much-memory',
        reason: 'The file needs too much memory to import (over 400 MB); it was skipped.',
      },
    ]);
    expect(peakRssBytes() ?? 0).toBeLessThan(1024 ** 3);
  });

  it('replaces a parser killed by SIGKILL mid-file, reports the file, and imports every other file once', async () => {
    // Over two slices of 500 files, so files already sent to the dead parser have to be sent again.
    writeArticles(1200);
    lib.write('0700-sigkill-self.md', '# Killed\n\nThe parser dies here.');
    const { report } = await syncWith({ testEnv: HOOKS });
    expect(report).toMatchObject({ added: 1200, updated: 0 });
    expect(problems()).toEqual([
      {
        relpath: '0700-sigkill-self.md',
        code: 'crashed',
        reason: 'The importer crashed on this file (killed by SIGKILL); it was skipped.',
      },
    ]);
    expect(searchArticles(lib.db, 'walruses').total).toBe(1200);
    expect(peakRssBytes() ?? 0).toBeLessThan(1024 ** 3);
  });

  it('ignores the test hooks unless the test hands them to the parser', async () => {
    writeArticles(2);
    lib.write('loop-forever.md', '# Only a name\n\nAn ordinary file.');
    const { report } = await syncWith({});
    expect(report).toMatchObject({ added: 3, failed: [] });
  });

  it('refuses a file whose folder is swapped for a link to an outside folder just before the open', async () => {
    writeArticles(3);
    lib.write('sub/swap-before-open.md', '# Inside\n\nThe inside version.');
    const outside = join(lib.dir, 'private');
    mkdirSync(outside);
    writeFileSync(join(outside, 'swap-before-open.md'), '# Private\n\nThe word xylophone is private.');
    const swap = JSON.stringify({ dir: join(root, 'sub'), to: outside });
    const { report } = await syncWith({ testEnv: { ...HOOKS, OFFPRINT_PARSER_TEST_SWAP: swap } });
    expect(report.added).toBe(3);
    expect(problems()).toEqual([
      { relpath: 'sub/swap-before-open.md', code: 'symlink', reason: expect.stringMatching(/outside the folder/u) },
    ]);
    expect(searchArticles(lib.db, 'xylophone').total).toBe(0);
  });
});

describe('the outcomes', () => {
  it('come back a few files at a time, never a whole slice at once, so the writer hears of every file as it is parsed', async () => {
    // 40 files of 20 KB: one slice (under 500 files and 4 MB), ten messages of at most 64 KB of files.
    const body = 'Moraine and glacier notes. '.repeat(760);
    for (let i = 0; i < 40; i++) lib.write(`${String(i).padStart(2, '0')}.txt`, `Note ${i}\n\n${body}`);
    const jobs = readdirSync(root)
      .sort()
      .map((relpath) => ({ relpath, abs: join(root, relpath), size: statSync(join(root, relpath)).size, prevHash: null, prevRowid: null }));
    expect(jobs.every((j) => j.size >= 20_000 && j.size < 21_000)).toBe(true);
    const messages: number[] = [];
    const parser = new Parser();
    try {
      await parser.parse({
        folderKey: 'f',
        realRoot: root,
        maxBytes: 1024 * 1024,
        jobs,
        aheadBytes: 64 * 1024 * 1024,
        onOutcomes: (outcomes) => messages.push(outcomes.length),
      });
    } finally {
      await parser.close();
    }
    expect(messages.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...messages)).toBeLessThanOrEqual(4);
  });
});
