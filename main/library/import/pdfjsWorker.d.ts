// pdf.js ships no types for its parser's module; it is loaded only to run in the same thread (pdfText.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
