import { QUERY_CLASSES, type Query, type QueryClass } from './queries.ts';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Average number of results returned (a zero here means the engine could not answer that class). */
  rows: number;
}

export interface Latencies extends Summary {
  byClass: Partial<Record<QueryClass, Summary>>;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (x: number, digits = 3): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export function summarize(ms: readonly number[], rows: readonly number[] = []): Summary {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  const avgRows = rows.reduce((s, x) => s + x, 0) / Math.max(1, rows.length);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(mean),
    rows: round(avgRows, 1),
  };
}

export const WARMUP = 50;

/**
 * Times `run` once per query (after `warmup` untimed calls that fill statement and page caches) and
 * summarises pooled and per class. `run` returns how many results came back.
 */
export function timeQueries(queries: readonly Query[], run: (q: Query) => number, warmup = WARMUP): Latencies {
  for (let i = 0; i < Math.min(warmup, queries.length); i++) run(queries[i]!);
  const ms: number[] = [];
  const rows: number[] = [];
  const byClassMs = new Map<QueryClass, number[]>();
  const byClassRows = new Map<QueryClass, number[]>();
  for (const q of queries) {
    const t0 = performance.now();
    const n = run(q);
    const dt = performance.now() - t0;
    ms.push(dt);
    rows.push(n);
    (byClassMs.get(q.cls) ?? byClassMs.set(q.cls, []).get(q.cls)!).push(dt);
    (byClassRows.get(q.cls) ?? byClassRows.set(q.cls, []).get(q.cls)!).push(n);
  }
  const byClass: Partial<Record<QueryClass, Summary>> = {};
  for (const cls of QUERY_CLASSES) {
    const m = byClassMs.get(cls);
    if (m) byClass[cls] = summarize(m, byClassRows.get(cls));
  }
  return { ...summarize(ms, rows), byClass };
}

/** Seconds since `t0` (a performance.now() reading), to the millisecond. */
export const secondsSince = (t0: number): number => round((performance.now() - t0) / 1000);
export const msSince = (t0: number): number => round(performance.now() - t0, 2);

/**
 * Wall time plus this thread's CPU time (user + system). On a shared machine, wall time swings with
 * other people's load; CPU time mostly does not, so ratios of CPU seconds are the steadier signal.
 */
export function stopwatch(): { seconds: () => number; cpuSeconds: () => number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return {
    seconds: () => secondsSince(t0),
    cpuSeconds: () => {
      const c = process.cpuUsage(c0);
      return round((c.user + c.system) / 1e6);
    },
  };
}
