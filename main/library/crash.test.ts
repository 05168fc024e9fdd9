/**
 * Crash safety: the real indexer (the CLI) is killed with SIGKILL at points spread over its run;
 * after each kill the database is intact and searchable, and a rerun ends exactly where an
 * uninterrupted run does. The same for reading positions in the user database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHardening } from '../../test/hardening/summary.ts';
import { searchArticles } from './search.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'offprint-crash-'));
const corpus = join(work, 'corpus');
const COPIES = 7;
const QUERIES = ['government', 'shanghai', 'vaccin', 'election results', 'ccinat'];

function buildCorpus(): number {
  const files = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && /\.(md|txt)$/u.test(e.name),
  );
  for (let c = 0; c < COPIES; c++) {
    const dir = join(corpus, `copy-${c}`);
    mkdirSync(dir, { recursive: true });
    for (const f of files)
      writeFileSync(join(dir, `${c}-${f.name}`), `${readFileSync(join(f.parentPath, f.name), 'utf8')}\n\nCopy number ${c}.\n`);
  }
  return files.length * COPIES;
}

const indexArgs = (db: string) => ['--import', 'tsx', join(root, 'main', 'cli.ts'), 'index', '--content', corpus, '--db', db, '--json'];
/** Batches far smaller than the default, so a run of 2,000 articles commits many times and a kill lands between commits. */
const env = { ...process.env, OFFPRINT_BATCH_SIZE: '100' };
const startIndexer = (db: string): ChildProcess => spawn(process.execPath, indexArgs(db), { cwd: root, stdio: 'ignore', env });

function runIndexer(db: string): void {
  const r = spawnSync(process.execPath, indexArgs(db), { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`indexer failed: ${r.stderr}`);
}

function countArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

function snapshot(db: string): { ids: string[]; results: Record<string, string> } {
  const conn = new Database(db, { readonly: true });
  try {
    const ids = (conn.prepare('SELECT id FROM articles ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const results: Record<string, string> = {};
    for (const q of QUERIES) {
      const r = searchArticles(conn, q, { limit: 50 });
      results[q] = `${r.total}:${r.results.map((x) => x.id).join(',')}`;
    }
    return { ids, results };
  } finally {
    conn.close();
  }
}

function integrity(db: string): { pragma: string; fts: string; answers: boolean } {
  const conn = new Database(db);
  try {
    const pragma = (conn.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check;
    let fts = 'ok';
    try {
      conn.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)").run();
    } catch (err) {
      fts = (err as Error).message;
    }
    const answers = Array.isArray(conn.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH \'"the"\' LIMIT 5').all());
    return { pragma, fts, answers };
  } finally {
    conn.close();
  }
}

let total = 0;
let reference: ReturnType<typeof snapshot>;
/** Article counts at which to kill, spread over 10–90% of the run. */
const KILL_AT = [0.1, 0.3, 0.5, 0.7, 0.9];

beforeAll(() => {
  total = buildCorpus();
  const db = join(work, 'reference.db');
  runIndexer(db);
  reference = snapshot(db);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('crash safety of the index', () => {
  it('survives SIGKILL at 5 points of a run and finishes like an uninterrupted run', async () => {
    expect(reference.ids).toHaveLength(total);
    let survived = 0;
    for (const [i, fraction] of KILL_AT.entries()) {
      const db = join(work, `killed-${i}.db`);
      const child = startIndexer(db);
      const target = Math.floor(total * fraction);
      let seen = 0;
      // Poll the article count through a second connection and kill as soon as the run passes the target.
      while (seen < target && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 5));
        seen = countArticles(db);
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const atKill = countArticles(db);
      expect(atKill, `killed at ${fraction}`).toBeLessThan(total);
      expect(integrity(db)).toEqual({ pragma: 'ok', fts: 'ok', answers: true });
      runIndexer(db);
      expect(snapshot(db)).toEqual(reference);
      survived++;
    }
    recordHardening({ killsSurvived: survived });
  }, 600_000);
});

describe('crash safety of reading positions', () => {
  it('keeps the last acknowledged position after SIGKILL during 1,000 rapid updates', async () => {
    const userDb = join(work, 'user.db');
    const script = join(work, 'positions.ts');
    writeFileSync(
      script,
      `import { openUserDb } from ${JSON.stringify(join(root, 'main/library/db/userDb.ts'))};
import { putPosition } from ${JSON.stringify(join(root, 'main/library/db/positions.ts'))};
const { db } = openUserDb(${JSON.stringify(userDb)});
for (let i = 1; i <= 1000; i++) {
  putPosition(db, { id: 'a', block: i, offset: i, quote: 'q' + i, progress: i / 1000, updatedAt: new Date().toISOString() }, { day: '2025-01-01', isPastFirstScreen: true });
  process.stdout.write('ack ' + i + '\\n');
}
setInterval(() => {}, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let lastAck = 0;
    let buffer = '';
    await new Promise<void>((done) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const acks = buffer.match(/ack (\d+)/gu);
        if (acks) lastAck = Number(acks.at(-1)!.slice(4));
        if (lastAck >= 700 && child.exitCode === null) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.once('exit', () => done());
    });
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
    const conn = new Database(userDb);
    const row = conn.prepare("SELECT block FROM positions WHERE id = 'a'").get() as { block: number };
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    conn.close();
    expect(row.block).toBeGreaterThanOrEqual(lastAck);
    recordHardening({ recordsLost: Math.max(0, lastAck - row.block), killsSurvived: 1 });
  }, 60_000);
});
