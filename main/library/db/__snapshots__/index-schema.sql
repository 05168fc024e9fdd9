-- index articles_by_date
CREATE INDEX articles_by_date ON articles (date IS NULL, date DESC, rowid DESC);
-- index articles_by_hash
CREATE INDEX articles_by_hash ON articles (hash);
-- index articles_file_stamps
CREATE INDEX articles_file_stamps ON articles (folder, relpath, size, mtime_ms);
-- index articles_sort_key
CREATE INDEX articles_sort_key ON articles (sort_key);
-- index articles_title_key
CREATE INDEX articles_title_key ON articles (title_key);
-- index terms_stem
CREATE INDEX terms_stem ON terms (stem);
-- table articles
CREATE TABLE articles ( rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, folder TEXT NOT NULL, relpath TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, hash TEXT NOT NULL, format TEXT NOT NULL, title TEXT NOT NULL, title_key TEXT NOT NULL, author TEXT, date TEXT, source TEXT, language TEXT, dir TEXT, tags TEXT NOT NULL, text TEXT NOT NULL, blocks TEXT, word_count INTEGER NOT NULL, sort_key TEXT NOT NULL DEFAULT '', UNIQUE (folder, relpath) ) STRICT;
-- table articles_fts
CREATE VIRTUAL TABLE articles_fts USING fts5 ( title, author, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3' );
-- table articles_fts_config
CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table articles_fts_data
CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table articles_fts_docsize
CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);
-- table articles_fts_idx
CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table articles_vocab
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');
-- table copies
CREATE TABLE copies (rowid INTEGER PRIMARY KEY) STRICT;
-- table folders
CREATE TABLE folders ( key TEXT PRIMARY KEY, root TEXT NOT NULL ) STRICT;
-- table import_errors
CREATE TABLE import_errors ( folder TEXT NOT NULL, relpath TEXT NOT NULL, path TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (folder, relpath) ) STRICT;
-- table meta
CREATE TABLE meta ( key TEXT PRIMARY KEY, value TEXT NOT NULL ) STRICT;
-- table term_deletes
CREATE TABLE term_deletes ( del TEXT NOT NULL, term INTEGER NOT NULL, PRIMARY KEY (del, term) ) STRICT, WITHOUT ROWID;
-- table terms
CREATE TABLE terms ( rowid INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, stem TEXT NOT NULL ) STRICT;
-- table terms_trigram
CREATE VIRTUAL TABLE terms_trigram USING fts5 ( term, content = 'terms', content_rowid = 'rowid', tokenize = 'trigram' );
-- table terms_trigram_config
CREATE TABLE 'terms_trigram_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table terms_trigram_data
CREATE TABLE 'terms_trigram_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table terms_trigram_docsize
CREATE TABLE 'terms_trigram_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table terms_trigram_idx
CREATE TABLE 'terms_trigram_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;