import type { Database } from 'better-sqlite3';

/**
 * The index database: everything here can be rebuilt from the article files.
 * The FTS table is contentless: article text lives once, in `articles.text`, and snippets are cut in JS.
 * Text in spaceless scripts is indexed one character per token (see text/fold.ts), and `terms`
 * keeps the vocabulary with stems and a trigram index, for stemming and fragments inside words.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE folders (
      key TEXT PRIMARY KEY,
      root TEXT NOT NULL
    ) STRICT;

    CREATE TABLE articles (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      folder TEXT NOT NULL,
      relpath TEXT NOT NULL,
      path TEXT NOT NULL,
      size INTEGER NOT NULL,
      mtime_ms INTEGER NOT NULL,
      hash TEXT NOT NULL,
      format TEXT NOT NULL,
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,
      author TEXT,
      date TEXT,
      source TEXT,
      language TEXT,
      dir TEXT,
      tags TEXT NOT NULL,
      text TEXT NOT NULL,
      blocks TEXT,
      word_count INTEGER NOT NULL,
      UNIQUE (folder, relpath)
    ) STRICT;
    CREATE INDEX articles_title_key ON articles (title_key);
    CREATE INDEX articles_by_date ON articles (date IS NULL, date DESC, rowid DESC);

    CREATE VIRTUAL TABLE articles_fts USING fts5 (
      title, author, body,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');

    CREATE TABLE terms (
      rowid INTEGER PRIMARY KEY,
      term TEXT NOT NULL UNIQUE,
      stem TEXT NOT NULL
    ) STRICT;
    CREATE INDEX terms_stem ON terms (stem);
    CREATE VIRTUAL TABLE terms_trigram USING fts5 (
      term, content = 'terms', content_rowid = 'rowid', tokenize = 'trigram'
    );

    CREATE TABLE import_errors (
      folder TEXT NOT NULL,
      relpath TEXT NOT NULL,
      path TEXT NOT NULL,
      code TEXT NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (folder, relpath)
    ) STRICT;

    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
