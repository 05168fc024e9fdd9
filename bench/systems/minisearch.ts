/** MiniSearch 7: an in-memory JS index over title and body; no persistence, phrases or snippets. */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { loadCorpus } from '../corpus/load.ts';
import type { Query } from '../queries.ts';
import { stopwatch, timeQueries } from '../stats.ts';
import { childContext, emit, log, readQueries, settledHeapMb } from './common.ts';

const ctx = childContext();
const docs = loadCorpus(ctx.spec).map((d, i) => ({ id: i, title: d.title, body: d.body }));
// The docs array stays alive throughout, so the heap delta is the index alone (as in perf.md).
const heap0 = settledHeapMb();
const clock = stopwatch();
const index = new MiniSearch<{ id: number; title: string; body: string }>({ fields: ['title', 'body'] });
index.addAll(docs);
const seconds = clock.seconds();
const cpuSeconds = clock.cpuSeconds();
const heapMb = settledHeapMb() - heap0;
log(`minisearch: ${seconds} s, heap ${heapMb.toFixed(0)} MB`);

/** The nearest MiniSearch query (see QUERY_MAPPING): AND everywhere, prefix for prefix and fragments. */
function run(q: Query): number {
  const options: SearchOptions = { combineWith: 'AND', prefix: q.cls === 'prefix' || q.cls === 'substring' };
  return index.search(q.words.join(' '), options).slice(0, 20).length;
}

const query = timeQueries(readQueries(ctx.work), run);
emit({ seconds, cpu_seconds: cpuSeconds, heap_mb: heapMb, query, docs: docs.length });
