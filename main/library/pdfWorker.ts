/**
 * The PDF worker thread: pdf.js is asynchronous and import is not, so import/pdfBridge.ts posts a
 * file's bytes here and waits on a shared flag until this thread has read it (import/pdfText.ts).
 * One thread serves a process's PDFs one at a time; its CPU time and memory are the process's, so
 * the parser's budget (parser.ts) holds a PDF to the same limits as any other file.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import type { PdfAnswer } from './import/pdfBridge.ts';
import { loadPdfReader, readPdf } from './import/pdfText.ts';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
let current = 0;

const answer = (id: number, reply: PdfAnswer['reply']) => {
  port.postMessage({ id, reply } satisfies PdfAnswer);
  Atomics.store(flag, 0, id);
  Atomics.notify(flag, 0);
};

// Null asks the thread to load pdf.js and say when it has (pdfBridge.ts warmPdfReader).
port.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array | null }) => {
  current = id;
  if (bytes === null) void loadPdfReader().then(() => answer(id, 'ready'));
  else void readPdf(bytes).then((read) => answer(id, read));
});

// A throw pdf.js did not catch ends the read it came from, not the wait for its answer.
process.on('uncaughtException', (err) => {
  answer(current, { ok: false, code: 'parse', reason: `The PDF could not be read: ${String(err.message).slice(0, 200)}` });
});
