/**
 * The simplest FTS5 index: one plain fts5(title, body) table holding its own copy of the text, one
 * transaction. It is the "bare FTS5" the query latencies are compared with (bm25 + snippet, top 20).
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadCorpus } from '../corpus/load.ts';
import { fts5Match } from '../queries.ts';
import { stopwatch, timeQueries } from '../stats.ts';
import { childContext, emit, log, paths, readQueries } from './common.ts';
import { checkpointedMb, offprintPragmas } from './sqlite.ts';

const ctx = childContext();
const p = paths(ctx.work);
const docs = loadCorpus(ctx.spec);

for (const suffix of ['', '-wal', '-shm']) rmSync(p.fts5PlainDb + suffix, { force: true });
const db = new Database(p.fts5PlainDb);
offprintPragmas(db);
db.exec('CREATE VIRTUAL TABLE ft USING fts5(title, body)');
const insert = db.prepare('INSERT INTO ft (rowid, title, body) VALUES (?, ?, ?)');

const clock = stopwatch();
db.transaction(() => {
  docs.forEach((d, i) => insert.run(i + 1, d.title, d.body));
})();
const seconds = clock.seconds();
const cpuSeconds = clock.cpuSeconds();
const dbMb = checkpointedMb(db, p.fts5PlainDb);
log(`fts5_plain: ${seconds} s, ${dbMb.toFixed(1)} MB`);

// The form from shared/research/perf.md ("spec"): rank and snippet in one statement.
const search = db.prepare(
  `SELECT rowid, bm25(ft, 10.0, 1.0) AS r, snippet(ft, 1, char(2), char(3), '…', 12) AS snip
   FROM ft WHERE ft MATCH ? ORDER BY r LIMIT 20`,
);
const query = timeQueries(readQueries(ctx.work), (q) => search.all(fts5Match(q)).length);
db.close();
emit({ seconds, cpu_seconds: cpuSeconds, db_mb: dbMb, query });
