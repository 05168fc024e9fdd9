/**
 * FlexSearch 0.8 Document index over title and body, default tokenizer ("strict": whole words only).
 * It returns ids (top 20), with no BM25, phrases, snippets or persistence of its own.
 */
import { Document } from 'flexsearch';
import { loadCorpus } from '../corpus/load.ts';
import type { Query } from '../queries.ts';
import { stopwatch, timeQueries } from '../stats.ts';
import { childContext, emit, log, readQueries, rssMb, settledHeapMb } from './common.ts';

const ctx = childContext();
const docs = loadCorpus(ctx.spec).map((d, i) => ({ id: i, title: d.title, body: d.body }));
const heap0 = settledHeapMb();
const clock = stopwatch();
const index = new Document({ document: { id: 'id', index: ['title', 'body'] }, tokenize: 'strict' });
for (const d of docs) index.add(d);
const seconds = clock.seconds();
const cpuSeconds = clock.cpuSeconds();
const heapMb = settledHeapMb() - heap0;
// The process's resident memory, as Offprint's is measured: what the machine gives it, index and texts.
const rssIndexed = rssMb();
log(`flexsearch: ${seconds} s, heap ${heapMb.toFixed(0)} MB, RSS ${rssIndexed.toFixed(0)} MB`);

/** Multi-word queries AND within a field; merge folds the per-field lists into one list of ids. */
function run(q: Query): number {
  // merge can return up to 20 per field; count the first 20 like every other engine.
  return index.search(q.words.join(' '), { limit: 20, merge: true }).slice(0, 20).length;
}

const query = timeQueries(readQueries(ctx.work), run);
emit({ seconds, cpu_seconds: cpuSeconds, heap_mb: heapMb, rss_mb: rssIndexed, search_rss_mb: rssMb(), query, docs: docs.length });
