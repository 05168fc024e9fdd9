/**
 * The parser process: reads, decodes and parses files for a sync in a process of its own, so reading
 * and parsing overlap with the writer's SQLite work, and the writer can hold each file to a budget of
 * CPU time and memory and kill this process when a file goes over (parser.ts). Gets a folder's jobs in
 * slices, sends outcomes back in chunks, and notes in the status file (parseStatus.ts) which file it is on.
 * Runs under child_process.fork (Node, tsx) or as an Electron utility process.
 */
import { mkdirSync, openSync, renameSync, symlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOf } from './import/formats.ts';
import { warmPdfReader } from './import/pdfBridge.ts';
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

/**
 * Outcomes per message, at most: files, and bytes of the files they come from (an outcome holds a file's
 * text two or three times over). A message that fits the IPC socket's buffer (about 200 KB) is written
 * at once; a bigger one leaves only as fast as this process's event loop turns to flush it.
 */
const CHUNK = 200;
const CHUNK_BYTES = 64 * 1024;

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

/**
 * A slice's outcomes go out in small chunks, at least every POST_EVERY_MS, and the event loop gets a turn
 * after each and every few ms of parsing, so what is still unsent is flushed while the next files are
 * parsed. Before, a parser that went from slice to slice without a turn held every outcome back until
 * the writer's whole lead was parsed: seconds of "Indexing 0 of N" on a first import, then a burst.
 */
const POST_EVERY_MS = 100;
const YIELD_EVERY_MS = 5;
const queue: ParseRequest[] = [];
let isPumping = false;
const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseSlice(req: ParseRequest): Promise<void> {
  let chunk: Outcome[] = [];
  let chunkBytes = 0;
  let postedAt = performance.now();
  let yieldedAt = postedAt;
  // Between files: the PDF reader's start is charged to no file.
  if (req.jobs.some((j) => formatOf(j.relpath) === 'pdf')) warmPdfReader();
  for (const [i, job] of req.jobs.entries()) {
    const seq = req.first + i;
    writeStatus(seq, PARSING);
    hooks?.(job, 'start');
    chunk.push(
      prepareFile(req.folderKey, job, req.maxBytes, (j, max) =>
        readArticleFile(j.abs, max, { realRoot: req.realRoot, relpath: j.relpath, beforeOpen: () => hooks?.(j, 'open') }),
      ),
    );
    chunkBytes += job.size;
    const now = performance.now();
    const isPosting = chunk.length >= CHUNK || chunkBytes >= CHUNK_BYTES || now - postedAt >= POST_EVERY_MS;
    if (isPosting) {
      post({ type: 'outcomes', outcomes: chunk });
      chunk = [];
      chunkBytes = 0;
      postedAt = now;
    }
    if (isPosting || now - yieldedAt >= YIELD_EVERY_MS) {
      // Between two files: no file is charged for the turn.
      writeStatus(seq, DONE);
      await aTurn();
      yieldedAt = performance.now();
    }
  }
  // Idle from here until the next slice: no file is charged for the wait.
  writeStatus(req.first + req.jobs.length - 1, DONE);
  if (chunk.length > 0) post({ type: 'outcomes', outcomes: chunk });
}

/** Slices are parsed one after another, in the order they came. */
async function pump(): Promise<void> {
  if (isPumping) return;
  isPumping = true;
  while (queue.length > 0) await parseSlice(queue.shift()!);
  isPumping = false;
}

onRequest((req) => {
  queue.push(req);
  void pump();
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
