/**
 * Child process of `npm run bench -- --relevance`: ranks CISI's judged queries with Offprint, the plain
 * FTS5 BM25 baseline and MiniSearch, and prints one JSON line (see RelevanceOut).
 */
import { parseArgs } from 'node:util';
import { loadCisi } from '../corpus/cisi.ts';
import { emit, log } from '../systems/common.ts';
import { ndcgAt, quality, type QueryOutcome } from './metrics.ts';
import type { RelevanceOut, RelevanceSystem } from './relevance.ts';
import { rankBm25, rankMiniSearch, rankOffprint } from './systems.ts';

const { values } = parseArgs({ options: { cisi: { type: 'string' }, work: { type: 'string' } }, strict: true });
if (!values.cisi || !values.work) throw new Error('usage: child.ts --cisi DIR --work DIR');
const cisi = loadCisi(values.cisi);
log(`cisi: ${cisi.docs.length} abstracts, ${cisi.queries.length} judged queries`);

const outcomes: Record<RelevanceSystem, QueryOutcome[]> = {
  offprint: await rankOffprint(cisi, values.work),
  fts5_bm25: rankBm25(cisi),
  minisearch: rankMiniSearch(cisi),
};
const systems = Object.fromEntries(
  Object.entries(outcomes).map(([name, o]) => [name, quality(o, cisi.relevant)]),
) as RelevanceOut['systems'];
// nDCG@10 of every query per system, so a change can be traced to the queries it moved.
const perQuery = cisi.queries.map((q, i) => ({
  id: q.id,
  ndcg10: Object.fromEntries(
    Object.entries(outcomes).map(([name, o]) => [name, Number(ndcgAt(o[i]!.ranked, cisi.relevant.get(q.id)!).toFixed(3))]),
  ) as Record<RelevanceSystem, number>,
}));
const out: RelevanceOut = { collection: 'cisi', docs: cisi.docs.length, queries: cisi.queries.length, systems, per_query: perQuery };
emit(out);
