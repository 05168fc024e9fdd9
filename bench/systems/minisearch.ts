/** MiniSearch 7: an in-memory JS index over title and body; no persistence, phrases or snippets. */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { loadCorpus } from '../corpus/load.ts';
import type { Query } from '../queries.ts';
import { stopwatch, timeQueries } from '../stats.ts';
import { childContext, emit, log, readQueries, rssMb, settledHeapMb } from './common.ts';
import { TOP_K, typoRecall } from '../typo.ts';

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
// The process's resident memory, as Offprint's is measured: what the machine gives it, index and texts.
const rssIndexed = rssMb();
log(`minisearch: ${seconds} s, heap ${heapMb.toFixed(0)} MB, RSS ${rssIndexed.toFixed(0)} MB`);

/** Its own typo tolerance, as its documentation suggests it: edit distance up to 0.2 × the word's length. */
const FUZZY: SearchOptions = { combineWith: 'AND', fuzzy: 0.2 };

/** The nearest MiniSearch query (see QUERY_MAPPING): AND everywhere, prefix for prefix and fragments, fuzzy for typos. */
function run(q: Query): number {
  const options: SearchOptions =
    q.cls === 'typo'
      ? FUZZY
      : q.cls === 'question'
        ? { combineWith: 'OR' }
        : { combineWith: 'AND', prefix: q.cls === 'prefix' || q.cls === 'substring' };
  return index.search(q.words.join(' '), options).slice(0, 20).length;
}

const queries = readQueries(ctx.work);
const query = timeQueries(queries, run);
// Untimed: the typo class's recall@3, misspelled and clean, with the same options (ids are working-set indexes).
const typo = typoRecall(
  queries,
  (q) =>
    index
      .search(q, FUZZY)
      .slice(0, TOP_K)
      .map((r) => r.id as number),
  'search(q, {fuzzy: 0.2}), misspelled and clean alike',
);
if (typo) log(`minisearch typo recall@3: ${typo.typo_recall3} misspelled, ${typo.clean_recall3} clean (${typo.n} queries)`);
emit({ seconds, cpu_seconds: cpuSeconds, heap_mb: heapMb, rss_mb: rssIndexed, search_rss_mb: rssMb(), query, docs: docs.length, typo });
