import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CorpusName, CorpusSpec } from '../corpus/types.ts';
import type { Query } from '../queries.ts';

/**
 * The contract between bench/run.ts and each system: a child process gets the corpus and its work
 * folder on the command line, logs to stderr, and prints exactly one JSON line on stdout.
 */
export interface ChildContext {
  spec: CorpusSpec;
  /** bench/tmp/<label>: files/, queries.json and the databases live here. */
  work: string;
  phase: string | undefined;
  flags: Record<string, string | boolean | undefined>;
}

export function childContext(): ChildContext {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      n: { type: 'string' },
      gcide: { type: 'string' },
      enwiki: { type: 'string' },
      work: { type: 'string' },
      phase: { type: 'string' },
      during: { type: 'boolean' },
      'per-class': { type: 'string' },
    },
    strict: true,
  });
  const need = (k: 'corpus' | 'n' | 'gcide' | 'enwiki' | 'work'): string => {
    const v = values[k];
    if (v === undefined) throw new Error(`missing --${k}`);
    return v;
  };
  const spec: CorpusSpec = {
    corpus: need('corpus') as CorpusName,
    n: Number(need('n')),
    gcideDir: need('gcide'),
    enwikiPath: need('enwiki'),
  };
  return { spec, work: need('work'), phase: values.phase, flags: values };
}

export const paths = (work: string) => ({
  files: join(work, 'files'),
  marker: join(work, 'files.json'),
  queries: join(work, 'queries.json'),
  offprintDb: join(work, 'offprint.db'),
  duringDb: join(work, 'offprint-during.db'),
  fts5Db: join(work, 'fts5.db'),
  fts5PlainDb: join(work, 'fts5_plain.db'),
});

export function readQueries(work: string): Query[] {
  return JSON.parse(readFileSync(paths(work).queries, 'utf8')) as Query[];
}

export function log(msg: string): void {
  process.stderr.write(`  ${msg}\n`);
}

/** The one line the orchestrator reads. */
export function emit(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** heapUsed after three full collections (needs node --expose-gc), in MB. */
export function settledHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1048576;
}

export const rssMb = (): number => process.memoryUsage().rss / 1048576;
/** The most this process (its threads included) has been resident at once, so far. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
