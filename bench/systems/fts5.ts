/**
 * Bare FTS5 configured exactly like Offprint's index (its migrations run here): the same
 * articles table holding the text, the contentless articles_fts with unicode61 remove_diacritics 2 and
 * prefix '2 3', and the terms vocabulary with its trigram index, filled in SQL. Written
 * with raw prepared statements in one transaction, so Offprint's time over this is its own overhead
 * (files, parsing, hashing, batching, the terms vocabulary), not SQLite's.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadCorpus } from '../corpus/load.ts';
import { relPathOf } from '../corpus/files.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { indexText } from '../../main/library/text/fold.ts';
import { fts5Match } from '../queries.ts';
import { stopwatch, timeQueries } from '../stats.ts';
import { childContext, emit, log, paths, readQueries } from './common.ts';
import { checkpointedMb, offprintPragmas } from './sqlite.ts';

const ctx = childContext();
const p = paths(ctx.work);
const docs = loadCorpus(ctx.spec);

// Everything Offprint derives per article is computed here, before the clock starts.
const rows = docs.map((d, i) => {
  const relpath = relPathOf(i);
  return {
    id: createHash('sha256').update(relpath).digest('base64url').slice(0, 16),
    relpath,
    path: `${p.files}/${relpath}`,
    size: Buffer.byteLength(d.body),
    hash: createHash('sha1').update(d.body).digest('hex'),
    title: d.title,
    titleKey: d.title.toLowerCase(),
    text: d.body,
    wordCount: d.body.split(/\s+/u).length,
    ftsTitle: indexText(d.title),
    ftsBody: indexText(d.body),
  };
});

for (const suffix of ['', '-wal', '-shm']) rmSync(p.fts5Db + suffix, { force: true });
const db = new Database(p.fts5Db);
offprintPragmas(db);
// Offprint's own schema, from its migrations: the same tables, indexes and vocabulary tables.
for (const m of indexMigrations) m.up(db);
const insertArticle = db.prepare(
  `INSERT INTO articles (rowid, id, folder, relpath, path, size, mtime_ms, hash, format, title, title_key, author, date,
     source, language, dir, tags, text, blocks, word_count)
   VALUES (?, ?, 'bench', ?, ?, ?, 0, ?, 'txt', ?, ?, NULL, NULL, NULL, NULL, NULL, '[]', ?, NULL, ?)`,
);
const insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)');

const clock = stopwatch();
db.transaction(() => {
  rows.forEach((r, i) => {
    insertArticle.run(i + 1, r.id, r.relpath, r.path, r.size, r.hash, r.title, r.titleKey, r.text, r.wordCount);
    insertFts.run(i + 1, r.ftsTitle, '', r.ftsBody);
  });
  // The vocabulary Offprint keeps for stems and fragments, in SQL alone (a word is its own stem here).
  db.exec(`INSERT INTO terms (term, stem) SELECT term, term FROM articles_vocab;
    INSERT INTO terms_trigram (rowid, term) SELECT rowid, term FROM terms WHERE length(term) >= 3;`);
})();
const seconds = clock.seconds();
const cpuSeconds = clock.cpuSeconds();
const dbMb = checkpointedMb(db, p.fts5Db);
log(`fts5 (Offprint's schema, raw SQL): ${seconds} s, ${dbMb.toFixed(1)} MB`);

// Contentless: no snippet() here, so this is ranking alone (Offprint cuts its snippets in JS).
const ranked = db.prepare(
  'SELECT rowid, bm25(articles_fts, 10.0, 4.0, 1.0) AS bm FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm LIMIT 20',
);
const query = timeQueries(readQueries(ctx.work), (q) => ranked.all(fts5Match(q)).length);
db.close();
emit({ seconds, cpu_seconds: cpuSeconds, db_mb: dbMb, query });
