/**
 * Parses files for a sync on a thread of its own, so reading, decoding and parsing overlap with the
 * writer's SQLite work. Gets a folder's jobs, sends outcomes back in chunks.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleFile } from './import/readFile.ts';
import { prepareFile, type FileJob, type Outcome } from './prepareFile.ts';

export interface ParseRequest {
  folderKey: string;
  jobs: FileJob[];
  maxBytes: number;
}

export type ParseReply = { outcomes: Outcome[]; isLast: boolean };

const CHUNK = 200;

parentPort!.on('message', (req: ParseRequest) => {
  let chunk: Outcome[] = [];
  for (const job of req.jobs) {
    chunk.push(prepareFile(req.folderKey, job, req.maxBytes, (j, max) => readArticleFile(j.abs, max)));
    if (chunk.length >= CHUNK) {
      parentPort!.postMessage({ outcomes: chunk, isLast: false } satisfies ParseReply);
      chunk = [];
    }
  }
  parentPort!.postMessage({ outcomes: chunk, isLast: true } satisfies ParseReply);
});
