import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_RESULT_KEYS } from './library/testing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'offprint-cli-'));
const db = join(dir, 'index.db');

/** The command as users run it: bin/offprint.mjs, which runs main/cli.ts compiled (out/node/cli.js). */
const COMPILED = [join(root, 'bin', 'offprint.mjs')];
/** The same source under tsx, as `npm run cli` ran it before it was compiled. */
const SOURCE = ['--import', 'tsx', join(root, 'main', 'cli.ts')];

function run(entry: string[], args: string[]) {
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const cli = (...args: string[]) => run(COMPILED, args);

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
let firstIndexMs = 0;
let secondIndexMs = 0;
/** Every article row, with its stored hash and times, and the database's own change counter. */
let afterFirst = '';
let afterSecond = '';
function rows(): string {
  const conn = new Database(db, { readonly: true });
  try {
    const articles = conn.prepare('SELECT rowid, id, hash, size, mtime_ms FROM articles ORDER BY rowid').all();
    return JSON.stringify({ articles, fts: conn.prepare('SELECT count(*) AS n FROM articles_fts').get() });
  } finally {
    conn.close();
  }
}

beforeAll(() => {
  let t = performance.now();
  const first = cli('index', '--content', join(root, 'content'), '--db', 'index.db', '--json');
  firstIndexMs = performance.now() - t;
  expect(first.code).toBe(0);
  expect(JSON.parse(first.out)).toEqual({ added: 294, updated: 0, unchanged: 0, removed: 0, failed: [] });
  afterFirst = rows();
  t = performance.now();
  const second = cli('index', '--json', '--db', db, '--content', join(root, 'content'));
  secondIndexMs = performance.now() - t;
  expect(JSON.parse(second.out)).toEqual({ added: 0, updated: 0, unchanged: 294, removed: 0, failed: [] });
  afterSecond = rows();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line', () => {
  it('indexes the bundled content into 294 articles, and a second run rewrites nothing', () => {
    // The figures land in the test log for the note on the issue.
    console.log(
      `index: first run ${firstIndexMs.toFixed(0)} ms, unchanged rerun ${secondIndexMs.toFixed(0)} ms (${((secondIndexMs / firstIndexMs) * 100).toFixed(0)}%, process start included)`,
    );
    // What it wrote, not how long it took (a busy machine decides that): no row touched, none added.
    expect(afterSecond).toBe(afterFirst);
    expect(JSON.parse(afterFirst).articles).toHaveLength(294);
  });

  it('prints search results as JSON with every key present', () => {
    const r = cli('search', '--db', db, '--json', 'Shanghai');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual(['complete', 'corrected', 'notice', 'results', 'total']);
    expect(json.corrected).toEqual([]);
    expect(json.results[0].title).toBe(SEED);
    expect(Object.keys(json.results[0]).sort()).toEqual(SEARCH_RESULT_KEYS);
    expect(Object.keys(json.results[0].matched).sort()).toEqual(['by_term', 'fields', 'terms', 'words']);
    expect(json.results[0].missing).toEqual([]);
  });

  it.each([['shangh'], ['changpeng zhao']])('finds the seed article for %j', (q) => {
    expect(JSON.parse(cli('search', '--db', db, '--json', q).out).results.map((x: { title: string }) => x.title)).toContain(SEED);
  });

  it('says in its JSON what it corrected', () => {
    const json = JSON.parse(cli('search', '--db', db, '--json', 'shangai').out);
    expect(json.corrected).toEqual([{ from: 'shangai', to: 'shanghai' }]);
    expect(json.results[0].title).toBe(SEED);
  });

  it('leaves the seed out of "binance -shanghai"', () => {
    expect(
      JSON.parse(cli('search', '--db', db, '--json', 'binance -shanghai').out).results.map((x: { title: string }) => x.title),
    ).not.toContain(SEED);
  });

  it('exits 0 with JSON for an unbalanced query', () => {
    const r = cli('search', '--db', db, '--json', '"unbalanced (');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty('total');
  });

  it('takes a query that starts with a dash after --', () => {
    const r = cli('search', '--db', db, '--json', '--', '-foo');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).notice).toMatch(/excluded/);
  });

  it('shows an article with the hits of a query', () => {
    const id = JSON.parse(cli('search', '--db', db, '--json', 'Shanghai').out).results[0].id;
    const r = cli('show', '--db', db, '--query', 'shanghai', '--json', id);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(Object.keys(a).sort()).toEqual(['author', 'blocks', 'date', 'hits', 'id', 'language', 'path', 'source', 'title']);
    expect(a.hits.length).toBeGreaterThan(0);
    for (const h of a.hits) expect(a.blocks[h.block].children[0].text.slice(h.start, h.end)).toBe('Shanghai');
  });

  it('exits 1 with one line and a hint for a missing database or an unknown id', () => {
    const missing = cli('search', '--db', 'nope.db', '--json', 'x');
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.out).toBe('');
    const unknown = cli('show', '--db', db, 'no-such-id');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No article with id no-such-id/);
  });

  it('exits 1 for a corrupt database, without a stack trace', () => {
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'this is not a database'.repeat(100));
    const r = cli('search', '--db', bad, '--json', 'x');
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with usage for bad arguments', () => {
    for (const args of [
      ['search', '--db', db, '--bogus', 'x'],
      ['frobnicate'],
      ['search', '--db', db],
      ['search', '--db', db, '--limit', 'many', 'x'],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Usage:/);
    }
  });

  it('prints the same bytes and exits the same from the compiled entry as from the TypeScript source', () => {
    const id = JSON.parse(cli('search', '--db', db, '--json', 'Shanghai').out).results[0].id as string;
    for (const args of [
      ['search', '--db', db, '--json', 'changpeng zhao'],
      ['search', '--db', db, '--sort', 'date', '--limit', '3', 'vaccine'],
      ['show', '--db', db, '--query', 'shanghai', '--json', id],
      ['show', '--db', db, id],
      ['search', '--db', 'nope.db', 'x'],
      ['search', '--db', db, '--bogus', 'x'],
      ['--help'],
    ]) {
      expect(cli(...args), args.join(' ')).toEqual(run(SOURCE, args));
    }
  }, 60_000);

  it('runs through npm run --silent cli with paths taken from where npm was run', () => {
    const r = spawnSync('npm', ['--prefix', root, 'run', '--silent', 'cli', '--', 'search', '--db', 'index.db', '--json', 'Shanghai'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0].title).toBe(SEED);
  });
});
