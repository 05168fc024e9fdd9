-- index highlights_article
CREATE INDEX highlights_article ON highlights (id, start_block, start_offset);
-- index highlights_deleted
CREATE INDEX highlights_deleted ON highlights (deleted_at) WHERE deleted_at IS NOT NULL;
-- index positions_shelf
CREATE INDEX positions_shelf ON positions (updated_at) WHERE progress < 0.98 AND dismissed_day IS NULL AND (past_first_screen = 1 OR days >= 2);
-- table folders
CREATE TABLE folders ( key TEXT PRIMARY KEY, root TEXT NOT NULL, added_at TEXT NOT NULL ) STRICT;
-- table highlights
CREATE TABLE "highlights" ( hid TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, start_block INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_block INTEGER NOT NULL, end_offset INTEGER NOT NULL, quote TEXT NOT NULL, note TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, anchored_to TEXT NOT NULL DEFAULT '', text_changed INTEGER NOT NULL DEFAULT 0, deleted_at TEXT ) STRICT;
-- table positions
CREATE TABLE positions ( id TEXT PRIMARY KEY, block INTEGER NOT NULL, offset INTEGER NOT NULL, quote TEXT NOT NULL, progress REAL NOT NULL, updated_at TEXT NOT NULL , past_first_screen INTEGER NOT NULL DEFAULT 0, last_day TEXT NOT NULL DEFAULT '', days INTEGER NOT NULL DEFAULT 1, dismissed_day TEXT, hash TEXT) STRICT;
-- table settings
CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL ) STRICT;