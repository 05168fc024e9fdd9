/**
 * Offprint's command line: index folders, search, show an article. Results on stdout (JSON with
 * --json), everything else on stderr. Exit 0 on success, 1 on a known failure, 2 on bad arguments.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getArticle } from './library/article.ts';
import { indexMigrations } from './library/db/migrations/indexMigrations.ts';
import { openIndexDb } from './library/db/indexDb.ts';
import { DatabaseOpenError, openDatabase } from './library/db/open.ts';
import type { SearchResponse } from '../common/contract.ts';
import { searchArticles } from './library/search.ts';
import { terminalSafe as safe } from './library/text/terminalSafe.ts';
import type { SyncReport } from './library/sync.ts';
import { fromUserCwd } from './paths.ts';

const HELP = `Usage:
  npm run --silent cli -- index --content <dir> [--content <dir2> ...] --db <file> [--json]
  npm run --silent cli -- search --db <file> [--limit N] [--offset N] [--sort relevance|date] [--json] "<query>"
  npm run --silent cli -- show --db <file> [--query "<q>"] [--json] <id>

Options:
  --content <dir>   a folder of articles (.txt, .md, .html); may repeat
  --db <file>       the index database (created by index)
  --limit N         results per page (default 20, at most 200)
  --offset N        results to skip (default 0)
  --sort S          relevance (default) or date (newest first)
  --query "<q>"     with show: the hits of this query in the article
  --json            machine-readable output
  --debug           print the stack of an unexpected error
  --                ends options (for a query like -foo)
`;

const OPTIONS = {
  content: { type: 'string', multiple: true },
  db: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  sort: { type: 'string' },
  query: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

class UsageError extends Error {}
class Failure extends Error {}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

function intOption(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`--${name}: expected a whole number from 0 to ${max}, got “${value}”.`);
  return n;
}

function openExisting(path: string | undefined) {
  if (!path) throw new UsageError('--db <file> is required.');
  const abs = fromUserCwd(path);
  if (!existsSync(abs))
    throw new Failure(`No database at ${abs}. Create it first: npm run --silent cli -- index --content <dir> --db ${path}`);
  try {
    return openDatabase(abs, indexMigrations, { readonly: true });
  } catch (err) {
    if (err instanceof DatabaseOpenError)
      throw new Failure(`${err.message} Rebuild it with: npm run --silent cli -- index --content <dir> --db <new file>`);
    throw err;
  }
}

function printReport(r: SyncReport, isJson: boolean): void {
  if (isJson)
    return void out(JSON.stringify({ added: r.added, updated: r.updated, unchanged: r.unchanged, removed: r.removed, failed: r.failed }));
  out(`${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed, ${r.failed.length} failed`);
  // Text output: file names and article text go through safe(), so no control byte reaches the terminal; --json stays exact.
  for (const f of r.failed) out(`  ${safe(f.path)}: ${safe(f.reason)}`);
}

function printResults(r: SearchResponse): void {
  if (r.notice) out(safe(r.notice));
  if (r.corrected.length > 0) out(`Corrected: ${r.corrected.map((c) => `${safe(c.from)} → ${safe(c.to)}`).join(', ')}`);
  out(`${r.total} result${r.total === 1 ? '' : 's'}`);
  const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[0m` : (s: string) => `[${s}]`;
  for (const [i, x] of r.results.entries()) {
    out(`\n${i + 1}. ${safe(x.title)}${x.date ? `  (${safe(x.date)})` : ''}${x.author ? ` — ${safe(x.author)}` : ''}`);
    out(`   ${x.snippet.map((s) => (s.hit ? bold(safe(s.text)) : safe(s.text))).join('')}`);
    out(`   id ${x.id}  ${safe(x.path)}`);
  }
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void out(HELP);
  const [command, ...rest] = positionals;
  const isJson = values.json ?? false;
  if (command === 'index') {
    if (rest.length > 0) throw new UsageError(`index takes no positional argument, got “${rest[0]}”.`);
    if (!values.content?.length) throw new UsageError('index needs at least one --content <dir>.');
    if (!values.db) throw new UsageError('--db <file> is required.');
    const folders = values.content.map((c) => {
      const abs = fromUserCwd(c);
      if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new Failure(`No folder at ${abs}. Check the --content path.`);
      const root = realpathSync(abs);
      return { key: root, root };
    });
    let db;
    try {
      // Like the app: a damaged index is moved aside and rebuilt, an outdated one re-imported.
      const opened = openIndexDb(fromUserCwd(values.db));
      if (opened.recoveredFrom)
        process.stderr.write(`offprint: the database was damaged; it was kept as ${opened.recoveredFrom} and is rebuilt.\n`);
      db = opened.db;
    } catch (err) {
      if (err instanceof DatabaseOpenError) throw new Failure(`${err.message} Choose another --db file, or delete this one to rebuild.`);
      throw err;
    }
    // The importers (HTML and Markdown parsers) load only when indexing, so search starts fast.
    const { syncFoldersParallel } = await import('./library/sync.ts');
    try {
      printReport(await syncFoldersParallel(db, folders), isJson);
    } finally {
      db.close();
    }
    return;
  }
  if (command === 'search' || command === 'show') {
    if (rest.length !== 1)
      throw new UsageError(`${command} takes exactly one ${command === 'search' ? 'query' : 'id'}, got ${rest.length}.`);
    const db = openExisting(values.db);
    try {
      if (command === 'search') {
        const sort = values.sort ?? 'relevance';
        if (sort !== 'relevance' && sort !== 'date') throw new UsageError(`--sort: expected relevance or date, got “${sort}”.`);
        const r = searchArticles(db, rest[0]!, {
          limit: intOption(values.limit, 'limit', 20, 200),
          offset: intOption(values.offset, 'offset', 0, 10_000_000),
          sort,
        });
        if (isJson) out(JSON.stringify(r));
        else printResults(r);
      } else {
        const a = getArticle(db, rest[0]!, values.query);
        if (!a)
          throw new Failure(
            `No article with id ${rest[0]} in ${values.db}. Find ids with: npm run --silent cli -- search --db ${values.db} "<query>"`,
          );
        const shown = {
          id: a.id,
          path: a.path,
          title: a.title,
          author: a.author,
          date: a.date,
          source: a.source,
          language: a.language,
          blocks: a.blocks,
          hits: a.hits,
        };
        if (isJson) out(JSON.stringify(shown));
        else out(safe(`${a.title}\n${[a.author, a.date].filter(Boolean).join(' · ')}\n${a.path}\n${a.hits.length} hits`));
      }
    } finally {
      db.close();
    }
    return;
  }
  throw new UsageError(command ? `Unknown command “${command}”.` : 'A command is required: index, search or show.');
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`offprint: ${err.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (err instanceof Failure) {
    process.stderr.write(`offprint: ${err.message}\n`);
    process.exit(1);
  }
  const isDebug = process.argv.includes('--debug');
  process.stderr.write(
    `offprint: unexpected error: ${(err as Error).message ?? String(err)}${isDebug ? `\n${(err as Error).stack}` : '\nRun again with --debug for details.'}\n`,
  );
  process.exit(1);
});
