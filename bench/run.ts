/**
 * npm run bench [-- --quick] [--out file.json]: indexes and searches real articles with Offprint's
 * own code path and, in the same run, with bare SQLite FTS5, MiniSearch and FlexSearch, each system
 * in its own child process, one after another. Progress goes to stderr, the table to stdout, and
 * the results to bench/results/<date>[-quick].json (+ .svg). Every run also scores ranking quality
 * on CISI (bench/relevance/); `--relevance` runs only that; `--bombs` and `--formats` (import throughput
 * by kind of file) run only theirs. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { measureBombs, renderBombs, type BombsResult } from './bombs.ts';
import { writeChart } from './chart.ts';
import { DEFAULT_DEB_DIRS, measureFormats, renderFormats } from './formats.ts';
import { measureCli, type CliOut } from './cli.ts';
import { CISI_DEFAULT_DIR } from './corpus/cisi.ts';
import { ENWIKI_DEFAULT_PATH } from './corpus/enwiki.ts';
import { GCIDE_DEFAULT_DIR, GCIDE_HOWTO, hasGcide } from './corpus/gcide.ts';
import { corpusLabel } from './corpus/load.ts';
import type { CorpusSpec } from './corpus/types.ts';
import { busiestProfile, topFunctions } from './profile/cpuTop.ts';
import { PER_CLASS, QUERY_MAPPING, type Query } from './queries.ts';
import { measureRelevance, renderRelevance } from './relevance/relevance.ts';
import {
  assemble,
  benchFile,
  TARGETS,
  type DuringOut,
  type FloorOut,
  type ImportOut,
  type PeerOut,
  type PrepareOut,
  type ReopenOut,
  type RunResult,
  type SqlOut,
} from './results.ts';
import { runChild } from './spawn.ts';
import { renderTable } from './table.ts';
import { measureUi, type UiMeasurement } from './ui.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const FULL_SIZES = [10_000, 50_000, 200_000];
const QUICK_SIZES = [20_000];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    gcide: { type: 'string' },
    enwiki: { type: 'string' },
    sizes: { type: 'string' },
    'no-enwiki': { type: 'boolean', default: false },
    'no-during': { type: 'boolean', default: false },
    breakdown: { type: 'boolean' },
    'no-breakdown': { type: 'boolean', default: false },
    'enwiki-docs': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'per-class': { type: 'string' },
    'keep-tmp': { type: 'boolean', default: false },
    'no-ui': { type: 'boolean', default: false },
    'no-cli': { type: 'boolean', default: false },
    'cli-runs': { type: 'string' },
    relevance: { type: 'boolean', default: false },
    cisi: { type: 'string' },
    bombs: { type: 'boolean', default: false },
    formats: { type: 'boolean', default: false },
    debs: { type: 'string' },
  },
  strict: true,
});

const today = new Date().toISOString().slice(0, 10);
const cisiDir = resolve(args.cisi ?? CISI_DEFAULT_DIR);
const relevanceWork = join(BENCH, 'tmp', 'cisi');
const relevanceStep = async () => {
  process.stderr.write('[relevance] CISI: Offprint, fts5 bm25, minisearch\n');
  const relevance = await measureRelevance(cisiDir, relevanceWork);
  if ('skipped' in relevance) process.stderr.write(`[relevance] skipped: ${relevance.skipped}\n`);
  if (!args['keep-tmp']) rmSync(relevanceWork, { recursive: true, force: true });
  return relevance;
};

// --relevance alone: ranking quality only, which needs neither GCIDE nor minutes.
if (args.relevance && !args.quick) {
  const relevance = await relevanceStep();
  const relOut = resolve(args.out ?? join(BENCH, 'results', `${today}-relevance.json`));
  mkdirSync(dirname(relOut), { recursive: true });
  writeFileSync(relOut, `${JSON.stringify({ date: new Date().toISOString(), relevance }, null, 1)}\n`);
  process.stdout.write(`${renderRelevance(relevance)}\n`);
  process.stderr.write(`wrote ${relOut}\n`);
  process.exit(0);
}

// --bombs runs only the bombs part (bench/bombs.ts), which needs no corpus; full and quick runs end with it.
if (args.bombs) {
  const bombs = measureBombs(join(BENCH, 'tmp'), (msg) => process.stderr.write(`${msg}\n`));
  process.stdout.write(renderBombs(bombs));
  if (args.out) writeFileSync(resolve(args.out), `${JSON.stringify({ date: new Date().toISOString(), bombs }, null, 1)}\n`);
  process.exit(0);
}

// --formats runs only the import-throughput part (bench/formats.ts): real files of each kind Offprint reads.
const debDirs = [...(args.debs ? [resolve(args.debs)] : []), ...DEFAULT_DEB_DIRS];
const formatsStep = (log: (msg: string) => void) => measureFormats(join(BENCH, 'tmp'), debDirs, log);
if (args.formats) {
  const formats = formatsStep((msg) => process.stderr.write(`${msg}\n`));
  process.stdout.write(renderFormats(formats));
  if (args.out) writeFileSync(resolve(args.out), `${JSON.stringify({ date: new Date().toISOString(), formats }, null, 1)}\n`);
  process.exit(0);
}

const gcideDir = resolve(args.gcide ?? process.env.GCIDE_DIR ?? GCIDE_DEFAULT_DIR);
if (!hasGcide(gcideDir)) {
  process.stderr.write(`No gcide.index / gcide.dict.dz in ${gcideDir}.\n${GCIDE_HOWTO}\n`);
  process.exit(1);
}
const enwikiPath = resolve(args.enwiki ?? ENWIKI_DEFAULT_PATH);
const quick = args.quick;
const sizes = args.sizes ? args.sizes.split(',').map(Number) : quick ? QUICK_SIZES : FULL_SIZES;
const perClass = args['per-class'] ?? String(PER_CLASS);
const outPath = resolve(args.out ?? join(BENCH, 'results', `${today}${quick ? '-quick' : ''}.json`));

const specs: CorpusSpec[] = sizes.map((n) => ({ corpus: 'gcide', n, gcideDir, enwikiPath }));
if (!quick && !args['no-enwiki']) specs.push({ corpus: 'enwiki', n: Number(args['enwiki-docs'] ?? 0), gcideDir, enwikiPath });
const largestGcide = Math.max(...sizes);
// The breakdowns rerun an import and every query; the quick run leaves them out to stay under 3 minutes.
const withBreakdown = args['no-breakdown'] ? false : (args.breakdown ?? !quick);

function git(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

const version = (pkg: string): string =>
  (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

const started = performance.now();
// Other work on the machine skews every timing; the load average goes into the JSON so it shows.
const loadStart = loadavg().map((x) => Number(x.toFixed(2)));
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const step = (msg: string) => process.stderr.write(`[${elapsed()}] ${msg}\n`);

async function benchOne(spec: CorpusSpec): Promise<RunResult> {
  const label = corpusLabel(spec);
  const work = join(BENCH, 'tmp', label);
  mkdirSync(work, { recursive: true });
  const child = <T>(script: string, extra: string[] = [], nodeFlags: string[] = []) => runChild<T>(script, spec, work, extra, nodeFlags);

  step(`${label}: preparing files and queries`);
  const prepare = await child<PrepareOut>('./prepare.ts', ['--per-class', perClass]);
  step(`${label}: floor`);
  const floor = await child<FloorOut>('./systems/floor.ts');
  step(`${label}: fts5 (Offprint's schema, raw SQL)`);
  const fts5 = await child<SqlOut>('./systems/fts5.ts');
  step(`${label}: fts5_plain`);
  const fts5Plain = await child<SqlOut>('./systems/fts5Plain.ts');
  step(`${label}: offprint import`);
  const profDir = join(work, 'cpuprofile');
  rmSync(profDir, { recursive: true, force: true });
  const profileFlags = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const offprint = await child<ImportOut>('./systems/offprint.ts', ['--phase', 'import'], profileFlags);
  const importProfile = args.profile ? busiestProfile(profDir) : null;
  step(`${label}: offprint reopen + queries`);
  const reopen = await child<ReopenOut>('./systems/offprint.ts', ['--phase', 'reopen']);
  let during: DuringOut | null = null;
  if (!args['no-during']) {
    step(`${label}: offprint queries during an import`);
    during = await child<DuringOut>('./systems/offprint.ts', ['--phase', 'during']);
  }
  step(`${label}: minisearch`);
  const minisearch = await child<PeerOut>('./systems/minisearch.ts');
  step(`${label}: flexsearch`);
  const flexsearch = await child<PeerOut>('./systems/flexsearch.ts');

  // Where Offprint's time goes, for the run the targets are judged on.
  let breakdown: Record<string, unknown> | undefined;
  if (withBreakdown && spec.corpus === 'gcide' && spec.n === largestGcide) {
    step(`${label}: offprint import breakdown`);
    const importParts = await child<Record<string, unknown>>('./profile/syncBreakdown.ts');
    step(`${label}: offprint search breakdown`);
    const searchParts = await child<Record<string, unknown>>('./profile/searchBreakdown.ts');
    breakdown = { import: importParts, search: searchParts };
  }
  if (importProfile) breakdown = { ...breakdown, import_cpu_top: topFunctions(importProfile, 20) };

  // The UI part (serve mode + Chromium, bench/ui.ts), at the size the targets are judged on; quick runs
  // skip it by definition, --no-ui on request.
  let ui: UiMeasurement | null = null;
  if (!quick && !args['no-ui'] && spec.corpus === 'gcide' && spec.n === largestGcide) {
    step(`${label}: UI (serve mode + Chromium)`);
    ui = await measureUi({ work, label, enwikiPath });
  }
  const queries = JSON.parse(readFileSync(join(work, 'queries.json'), 'utf8')) as Query[];
  const result = assemble({
    label,
    corpus: spec.corpus,
    prepare,
    floor,
    fts5,
    fts5Plain,
    offprint,
    reopen,
    during,
    minisearch,
    flexsearch,
    ui: ui ? { keystroke_p95: ui.keystroke_p95, open_1mb: ui.open_1mb } : { keystroke_p95: null, open_1mb: null },
    ...(ui ? { uiDetail: ui.detail } : {}),
    git: git(),
    queries,
    ...(breakdown ? { breakdown } : {}),
  });
  if (!args['keep-tmp']) {
    // The files stay for the next run (rewriting 200k files is slow); the databases go.
    for (const db of ['offprint.db', 'fts5.db', 'fts5_plain.db', 'offprint-during.db']) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(work, db + suffix), { force: true });
    }
  }
  return result;
}

step(`Offprint bench (${quick ? 'quick' : 'full'}): ${specs.map(corpusLabel).join(', ')}; GCIDE from ${gcideDir}`);
const runs: RunResult[] = [];
for (const spec of specs) runs.push(await benchOne(spec));
const relevance = await relevanceStep();

// The command line's start-up (issue 11 §3), in quick runs too: it needs only content/.
let cli: CliOut | null = null;
if (!args['no-cli']) {
  const cliRuns = Number(args['cli-runs'] ?? (quick ? 15 : 40));
  step(`cli: start-up of a search, ${cliRuns} runs of each command`);
  cli = measureCli({ runs: cliRuns, work: join(BENCH, 'tmp', 'cli'), log: step });
}

step('bombs: import time at 1×, 2× and 4× of three bomb patterns');
const bombs: BombsResult = measureBombs(join(BENCH, 'tmp'), (msg) => step(msg));
step('formats: import throughput of each kind of file');
const formats = formatsStep((msg) => step(msg));

const sqliteVersion = (() => {
  const db = new Database(':memory:');
  const v = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return v;
})();
const file = benchFile(
  runs,
  {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    elapsed_s: Math.round((performance.now() - started) / 1000),
    loadavg: { start: loadStart, end: loadavg().map((x) => Number(x.toFixed(2))) },
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      mem_gb: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
    },
    versions: {
      'better-sqlite3': version('better-sqlite3'),
      sqlite: sqliteVersion,
      minisearch: version('minisearch'),
      flexsearch: version('flexsearch'),
    },
    queries_per_class: Number(perClass),
    query_mapping: QUERY_MAPPING,
    targets: TARGETS,
    notes: [
      "query_ms.fts5 is the bare plain fts5(title, body) table with bm25 + snippet (top 20); query_ms.fts5_contentless is Offprint's schema via raw SQL, bm25 only, since a contentless table has no snippet().",
      "seconds.offprint is syncFoldersParallel (the app's and the CLI's import: a parsing thread beside the writer) over .txt files on disk, into a new database; seconds.fts5 and fts5_plain insert in-memory strings in one transaction.",
      'seconds.reopen is opening the database and a syncFoldersParallel of the unchanged folder in a new process (the start-up scan); first_query_ms is the first searchArticles in that process.',
      'memory_mb.offprint_rss is the import process RSS after syncFoldersParallel (both threads); the peers report heapUsed growth after 3× gc(), excluding the docs array.',
      'cli is the command line start-up on the bundled articles (bench/cli.ts): cli.ratio = offprint search ÷ a bare node -e query, medians; target ≤ 2.5.',
    ],
  },
  relevance,
  cli,
);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify({ ...file, bombs, formats }, null, 1)}\n`);
const svg = writeChart(outPath);
process.stdout.write(renderTable(file));
process.stdout.write(`\n${renderBombs(bombs)}`);
process.stdout.write(`\n${renderFormats(formats)}`);
step(`wrote ${outPath} and ${svg}`);
