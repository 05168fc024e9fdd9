/**
 * The relevance part of the bench (issue 12 §4): ranking quality on the CISI test collection, Offprint
 * against plain FTS5 BM25 and MiniSearch in the same run. The orchestrator side: spawns the child,
 * checks the targets, renders the table.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cisiMissing } from '../corpus/cisi.ts';
import type { Quality } from './metrics.ts';

export type RelevanceSystem = 'offprint' | 'fts5_bm25' | 'minisearch';

/** What the child prints. */
export interface RelevanceOut {
  collection: 'cisi';
  docs: number;
  queries: number;
  systems: Record<RelevanceSystem, Quality>;
  per_query: { id: number; ndcg10: Record<RelevanceSystem, number> }[];
}

export interface RelevanceTarget {
  value: number;
  limit: number;
  pass: boolean;
}

export interface Relevance extends RelevanceOut {
  note: string;
  targets: { ndcg10_vs_fts5_bm25: RelevanceTarget; offprint_zero_results: RelevanceTarget };
}

/** In the JSON when the collection is absent, so a reader sees why there are no numbers. */
export interface RelevanceSkipped {
  skipped: string;
}

/** Offprint's nDCG@10 at least this many times the baseline's; no judged query without a result. */
export const RELEVANCE_TARGETS = { ndcg10_vs_fts5_bm25: 1.05, offprint_zero_results: 0 } as const;

export const RELEVANCE_NOTE =
  "CISI (1,460 abstracts, the 76 judged queries, binary judgments). Each query's text (.W), whitespace collapsed, goes in as typed: Offprint through syncFoldersParallel + searchArticles (limit 10); fts5_bm25 is fts5(title, body, tokenize='porter unicode61 remove_diacritics 2'), the OR of the query's words each quoted, ORDER BY bm25; minisearch is MiniSearch 7 defaults over title and body. nDCG@10 (binary gains), P@10 and MRR over the first 10 results, averaged over the queries; zero_results counts queries with no result at all.";

function runRelevanceChild(cisiDir: string, work: string): Promise<RelevanceOut> {
  const file = fileURLToPath(new URL('./child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, '--cisi', cisiDir, '--work', work], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench/relevance/child.ts exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as RelevanceOut);
      } catch {
        reject(new Error(`bench/relevance/child.ts printed no JSON line: ${out.slice(0, 200)}`));
      }
    });
  });
}

export async function measureRelevance(cisiDir: string, work: string): Promise<Relevance | RelevanceSkipped> {
  const missing = cisiMissing(cisiDir);
  if (missing) return { skipped: `CISI is not there (${missing}); get ../shared/corpus/cisi or pass --cisi DIR` };
  const out = await runRelevanceChild(cisiDir, work);
  const ratio = Number((out.systems.offprint.ndcg10 / out.systems.fts5_bm25.ndcg10).toFixed(3));
  const zero = out.systems.offprint.zero_results;
  return {
    ...out,
    note: RELEVANCE_NOTE,
    targets: {
      ndcg10_vs_fts5_bm25: {
        value: ratio,
        limit: RELEVANCE_TARGETS.ndcg10_vs_fts5_bm25,
        pass: ratio >= RELEVANCE_TARGETS.ndcg10_vs_fts5_bm25,
      },
      offprint_zero_results: {
        value: zero,
        limit: RELEVANCE_TARGETS.offprint_zero_results,
        pass: zero <= RELEVANCE_TARGETS.offprint_zero_results,
      },
    },
  };
}

const LABELS: Record<RelevanceSystem, string> = {
  offprint: 'offprint (searchArticles)',
  fts5_bm25: 'fts5 bm25 (OR of the words)',
  minisearch: 'minisearch 7 defaults',
};

export function renderRelevance(r: Relevance | RelevanceSkipped): string {
  if ('skipped' in r) return `Relevance: skipped: ${r.skipped}`;
  const rows = (Object.keys(LABELS) as RelevanceSystem[]).map((s) => {
    const q = r.systems[s];
    return [LABELS[s], q.ndcg10.toFixed(3), q.p10.toFixed(3), q.mrr.toFixed(3), `${q.zero_results} of ${q.queries}`];
  });
  const header = ['system', 'nDCG@10', 'P@10', 'MRR', 'no result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const t = r.targets;
  const mark = (x: RelevanceTarget) => (x.pass ? 'pass' : 'FAIL');
  return [
    `Relevance on CISI: ${r.docs.toLocaleString('en-US')} abstracts, ${r.queries} judged queries, as typed`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `targets: nDCG@10 ÷ fts5 bm25 ${t.ndcg10_vs_fts5_bm25.value} (≥ ${t.ndcg10_vs_fts5_bm25.limit}) ${mark(t.ndcg10_vs_fts5_bm25)}; ` +
      `queries without a result ${t.offprint_zero_results.value} (≤ ${t.offprint_zero_results.limit}) ${mark(t.offprint_zero_results)}`,
  ].join('\n');
}
