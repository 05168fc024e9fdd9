/** One article as every system sees it: Offprint reads it from a file, the peers get the same strings. */
export interface Doc {
  title: string;
  body: string;
}

export type CorpusName = 'gcide' | 'enwiki';

/** What a child process needs to load the same working set as every other child. */
export interface CorpusSpec {
  corpus: CorpusName;
  /** Docs in the working set; 0 = all of them (how enwiki runs). */
  n: number;
  gcideDir: string;
  enwikiPath: string;
}

export const SHUFFLE_SEED = 42;
