/**
 * The parser process: reads, decodes and parses files for a sync in a process of its own, so reading
 * and parsing overlap with the writer's SQLite work, and the writer can hold each file to a budget of
 * CPU time and memory and kill this process when a file goes over (parser.ts). Gets a folder's jobs in
 * slices, sends outcomes back in chunks, and notes in the status file (parseStatus.ts) which file it is on.
 * Runs under child_process.fork (Node, tsx) or as an Electron utility process.
 */
import { mkdirSync, openSync, renameSync, symlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { readArticleFile } from './import/readFile.ts';
import { DONE, PARSING, statusWriter } from './parseStatus.ts';
import { prepareFile, type FileJob, type Outcome } from './prepareFile.ts';

export interface ParseRequest {
  folderKey: string;
  /** The folder's real root: every file is opened below it and proved to lie inside it. */
  realRoot: string;
  jobs: FileJob[];
  /** The sequence number of jobs[0]; the others follow on. */
  first: number;
  maxBytes: number;
}

export type ParseReply = { type: 'ready' } | { type: 'outcomes'; outcomes: Outcome[] };

/** Outcomes per message, at most. */
const CHUNK = 200;

interface UtilityPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

// An Electron utility process talks through process.parentPort, a forked Node process through process.send.
const utility = (process as { parentPort?: UtilityPort }).parentPort;
const post = (m: ParseReply) => (utility ? utility.postMessage(m) : process.send!(m));
const onRequest = (handle: (r: ParseRequest) => void) =>
  utility ? utility.on('message', (e) => handle(e.data as ParseRequest)) : process.on('message', (r) => handle(r as ParseRequest));

const writeStatus = statusWriter(openSync(process.env.OFFPRINT_PARSER_STATUS!, 'r+'));
const hooks = process.env.OFFPRINT_PARSER_TEST_HOOKS === '1' ? testHooks() : null;

onRequest((req) => {
  let chunk: Outcome[] = [];
  for (const [i, job] of req.jobs.entries()) {
    const seq = req.first + i;
    writeStatus(seq, PARSING);
    hooks?.(job, 'start');
    chunk.push(
      prepareFile(req.folderKey, job, req.maxBytes, (j, max) =>
        readArticleFile(j.abs, max, { realRoot: req.realRoot, relpath: j.relpath, beforeOpen: () => hooks?.(j, 'open') }),
      ),
    );
    if (chunk.length >= CHUNK) {
      post({ type: 'outcomes', outcomes: chunk });
      chunk = [];
    }
  }
  // Idle from here until the next slice: no file is charged for the wait.
  writeStatus(req.first + req.jobs.length - 1, DONE);
  post({ type: 'outcomes', outcomes: chunk });
});

// The writer went (closed us, or died): nothing is left to parse for.
process.on('disconnect', () => process.exit(0));
post({ type: 'ready' });

/**
 * Hostile behaviour on demand, for the budget tests only (parser.test.ts sets OFFPRINT_PARSER_TEST_HOOKS):
 * a file whose name contains `loop-forever` spins, `allocate-forever` allocates without end,
 * `sigkill-self` is killed by SIGKILL mid-file, and `swap-before-open` has the folder named in
 * OFFPRINT_PARSER_TEST_SWAP (`dir` and `to`) replaced by a link just before the file is opened.
 */
function testHooks(): (job: FileJob, at: 'start' | 'open') => void {
  return (job, at) => {
    const name = basename(job.relpath);
    if (at === 'start' && name.includes('loop-forever')) for (;;) Math.random();
    if (at === 'start' && name.includes('allocate-forever')) {
      const kept: Buffer[] = [];
      for (;;) kept.push(Buffer.alloc(8 << 20, 1));
    }
    if (at === 'start' && name.includes('sigkill-self')) {
      process.kill(process.pid, 'SIGKILL');
      for (;;) Math.random();
    }
    if (at === 'open' && name.includes('swap-before-open')) {
      const { dir, to } = JSON.parse(process.env.OFFPRINT_PARSER_TEST_SWAP ?? '{}') as { dir: string; to: string };
      renameSync(dir, `${dir}.away`);
      mkdirSync(to, { recursive: true });
      symlinkSync(to, dir);
    }
  };
}
