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
  byFragment: db.prepare<[string, number], { term: string }>(
    'SELECT term FROM terms_trigram WHERE terms_trigram MATCH ? LIMIT ?',
  ),
  exists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM terms WHERE term = ?'),
}));

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
  })();
  return added;
}

export function termsWithStem(db: Database, stem: string, limit = 32): string[] {
  return statements(db).byStem.all(stem, limit).map((r) => r.term);
}

/** Vocabulary words that contain `fragment` (3+ characters) anywhere. */
export function termsContaining(db: Database, fragment: string, limit = 64): string[] {
  if ([...fragment].length < 3) return [];
  const quoted = `"${fragment.replaceAll('"', '""')}"`;
  return statements(db).byFragment.all(quoted, limit).map((r) => r.term);
}
