import type { Database } from 'better-sqlite3';

/**
 * Typo corrections: for each vocabulary word of 4 or more letters (Latin, Greek, Cyrillic), every form
 * with one letter deleted. A misspelled query word finds its candidates by looking up itself and its own
 * one-letter deletions here (a symmetric deletion index), each an index seek, whatever the vocabulary's size.
 */
export function up(db: Database): void {
  // The rule as it was when this migration shipped (text/edits.ts keeps it since; a change there gets a migration of its own).
  const correctable = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{4,23}$/u;
  const deletesOf = (word: string): string[] => {
    const chars = [...word];
    if (!correctable.test(word)) return [];
    return [...new Set(chars.map((_, i) => chars.slice(0, i).join('') + chars.slice(i + 1).join('')))];
  };
  db.exec(`
    CREATE TABLE term_deletes (
      del TEXT NOT NULL,
      term INTEGER NOT NULL,
      PRIMARY KEY (del, term)
    ) STRICT, WITHOUT ROWID;
  `);
  const insert = db.prepare<[string, number]>('INSERT OR IGNORE INTO term_deletes (del, term) VALUES (?, ?)');
  for (const { rowid, term } of db.prepare<[], { rowid: number; term: string }>('SELECT rowid, term FROM terms').iterate()) {
    for (const del of deletesOf(term)) insert.run(del, rowid);
  }
}
