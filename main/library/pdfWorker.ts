/**
 * The PDF worker thread: pdf.js is asynchronous and import is not, so import/pdfBridge.ts posts a
 * file's bytes here and waits on a shared flag until this thread has read it (import/pdfText.ts).
 * One thread serves a process's PDFs one at a time; its CPU time and memory are the process's, so
 * the parser's budget (parser.ts) holds a PDF to the same limits as any other file.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { loadPdfReader, readPdf, type PdfRead } from './import/pdfText.ts';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

const answer = (reply: PdfRead | 'ready') => {
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};

// Null asks the thread to load pdf.js and say when it has (pdfBridge.ts warmPdfReader).
port.on('message', (bytes: Uint8Array | null) => {
  if (bytes === null) void loadPdfReader().then(() => answer('ready'));
  else void readPdf(bytes).then(answer);
});
