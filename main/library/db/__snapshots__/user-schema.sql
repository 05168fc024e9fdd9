-- index highlights_article
CREATE INDEX highlights_article ON highlights (id, block, start);
-- index positions_updated
CREATE INDEX positions_updated ON positions (updated_at);
-- table folders
CREATE TABLE folders ( key TEXT PRIMARY KEY, root TEXT NOT NULL, added_at TEXT NOT NULL ) STRICT;
-- table highlights
CREATE TABLE highlights ( hid TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, block INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, quote TEXT NOT NULL, note TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;
-- table positions
CREATE TABLE positions ( id TEXT PRIMARY KEY, block INTEGER NOT NULL, offset INTEGER NOT NULL, quote TEXT NOT NULL, progress REAL NOT NULL, updated_at TEXT NOT NULL ) STRICT;
-- table settings
CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL ) STRICT;