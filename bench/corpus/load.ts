import { loadEnwiki } from './enwiki.ts';
import { loadGcide } from './gcide.ts';
import type { CorpusSpec, Doc } from './types.ts';

export function loadCorpus(spec: CorpusSpec): Doc[] {
  return spec.corpus === 'gcide' ? loadGcide(spec.gcideDir, spec.n) : loadEnwiki(spec.enwikiPath, spec.n || Infinity);
}

/** The label used for folders and logs: "gcide-20000", "enwiki" (all of it) or "enwiki-500". */
export function corpusLabel(spec: Pick<CorpusSpec, 'corpus' | 'n'>): string {
  return spec.n === 0 ? spec.corpus : `${spec.corpus}-${spec.n}`;
}
