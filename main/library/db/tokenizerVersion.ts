import type { Database } from 'better-sqlite3';
import { statementCache } from './statements.ts';

/**
 * What the index holds depends on how text is prepared for FTS5 (text/fold.ts indexText) and on how files
 * become blocks (import/). When either changes, this number goes up, and an index made the old way is
 * emptied so the next sync re-imports every article the new way. User data lives in the other database
 * and is untouched; highlights find their words again in the new blocks (highlights.ts).
 * 3: tables became table blocks instead of one paragraph per row.
 * 4: plain text gets headings (`== History ==`, underlined lines, chapter titles; import/txtHeadings.ts).
 * 5: EPUB books: links between chapters point at blocks, non-linear documents follow the reading order,
 *    notes in asides are kept, and the identifier is the source (import/epub.ts).
 */
export const TOKENIZER_VERSION = '5';

const statements = statementCache((db) => ({
  get: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'tokenizer_version'"),
  set: db.prepare<[string]>("INSERT OR REPLACE INTO meta (key, value) VALUES ('tokenizer_version', ?)"),
}));

/** Returns true when the index was emptied for re-import. */
export function ensureTokenizerVersion(db: Database): boolean {
  const stored = statements(db).get.get()?.value;
  if (stored === TOKENIZER_VERSION) return false;
  const hasArticles = db.prepare('SELECT 1 FROM articles LIMIT 1').get() !== undefined;
  db.transaction(() => {
    if (hasArticles) {
      db.exec(`DELETE FROM articles; DELETE FROM import_errors; DELETE FROM terms;
        INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
        INSERT INTO terms_trigram (terms_trigram) VALUES ('delete-all');`);
    }
    statements(db).set.run(TOKENIZER_VERSION);
  })();
  return hasArticles;
}
