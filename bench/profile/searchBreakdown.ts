/**
 * Where a searchArticles call spends its time, per query class: parsing and compiling against the
 * vocabulary (stems, trigram fragments), counting matches, ranking, and the rest (exact-title check,
 * loading the 20 articles, matching and snippets in JS), which is the total minus the parts timed alone.
 * Runs on the database the offprint import left behind. Diagnostic only: main/ is not changed.
 */
import { openDatabase } from '../../main/library/db/open.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { countMatches, rankedMatches } from '../../main/library/db/search.ts';
import { prepareQuery, searchArticles } from '../../main/library/search.ts';
import { QUERY_CLASSES, type QueryClass } from '../queries.ts';
import { percentile, round, WARMUP } from '../stats.ts';
import { childContext, emit, log, paths, readQueries } from '../systems/common.ts';

const ctx = childContext();
const p = paths(ctx.work);
const queries = readQueries(ctx.work);
const db = openDatabase(p.offprintDb, indexMigrations);

const PARTS = ['compile', 'count', 'rank', 'rest', 'total'] as const;
type Part = (typeof PARTS)[number];
const samples = new Map<QueryClass, Record<Part, number[]>>();

for (const q of queries.slice(0, WARMUP)) searchArticles(db, q.q, { limit: 20 });
for (const q of queries) {
  let t = performance.now();
  const { compiled } = prepareQuery(db, q.q);
  const compile = performance.now() - t;
  t = performance.now();
  const total1 = compiled.tier1 ? countMatches(db, compiled.tier1) : 0;
  if (compiled.tier2) countMatches(db, compiled.tier2);
  const count = performance.now() - t;
  t = performance.now();
  const top = compiled.tier1 ? rankedMatches(db, compiled.tier1, 20, 0) : [];
  if (compiled.tier2 && top.length < 20 && total1 < 20) rankedMatches(db, compiled.tier2, 20 - top.length, 0);
  const rank = performance.now() - t;
  t = performance.now();
  searchArticles(db, q.q, { limit: 20 });
  const total = performance.now() - t;
  const s = samples.get(q.cls) ?? samples.set(q.cls, { compile: [], count: [], rank: [], rest: [], total: [] }).get(q.cls)!;
  s.compile.push(compile);
  s.count.push(count);
  s.rank.push(rank);
  s.rest.push(Math.max(0, total - compile - count - rank));
  s.total.push(total);
}
db.close();

// Mean shows where the time goes in sum; p95 where the tail comes from.
const byClass: Record<string, Record<Part, { mean: number; p95: number }>> = {};
for (const cls of QUERY_CLASSES) {
  const s = samples.get(cls);
  if (!s) continue;
  const row = {} as Record<Part, { mean: number; p95: number }>;
  for (const part of PARTS) {
    const xs = [...s[part]].sort((a, b) => a - b);
    row[part] = { mean: round(xs.reduce((a, b) => a + b, 0) / xs.length), p95: round(percentile(xs, 95)) };
  }
  byClass[cls] = row;
}
log(
  `search breakdown (mean ms): ${Object.entries(byClass)
    .map(([c, r]) => `${c} ${PARTS.map((k) => `${k}=${r[k].mean}`).join(' ')}`)
    .join('; ')}`,
);
emit({ by_class_ms: byClass });
