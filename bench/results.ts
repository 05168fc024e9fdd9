/**
 * The shape of bench/results/*.json: one RunResult per corpus and size, and the file's top level is
 * the largest GCIDE run (so a dashboard can read `ratios.index_vs_fts5` directly) plus every run.
 */
import type { CliOut } from './cli.ts';
import type { CorpusName } from './corpus/types.ts';
import type { Query } from './queries.ts';
import type { Relevance, RelevanceSkipped } from './relevance/relevance.ts';
import type { Latencies, Summary } from './stats.ts';
import type { TypoRecall } from './typo.ts';
import type { UiDetail, UiTimings } from './ui.ts';

// What each child prints (see bench/systems/*.ts).
export interface PrepareOut {
  docs: number;
  text_mb: number;
  files_mb: number;
  files_reused: boolean;
  queries: number;
  seconds: number;
}
export interface FloorOut {
  seconds: number;
  cpu_seconds: number;
}
export interface SqlOut {
  seconds: number;
  cpu_seconds: number;
  db_mb: number;
  query: Latencies;
}
export interface ImportOut {
  seconds: number;
  cpu_seconds: number;
  db_mb: number;
  rss_mb: number;
  /** The importing process's peak RSS (its parsing thread included). */
  peak_rss_mb: number;
  report: Record<string, number>;
  terms: number;
}
export interface ReopenOut {
  seconds: number;
  cpu_seconds: number;
  first_query_ms: number;
  first_query: string;
  query: Latencies;
  /** The typo class's recall@3 (null when the query list has no typo queries). */
  typo: TypoRecall | null;
  /** The searching process's RSS after every query ran. */
  search_rss_mb: number;
}
export interface DuringOut {
  seconds: number;
  query: Summary;
  /** The peak RSS of the process that imports and searches at once. */
  peak_rss_mb: number;
}
export interface PeerOut {
  seconds: number;
  cpu_seconds: number;
  heap_mb: number;
  /** Process RSS once the index is built (texts included, as they are in Offprint's), and after the queries. */
  rss_mb: number;
  search_rss_mb: number;
  query: Latencies;
  /** MiniSearch only: the typo class's recall@3 with fuzzy 0.2. */
  typo?: TypoRecall | null;
}

export type Seconds = Record<'floor' | 'fts5' | 'fts5_plain' | 'offprint' | 'minisearch' | 'flexsearch' | 'reopen', number> & {
  offprint_during_index?: number;
};

export interface Target {
  value: number | null;
  limit: number;
  pass: boolean | null;
}

/** Issue 13 §3: recall@3 of the typo class, misspelled and clean, for Offprint and MiniSearch (fuzzy 0.2). */
export interface TypoResult {
  offprint: TypoRecall | null;
  minisearch: TypoRecall | null;
  target: { rule: string; pass: boolean | null };
}

export interface RunResult {
  label: string;
  corpus: CorpusName;
  docs: number;
  text_mb: number;
  seconds: Seconds;
  /** The same steps in CPU seconds of the child process: steadier than wall time on a busy machine. */
  cpu_seconds: Omit<Seconds, 'offprint_during_index'>;
  query_ms: {
    offprint: Latencies;
    /** Bare FTS5: plain fts5(title, body), bm25 + snippet, top 20. */
    fts5: Latencies;
    /** Offprint's contentless schema via raw SQL: bm25 only (contentless has no snippet()). */
    fts5_contentless: Latencies;
    minisearch: Latencies;
    flexsearch: Latencies;
    offprint_common_p99: number | null;
    offprint_typo_p99: number | null;
    offprint_question_p99: number | null;
    offprint_during_index_p99: number | null;
    offprint_during_index?: Summary;
  };
  first_query_ms: number;
  ui_ms: UiTimings;
  ui_note: string;
  /** Full runs only: every keystroke and opening, the queries used, and where the time went (bench/ui.ts). */
  ui_detail?: UiDetail;
  git_commit: string;
  git_dirty: boolean;
  db_mb: number;
  db_mb_fts5: number;
  db_mb_fts5_plain: number;
  /**
   * Resident memory of each process, measured alike (RSS): after importing or indexing, and after the
   * queries; the peers' heap growth too, as earlier runs reported it.
   */
  memory_mb: {
    offprint_rss: number;
    offprint_search_rss: number;
    offprint_import_peak_rss: number;
    offprint_during_import_peak_rss: number | null;
    minisearch_rss: number;
    minisearch_search_rss: number;
    flexsearch_rss: number;
    flexsearch_search_rss: number;
    minisearch_heap: number;
    flexsearch_heap: number;
  };
  ratios: Record<RatioName, number>;
  /** index_vs_* again, from CPU seconds (not targets; a check on wall-time noise). */
  cpu_ratios: Record<'index_vs_fts5' | 'index_vs_fts5_plain' | 'index_vs_floor', number>;
  typo: TypoResult;
  targets: Partial<
    Record<
      | RatioName
      | 'offprint_common_p99'
      | 'offprint_typo_p99'
      | 'offprint_question_p99'
      | 'first_query_ms'
      | 'ui_keystroke_p95'
      | 'ui_open_1mb',
      Target
    >
  >;
  offprint_import: { report: Record<string, number>; terms: number };
  breakdown?: Record<string, unknown>;
  /** Every query as typed; a typo query also has the word it misspells. */
  queries: Pick<Query, 'cls' | 'q' | 'clean'>[];
}

export type RatioName =
  | 'index_vs_fts5'
  | 'index_vs_fts5_plain'
  | 'index_vs_floor'
  | 'db_vs_fts5_plain'
  | 'p99_vs_fts5'
  | 'p99_vs_minisearch'
  | 'p99_vs_flexsearch'
  | 'reopen_vs_index'
  | 'memory_vs_minisearch'
  | 'memory_vs_flexsearch';

/** Issue 6's targets, checked at the largest GCIDE size. Ratios are Offprint ÷ the other. */
export const TARGETS: Record<string, number> = {
  index_vs_fts5: 1.3,
  index_vs_fts5_plain: 2.0,
  db_vs_fts5_plain: 2.0,
  p99_vs_fts5: 1.5,
  p99_vs_minisearch: 0.5,
  p99_vs_flexsearch: 1.0,
  memory_vs_flexsearch: 0.33,
  offprint_common_p99: 50,
  offprint_typo_p99: 50,
  offprint_question_p99: 100,
  reopen_vs_index: 0.05,
  first_query_ms: 200,
  ui_keystroke_p95: 50,
  ui_open_1mb: 100,
};

export const UI_NOTE =
  "keystroke_p95: keydown of a query's last character → first painted frame of its results (debounce included), p95 of 50 queries; open_1mb: click on a result → first painted frame of a 1 MiB article, median of 5. Serve mode in Chromium; ui_detail has every run. Quick runs and --no-ui leave both null.";

const ratio = (a: number, b: number): number => Number((a / b).toFixed(3));

export const TYPO_RULE = 'offprint ratio ≥ minisearch ratio (ratio = typo_recall3 ÷ clean_recall3; MiniSearch with fuzzy 0.2)';

function typoResult(offprint: TypoRecall | null, minisearch: TypoRecall | null): TypoResult {
  const a = offprint?.ratio ?? null;
  const b = minisearch?.ratio ?? null;
  return { offprint, minisearch, target: { rule: TYPO_RULE, pass: a === null || b === null ? null : a >= b } };
}

export interface RunParts {
  label: string;
  corpus: CorpusName;
  prepare: PrepareOut;
  floor: FloorOut;
  fts5: SqlOut;
  fts5Plain: SqlOut;
  offprint: ImportOut;
  reopen: ReopenOut;
  during: DuringOut | null;
  minisearch: PeerOut;
  flexsearch: PeerOut;
  ui: UiTimings;
  uiDetail?: UiDetail;
  git: { commit: string; dirty: boolean };
  queries: Query[];
  breakdown?: Record<string, unknown>;
}

export function assemble(r: RunParts): RunResult {
  const mb = (x: number) => Number(x.toFixed(1));
  const seconds: Seconds = {
    floor: r.floor.seconds,
    fts5: r.fts5.seconds,
    fts5_plain: r.fts5Plain.seconds,
    offprint: r.offprint.seconds,
    minisearch: r.minisearch.seconds,
    flexsearch: r.flexsearch.seconds,
    reopen: r.reopen.seconds,
    ...(r.during ? { offprint_during_index: r.during.seconds } : {}),
  };
  const cpu: RunResult['cpu_seconds'] = {
    floor: r.floor.cpu_seconds,
    fts5: r.fts5.cpu_seconds,
    fts5_plain: r.fts5Plain.cpu_seconds,
    offprint: r.offprint.cpu_seconds,
    minisearch: r.minisearch.cpu_seconds,
    flexsearch: r.flexsearch.cpu_seconds,
    reopen: r.reopen.cpu_seconds,
  };
  const op = r.reopen.query;
  const ratios: Record<RatioName, number> = {
    index_vs_fts5: ratio(seconds.offprint, seconds.fts5),
    index_vs_fts5_plain: ratio(seconds.offprint, seconds.fts5_plain),
    index_vs_floor: ratio(seconds.offprint, seconds.floor),
    db_vs_fts5_plain: ratio(r.offprint.db_mb, r.fts5Plain.db_mb),
    p99_vs_fts5: ratio(op.p99, r.fts5Plain.query.p99),
    p99_vs_minisearch: ratio(op.p99, r.minisearch.query.p99),
    p99_vs_flexsearch: ratio(op.p99, r.flexsearch.query.p99),
    reopen_vs_index: ratio(seconds.reopen, seconds.offprint),
    memory_vs_minisearch: ratio(r.offprint.rss_mb, r.minisearch.rss_mb),
    memory_vs_flexsearch: ratio(r.offprint.rss_mb, r.flexsearch.rss_mb),
  };
  const commonP99 = op.byClass.common?.p99 ?? null;
  const typoP99 = op.byClass.typo?.p99 ?? null;
  const questionP99 = op.byClass.question?.p99 ?? null;
  const targets: RunResult['targets'] = {};
  const absolute: Record<string, number | null> = {
    offprint_common_p99: commonP99,
    offprint_typo_p99: typoP99,
    offprint_question_p99: questionP99,
    first_query_ms: r.reopen.first_query_ms,
    ui_keystroke_p95: r.ui.keystroke_p95,
    ui_open_1mb: r.ui.open_1mb,
  };
  for (const [name, limit] of Object.entries(TARGETS)) {
    const value = name in absolute ? (absolute[name] ?? null) : ratios[name as RatioName];
    targets[name as keyof RunResult['targets']] = { value, limit, pass: value === null ? null : value <= limit };
  }
  return {
    label: r.label,
    corpus: r.corpus,
    docs: r.prepare.docs,
    text_mb: mb(r.prepare.text_mb),
    seconds,
    cpu_seconds: cpu,
    query_ms: {
      offprint: op,
      fts5: r.fts5Plain.query,
      fts5_contentless: r.fts5.query,
      minisearch: r.minisearch.query,
      flexsearch: r.flexsearch.query,
      offprint_common_p99: commonP99,
      offprint_typo_p99: typoP99,
      offprint_question_p99: questionP99,
      offprint_during_index_p99: r.during?.query.p99 ?? null,
      ...(r.during ? { offprint_during_index: r.during.query } : {}),
    },
    first_query_ms: r.reopen.first_query_ms,
    ui_ms: r.ui,
    ui_note: UI_NOTE,
    ...(r.uiDetail ? { ui_detail: r.uiDetail } : {}),
    git_commit: r.git.commit,
    git_dirty: r.git.dirty,
    db_mb: mb(r.offprint.db_mb),
    db_mb_fts5: mb(r.fts5.db_mb),
    db_mb_fts5_plain: mb(r.fts5Plain.db_mb),
    memory_mb: {
      offprint_rss: mb(r.offprint.rss_mb),
      offprint_search_rss: mb(r.reopen.search_rss_mb),
      offprint_import_peak_rss: mb(r.offprint.peak_rss_mb),
      offprint_during_import_peak_rss: r.during ? mb(r.during.peak_rss_mb) : null,
      minisearch_rss: mb(r.minisearch.rss_mb),
      minisearch_search_rss: mb(r.minisearch.search_rss_mb),
      flexsearch_rss: mb(r.flexsearch.rss_mb),
      flexsearch_search_rss: mb(r.flexsearch.search_rss_mb),
      minisearch_heap: mb(r.minisearch.heap_mb),
      flexsearch_heap: mb(r.flexsearch.heap_mb),
    },
    ratios,
    cpu_ratios: {
      index_vs_fts5: ratio(cpu.offprint, cpu.fts5),
      index_vs_fts5_plain: ratio(cpu.offprint, cpu.fts5_plain),
      index_vs_floor: ratio(cpu.offprint, cpu.floor),
    },
    typo: typoResult(r.reopen.typo, r.minisearch.typo ?? null),
    targets,
    offprint_import: { report: r.offprint.report, terms: r.offprint.terms },
    ...(r.breakdown ? { breakdown: r.breakdown } : {}),
    queries: r.queries.map((q) => ({ cls: q.cls, q: q.q, ...(q.clean === undefined ? {} : { clean: q.clean }) })),
  };
}

export interface BenchFile extends RunResult {
  runs: RunResult[];
  /** The command line's start-up on the bundled articles (bench/cli.ts); null with --no-cli. */
  cli: CliOut | null;
  /** Ranking quality on CISI (bench/relevance/), or why it was skipped. */
  relevance: Relevance | RelevanceSkipped;
  meta: Record<string, unknown>;
}

/** The largest GCIDE run describes the file; every run (enwiki too) is in `runs`. */
export function benchFile(
  runs: RunResult[],
  meta: Record<string, unknown>,
  relevance: Relevance | RelevanceSkipped,
  cli: CliOut | null = null,
): BenchFile {
  const gcide = runs.filter((r) => r.corpus === 'gcide').sort((a, b) => b.docs - a.docs);
  const top = gcide[0] ?? runs[0];
  if (!top) throw new Error('no runs');
  return { ...top, runs, cli, relevance, meta };
}
