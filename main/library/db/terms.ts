import type { Database } from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { statementCache } from './statements.ts';

/** Porter stems for English-looking words; other scripts are their own stem. */
export function stemOf(term: string): string {
  return /^[a-z]+$/.test(term) && term.length > 2 ? stemmer(term) : term;
}

const statements = statementCache((db) => ({
  newTerms: db.prepare<[], { term: string }>(
    `SELECT v.term FROM articles_vocab v WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.term = v.term)`,
  ),
  insertTerm: db.prepare<[string, string]>('INSERT INTO terms (term, stem) VALUES (?, ?)'),
  insertTrigram: db.prepare<[number, string]>('INSERT INTO terms_trigram (rowid, term) VALUES (?, ?)'),
  byStem: db.prepare<[string, number], { term: string }>('SELECT term FROM terms WHERE stem = ? LIMIT ?'),
  byFragment: db.prepare<[string, number], { term: string }>('SELECT term FROM terms_trigram WHERE terms_trigram MATCH ? LIMIT ?'),
  exists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM terms WHERE term = ?'),
  startingWith: db
    .prepare<[string, string, number], string>('SELECT term FROM terms WHERE term > ? AND term < ? ORDER BY term LIMIT ?')
    .pluck(),
  isStale: db.prepare<[], number>("SELECT 1 FROM meta WHERE key = 'terms_stale'").pluck(),
  markStale: db.prepare<[]>("INSERT OR IGNORE INTO meta (key, value) VALUES ('terms_stale', '1')"),
  markFresh: db.prepare<[]>("DELETE FROM meta WHERE key = 'terms_stale'"),
}));

/**
 * Marks the vocabulary as behind the index: an import writes articles now and adds their words at
 * the end. Until then, lookups that must see every word (prefix completions) fall back to FTS5.
 * Call inside the transaction that writes the articles.
 */
export function markTermsStale(db: Database): void {
  statements(db).markStale.run();
}

/** True when articles were written since the last refreshTerms (also after a crash in between). */
export function termsAreStale(db: Database): boolean {
  return statements(db).isStale.get() !== undefined;
}

/**
 * Adds the index's new words to the vocabulary. Words whose last article went stay behind:
 * they then expand to a term with no hits, which costs nothing.
 */
export function refreshTerms(db: Database): number {
  const s = statements(db);
  let added = 0;
  db.transaction(() => {
    const fresh = s.newTerms.all();
    for (const { term } of fresh) {
      const rowid = Number(s.insertTerm.run(term, stemOf(term)).lastInsertRowid);
      if (term.length >= 3) s.insertTrigram.run(rowid, term);
      added++;
    }
    s.markFresh.run();
  })();
  return added;
}

export function termsWithStem(db: Database, stem: string, limit = 32): string[] {
  return statements(db)
    .byStem.all(stem, limit)
    .map((r) => r.term);
}

/**
 * The words in the index that start with `prefix` (and are longer), or null when there are more than
 * `limit` or the vocabulary is behind the index, in which case only FTS5's own prefix query is complete.
 */
export function completionsOf(db: Database, prefix: string, limit: number): string[] | null {
  if (termsAreStale(db)) return null;
  const found = statements(db).startingWith.all(prefix, `${prefix}\u{10FFFF}`, limit + 1);
  return found.length > limit ? null : found;
}

/** Vocabulary words that contain `fragment` (3+ characters) anywhere. */
export function termsContaining(db: Database, fragment: string, limit = 64): string[] {
  if ([...fragment].length < 3) return [];
  const quoted = `"${fragment.replaceAll('"', '""')}"`;
  return statements(db)
    .byFragment.all(quoted, limit)
    .map((r) => r.term);
}
