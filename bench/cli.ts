/**
 * The command line's start-up (issue 11 §3): a search on the bundled library through the CLI's own
 * entry point (bin/offprint.mjs), against a bare `node -e` that opens the same database with
 * better-sqlite3 and runs one query. The target is cli ÷ bare ≤ 2.5 (medians). Beside them, for where
 * the time goes: Node with nothing to do, the compiled bundle without the launcher's staleness check,
 * `npm run --silent cli` (npm's own start-up) and the TypeScript source under tsx (how the CLI ran before).
 * Every command runs `runs` times, round-robin, so a change in the machine's load hits all alike.
 *
 *   node --import tsx bench/cli.ts [--runs N]   prints the JSON (and the table on stderr)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isFresh, readManifest, type Manifest } from '../scripts/build-node.mjs';
import type { Target } from './results.ts';
import { percentile, round } from './stats.ts';

const REPO = resolve(import.meta.dirname, '..');
export const CLI_TARGET = 2.5;
const QUERY = 'shanghai';

export interface Timing {
  n: number;
  median: number;
  p90: number;
}

export type CliCase = 'node_empty' | 'node_bare' | 'cli' | 'cli_compiled' | 'npm' | 'tsx';

export interface CliOut {
  how: string;
  query: string;
  articles: number;
  db_mb: number;
  /** `offprint index` of content/ into a new database (process start included). */
  index_ms: number;
  ms: Record<CliCase, Timing>;
  /** cli ÷ node_bare, medians (the target) and p90s. */
  ratio: number;
  ratio_p90: number;
  target: Target;
  /** What a search loads before it runs: the compiled files and the packages they import (out/node/manifest.json). */
  loads: { files: number; kb: number; packages: string[]; lazy_packages: string[] };
  /** The launcher's staleness check alone (stat of every file the build read), median of 21 in this process. */
  build_check_ms: number;
  build_inputs: number;
}

const HOW =
  'Wall time of each command from spawn to exit, runs round-robin, on a database of content/ (the bundled articles). node_bare: node -e opening it read-only with better-sqlite3 and printing one FTS5 query (bm25, top 20) as JSON; cli: node bin/offprint.mjs search --json (staleness check, then out/node/cli.js); cli_compiled: node out/node/cli.js directly; npm: npm run --silent cli --; tsx: node --import tsx main/cli.ts; node_empty: node -e 0.';

function bareScript(db: string): string {
  const sql =
    'SELECT a.id, a.title FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 20';
  return `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)}, { readonly: true }); console.log(JSON.stringify(db.prepare(${JSON.stringify(sql)}).all(${JSON.stringify(QUERY)})));`;
}

function timeOnce(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, median: round(percentile(sorted, 50), 1), p90: round(percentile(sorted, 90), 1) };
}

function closure(m: Manifest, entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    for (const i of m.graph[f]?.imports ?? []) {
      if (m.graph[i]) visit(i);
      else if (!i.startsWith('node:')) packages.add(i);
    }
  };
  visit(entry);
  return { files, packages };
}

export interface MeasureCliOptions {
  /** Runs of each command (npm and tsx, the slow references, at most 10). */
  runs: number;
  /** Where the database goes (deleted and rebuilt). */
  work: string;
  log?: (msg: string) => void;
}

export function measureCli({ runs, work, log = () => {} }: MeasureCliOptions): CliOut {
  mkdirSync(work, { recursive: true });
  const db = join(work, 'index.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const bin = join(REPO, 'bin', 'offprint.mjs');
  // Builds out/node if a source changed, so no timed run pays for it.
  timeOnce(process.execPath, [bin, '--help']);
  const t0 = performance.now();
  const index = spawnSync(process.execPath, [bin, 'index', '--content', join(REPO, 'content'), '--db', db, '--json'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  const indexMs = performance.now() - t0;
  if (index.status !== 0) throw new Error(`offprint index failed: ${index.stderr}`);
  const report = JSON.parse(index.stdout) as { added: number };
  log(`cli: indexed ${report.added} articles; timing ${runs} runs of each command`);

  const search = ['search', '--db', db, '--json', QUERY];
  const cases: Record<CliCase, { cmd: string; args: string[]; runs: number }> = {
    node_empty: { cmd: process.execPath, args: ['-e', '0'], runs },
    node_bare: { cmd: process.execPath, args: ['-e', bareScript(db)], runs },
    cli: { cmd: process.execPath, args: [bin, ...search], runs },
    cli_compiled: { cmd: process.execPath, args: [join(REPO, 'out', 'node', 'cli.js'), ...search], runs },
    npm: { cmd: 'npm', args: ['run', '--silent', 'cli', '--', ...search], runs: Math.min(runs, 10) },
    tsx: { cmd: process.execPath, args: ['--import', 'tsx', join(REPO, 'main', 'cli.ts'), ...search], runs: Math.min(runs, 10) },
  };
  const names = Object.keys(cases) as CliCase[];
  for (const name of names) timeOnce(cases[name].cmd, cases[name].args); // page cache, V8 code cache
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<CliCase, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const name of names) if (i < cases[name].runs) samples[name].push(timeOnce(cases[name].cmd, cases[name].args));
  }
  const ms = Object.fromEntries(names.map((n) => [n, timing(samples[n])])) as Record<CliCase, Timing>;

  const checks: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    isFresh();
    checks.push(performance.now() - t);
  }
  const manifest = readManifest();
  if (!manifest) throw new Error('out/node/manifest.json is missing after a build');
  const { files, packages } = closure(manifest, 'cli.js');
  const lazyPackages = new Set<string>();
  for (const f of files) for (const l of manifest.graph[f]?.lazy ?? []) for (const p of closure(manifest, l).packages) lazyPackages.add(p);
  for (const p of packages) lazyPackages.delete(p);

  const ratio = round(ms.cli.median / ms.node_bare.median);
  return {
    how: HOW,
    query: QUERY,
    articles: report.added,
    db_mb: round(statSync(db).size / 2 ** 20, 1),
    index_ms: round(indexMs, 0),
    ms,
    ratio,
    ratio_p90: round(ms.cli.p90 / ms.node_bare.p90),
    target: { value: ratio, limit: CLI_TARGET, pass: ratio <= CLI_TARGET },
    loads: {
      files: files.size,
      kb: round([...files].reduce((s, f) => s + (manifest.graph[f]?.bytes ?? 0), 0) / 1024, 1),
      packages: [...packages].sort(),
      lazy_packages: [...lazyPackages].sort(),
    },
    build_check_ms: round(
      percentile(
        checks.sort((a, b) => a - b),
        50,
      ),
      2,
    ),
    build_inputs: Object.keys(manifest.inputs).length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } }, strict: true });
  const result = measureCli({
    runs: Number(values.runs),
    work: join(import.meta.dirname, 'tmp', 'cli'),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const { cliTable } = await import('./table.ts');
  process.stderr.write(`${cliTable(result)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
}
