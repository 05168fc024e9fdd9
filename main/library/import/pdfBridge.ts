/**
 * Reads a PDF synchronously: the bytes go to the PDF worker thread (main/library/pdfWorker.ts), and
 * this thread blocks on a shared flag until the answer is there or the deadline passes; a worker past
 * its deadline is terminated and the next PDF starts a new one.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PdfRead } from './pdfText.ts';

/** What the PDF worker thread posts back (main/library/pdfWorker.ts). */
export interface PdfAnswer {
  id: number;
  reply: PdfRead | 'ready';
}

interface Live {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let live: Live | null = null;

/**
 * The worker's entry beside the code that runs, as main/library/workers.ts finds it (this layer may not
 * import that module): the .ts source through the tsx bootstrap, or the bundled .js in out/.
 */
function start(): Live {
  const base = import.meta.url;
  const isSource = base.endsWith('.ts');
  const entry = new URL(isSource ? '../pdfWorker.ts' : './pdfWorker.js', base);
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data = { port: port2, flag, ...(isSource ? { __entry: entry.href } : {}) };
  const worker = new Worker(isSource ? new URL('../tsWorker.mjs', base) : entry, { workerData: data, transferList: [port2] });
  // An idle reader thread never keeps the process alive.
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag };
}

type TooSlow = { ok: false; code: 'too-slow'; reason: string };

export function readPdfSync(bytes: Uint8Array, deadlineMs: number): PdfRead | TooSlow {
  const reply = ask(bytes, deadlineMs);
  return reply === 'ready' ? { ok: false, code: 'parse', reason: 'The PDF reader answered out of turn.' } : reply;
}

/**
 * Starts the reader and loads pdf.js before the first PDF, so a file's budget pays for reading it, not
 * for starting the reader (seconds from TypeScript sources, a tenth of one built). True once ready.
 */
export function warmPdfReader(deadlineMs = 60_000): boolean {
  return ask(null, deadlineMs) === 'ready';
}

let asked = 0;

/**
 * Each question has a number; the thread posts its answer, then writes that number into the flag. An
 * answer to an earlier question (one that came after all) is passed over.
 */
function ask(bytes: Uint8Array | null, deadlineMs: number): PdfRead | 'ready' | TooSlow {
  live ??= start();
  const { port, flag, worker } = live;
  const id = ++asked;
  port.postMessage({ id, bytes });
  const until = performance.now() + deadlineMs;
  for (;;) {
    const seen = Atomics.load(flag, 0);
    if (seen === id)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const answer = m.message as PdfAnswer;
        if (answer.id === id) return answer.reply;
      }
    const left = until - performance.now();
    if (left <= 0) break;
    Atomics.wait(flag, 0, seen, left);
  }
  live = null;
  void worker.terminate();
  port.close();
  return {
    ok: false,
    code: 'too-slow',
    reason: `The PDF took too long to import (over ${Math.round(deadlineMs / 1000)} s); it was skipped.`,
  };
}
