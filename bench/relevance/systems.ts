/**
 * The three systems the relevance benchmark ranks CISI with. Offprint goes through its real paths: the
 * abstracts become .txt files imported by syncFoldersParallel (what the app's index worker and the CLI
 * run), and each query is searchArticles (what the API's search.query calls), typed as the person wrote it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { openDatabase } from '../../main/library/db/open.ts';
import { searchArticles } from '../../main/library/search.ts';
import { syncFoldersParallel } from '../../main/library/sync.ts';
import type { Cisi } from '../corpus/cisi.ts';
import { CUTOFF, type QueryOutcome } from './metrics.ts';

const fileName = (id: number): string => `${String(id).padStart(4, '0')}.txt`;

export async function rankOffprint(cisi: Cisi, work: string): Promise<QueryOutcome[]> {
  const files = join(work, 'files');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(files, { recursive: true });
  // The .txt importer reads line 1 as the title and blank-line-separated paragraphs as the body.
  for (const d of cisi.docs) writeFileSync(join(files, fileName(d.id)), `${d.title}\n\n${d.body}\n`);
  const db = openDatabase(join(work, 'offprint.db'), indexMigrations);
  try {
    const report = await syncFoldersParallel(db, [{ key: 'cisi', root: files }]);
    if (report.added !== cisi.docs.length) throw new Error(`Offprint imported ${report.added} of ${cisi.docs.length} CISI abstracts`);
    return cisi.queries.map((q) => {
      const { results } = searchArticles(db, q.text, { limit: CUTOFF });
      return { id: q.id, ranked: results.map((r) => Number.parseInt(basename(r.path), 10)), hasResults: results.length > 0 };
    });
  } finally {
    db.close();
  }
}

/** The words of a query as FTS5's unicode61 would split them; each becomes a quoted FTS5 string. */
const words = (q: string): string[] => q.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The usual baseline: plain FTS5 BM25 (default k1 1.2, b 0.75, equal column weights) over the OR of the words. */
export function rankBm25(cisi: Cisi): QueryOutcome[] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO ft (rowid, title, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const d of cisi.docs) insert.run(d.id, d.title, d.body);
    })();
    const search = db.prepare<[string, number], number>('SELECT rowid FROM ft WHERE ft MATCH ? ORDER BY bm25(ft) LIMIT ?').pluck();
    return cisi.queries.map((q) => {
      const match = words(q.text)
        .map((w) => `"${w}"`)
        .join(' OR ');
      const ranked = match === '' ? [] : search.all(match, CUTOFF);
      return { id: q.id, ranked, hasResults: ranked.length > 0 };
    });
  } finally {
    db.close();
  }
}

/** MiniSearch 7 with its defaults: OR of the terms, BM25+, no prefix or fuzzy matching. */
export function rankMiniSearch(cisi: Cisi): QueryOutcome[] {
  const index = new MiniSearch<{ id: number; title: string; body: string }>({ fields: ['title', 'body'] });
  index.addAll(cisi.docs);
  return cisi.queries.map((q) => {
    const found = index.search(q.text);
    return { id: q.id, ranked: found.slice(0, CUTOFF).map((r) => r.id as number), hasResults: found.length > 0 };
  });
}
