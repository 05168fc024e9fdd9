/**
 * The parser lent by the Indexer's thread (as Electron lends a utility process): here the lender
 * forks the real parser, and the index worker's sync holds each file to its budget through the relay.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Indexer } from './indexer.ts';
import { forkParser, type ParserLauncher } from './parser.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

let lib: TempLibrary;
let indexer: Indexer | null = null;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(async () => {
  await indexer?.close();
  lib.cleanup();
});

describe('a parser lent through the Indexer', () => {
  it('imports a folder, refusing the file that runs over its budget, and forks from the lending thread', async () => {
    for (let i = 0; i < 5; i++) lib.write(`${i}.md`, `# Article ${i}\n\nBody about narwhals.`);
    lib.write('2-loop-forever.md', '# Never done\n\nSpins.');
    const pids: number[] = [];
    const launch: ParserLauncher = (options) => {
      const child = forkParser({ ...options, env: { ...options.env, OFFPRINT_PARSER_TEST_HOOKS: '1' } });
      // Forked by this thread: the pid is a child of this process.
      setImmediate(() => child.pid !== undefined && pids.push(child.pid));
      return child;
    };
    indexer = new Indexer({ dbPath: lib.dbPath, workerUrl: new URL('./indexWorker.ts', import.meta.url), launchParser: launch });
    const report = await indexer.sync([{ key: 'f', root: join(lib.dir, 'articles') }]);
    expect(report.added).toBe(5);
    expect(report.failed).toEqual([
      { path: join(lib.dir, 'articles', '2-loop-forever.md'), reason: expect.stringMatching(/took too long to import/u) },
    ]);
    // One parser killed for the file, one that finished the folder.
    expect(pids).toHaveLength(2);
  });
});
