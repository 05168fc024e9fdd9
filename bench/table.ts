/** The human-readable summary printed on stdout at the end of a run. */
import { QUERY_CLASSES } from './queries.ts';
import type { CliCase, CliOut } from './cli.ts';
import { renderRelevance } from './relevance/relevance.ts';
import type { BenchFile, RunResult } from './results.ts';
import type { Latencies } from './stats.ts';
import type { TypoRecall } from './typo.ts';

const fmt = (x: number | null | undefined, digits = 2): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(digits);
};

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function runTable(r: RunResult): string {
  const lat = (l: Latencies) => [fmt(l.p50), fmt(l.p95), fmt(l.p99)];
  const none = ['', '', ''];
  const x = (s: number) => `${fmt(s / r.seconds.floor, 1)}×`;
  const c = r.cpu_seconds;
  const rows: string[][] = [
    ['floor (read + parse)', fmt(r.seconds.floor), fmt(c.floor), '1.0×', '', '', ...none, ''],
    [
      'fts5 (Offprint schema, raw SQL)',
      fmt(r.seconds.fts5),
      fmt(c.fts5),
      x(r.seconds.fts5),
      fmt(r.db_mb_fts5, 1),
      '',
      ...lat(r.query_ms.fts5_contentless),
      'bm25 only',
    ],
    [
      'fts5_plain (bare FTS5)',
      fmt(r.seconds.fts5_plain),
      fmt(c.fts5_plain),
      x(r.seconds.fts5_plain),
      fmt(r.db_mb_fts5_plain, 1),
      '',
      ...lat(r.query_ms.fts5),
      'bm25 + snippet',
    ],
    [
      'offprint',
      fmt(r.seconds.offprint),
      fmt(c.offprint),
      x(r.seconds.offprint),
      fmt(r.db_mb, 1),
      `${fmt(r.memory_mb.offprint_rss, 0)} rss`,
      ...lat(r.query_ms.offprint),
      'searchArticles',
    ],
    [
      'minisearch 7',
      fmt(r.seconds.minisearch),
      fmt(c.minisearch),
      x(r.seconds.minisearch),
      '',
      `${fmt(r.memory_mb.minisearch_rss, 0)} rss`,
      ...lat(r.query_ms.minisearch),
      '',
    ],
    [
      'flexsearch 0.8',
      fmt(r.seconds.flexsearch),
      fmt(c.flexsearch),
      x(r.seconds.flexsearch),
      '',
      `${fmt(r.memory_mb.flexsearch_rss, 0)} rss`,
      ...lat(r.query_ms.flexsearch),
      'top-20 ids only',
    ],
  ];
  const head = `${r.label}: ${r.docs.toLocaleString('en-US')} docs, ${fmt(r.text_mb, 1)} MB of text`;
  const main = grid(['system', 'index s', 'cpu s', 'vs floor', 'db MB', 'memory MB', 'p50 ms', 'p95 ms', 'p99 ms', 'queries'], rows);
  const during =
    r.query_ms.offprint_during_index_p99 === null
      ? 'not run'
      : `${fmt(r.query_ms.offprint_during_index_p99)} ms (${r.query_ms.offprint_during_index?.n ?? 0} queries)`;
  const cr = r.cpu_ratios;
  const cpuLine = `by CPU seconds: index_vs_fts5 ${fmt(cr.index_vs_fts5, 3)}, index_vs_fts5_plain ${fmt(cr.index_vs_fts5_plain, 3)}, index_vs_floor ${fmt(cr.index_vs_floor, 3)}`;
  const extra = `offprint: reopen ${fmt(r.seconds.reopen, 3)} s, first query ${fmt(r.first_query_ms)} ms, common-term p99 ${fmt(r.query_ms.offprint_common_p99)} ms, p99 during indexing ${during}`;
  const m = r.memory_mb;
  const memoryLine = `RSS MB after indexing / after the queries: offprint ${fmt(m.offprint_rss, 0)} / ${fmt(m.offprint_search_rss, 0)}, minisearch ${fmt(m.minisearch_rss, 0)} / ${fmt(m.minisearch_search_rss, 0)}, flexsearch ${fmt(m.flexsearch_rss, 0)} / ${fmt(m.flexsearch_search_rss, 0)}; offprint's peak while importing ${fmt(m.offprint_import_peak_rss, 0)}, while importing and searching ${fmt(m.offprint_during_import_peak_rss, 0)}`;
  const cls = (name: string, l: Latencies) => [name, ...QUERY_CLASSES.map((c) => `${fmt(l.byClass[c]?.p50)} / ${fmt(l.byClass[c]?.p99)}`)];
  const byClass = grid(
    ['p50 / p99 ms by class', ...QUERY_CLASSES],
    [
      cls('offprint', r.query_ms.offprint),
      cls('fts5_plain (bm25 + snippet)', r.query_ms.fts5),
      cls('fts5 contentless (bm25)', r.query_ms.fts5_contentless),
      cls('minisearch', r.query_ms.minisearch),
      cls('flexsearch', r.query_ms.flexsearch),
    ],
  );
  return [head, '', main, '', extra, cpuLine, memoryLine, '', byClass, ...typoTable(r)].join('\n');
}

/** The typo class's recall@3, misspelled and clean (empty when the run had no typo queries). */
function typoTable(r: RunResult): string[] {
  const { offprint, minisearch, target } = r.typo;
  const n = offprint?.n ?? minisearch?.n;
  if (n === undefined) return [];
  const row = (name: string, t: TypoRecall | null) => [name, fmt(t?.typo_recall3, 3), fmt(t?.clean_recall3, 3), fmt(t?.ratio, 3)];
  const verdict = target.pass === null ? 'n/a' : target.pass ? 'pass' : 'FAIL';
  return [
    '',
    grid(
      [`typo recall@3 (${n} misspelled words)`, 'misspelled', 'clean', 'ratio'],
      [row('offprint (searchArticles)', offprint), row('minisearch (fuzzy 0.2)', minisearch)],
    ),
    `target: ${target.rule}: ${verdict}`,
  ];
}

function targetTable(top: RunResult): string {
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : 'FAIL');
  const rows = Object.entries(top.targets).map(([name, t]) => [name, fmt(t.value, 3), `≤ ${t.limit}`, verdict(t.pass)]);
  // Issue 13 §3: typo ÷ clean recall@3, against MiniSearch's in the same run.
  rows.push([
    'typo_recall_ratio',
    fmt(top.typo.offprint?.ratio, 3),
    `≥ ${fmt(top.typo.minisearch?.ratio, 3)}`,
    verdict(top.typo.target.pass),
  ]);
  return [
    `Targets at ${top.label} (Offprint ÷ other; memory = RSS ÷ RSS, each process measured alike)`,
    '',
    grid(['target', 'value', 'limit', ''], rows),
  ].join('\n');
}

const CLI_ROWS: [CliCase, string][] = [
  ['node_empty', 'node -e 0'],
  ['node_bare', 'node -e: better-sqlite3, one query'],
  ['cli', 'offprint search (bin/offprint.mjs)'],
  ['cli_compiled', 'node out/node/cli.js search'],
  ['npm', 'npm run --silent cli -- search'],
  ['tsx', 'node --import tsx main/cli.ts (before)'],
];

/** The command line's start-up: one row per command, then the target and what a search loads. */
export function cliTable(cli: CliOut): string {
  const rows = CLI_ROWS.map(([key, label]) => [label, fmt(cli.ms[key].median, 1), fmt(cli.ms[key].p90, 1), String(cli.ms[key].n)]);
  const verdict = cli.target.pass ? 'pass' : 'FAIL';
  return [
    `CLI start-up: a search on the bundled library (${cli.articles} articles, ${fmt(cli.db_mb, 1)} MB), wall ms from spawn to exit`,
    '',
    grid(['command', 'median', 'p90', 'runs'], rows),
    '',
    `cli ÷ bare node ${fmt(cli.ratio, 3)} (≤ ${cli.target.limit}: ${verdict}), p90s ${fmt(cli.ratio_p90, 3)}; staleness check ${fmt(cli.build_check_ms)} ms over ${cli.build_inputs} files`,
    `search loads ${cli.loads.files} compiled files (${fmt(cli.loads.kb, 0)} KB) and ${cli.loads.packages.join(', ')}; index adds ${cli.loads.lazy_packages.join(', ')}`,
  ].join('\n');
}

export function renderTable(file: BenchFile): string {
  const parts = file.runs.map(runTable);
  parts.push(targetTable(file));
  if (file.cli) parts.push(cliTable(file.cli));
  parts.push(renderRelevance(file.relevance));
  const load = (file.meta.loadavg as { start: number[] } | undefined)?.start[0] ?? 0;
  const cpus = (file.meta.machine as { cpus: number } | undefined)?.cpus ?? 1;
  if (load > cpus / 2)
    parts.push(`Note: the 1-minute load average was ${load} on ${cpus} CPUs when the run started; other work skews these timings.`);
  parts.push(`ui_ms: keystroke_p95 ${fmt(file.ui_ms.keystroke_p95)}, open_1mb ${fmt(file.ui_ms.open_1mb)} (${file.ui_note})`);
  return `${parts.join('\n\n')}\n`;
}
