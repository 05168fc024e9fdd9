import type { Database } from 'better-sqlite3';

/**
 * Highlights that span blocks: a start and an end point (block + offset each) instead of one block,
 * a trash for undo (`deleted_at`), and what re-import needs: `anchored_to`, the article version the
 * points were last checked against (db/highlights.ts), and `text_changed` when the quote is no longer
 * in the article. Every landed highlight becomes one that starts and ends in its block; it is
 * checked against its article on the next sync, since '' matches no article version.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE highlights_v2 (
      hid TEXT PRIMARY KEY,
      id TEXT NOT NULL,
      title TEXT NOT NULL,
      start_block INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,
      end_block INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      quote TEXT NOT NULL,
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      anchored_to TEXT NOT NULL DEFAULT '',
      text_changed INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT
    ) STRICT;
    INSERT INTO highlights_v2 (hid, id, title, start_block, start_offset, end_block, end_offset, quote, note, created_at, updated_at)
      SELECT hid, id, title, block, start, block, "end", quote, note, created_at, updated_at FROM highlights;
    DROP TABLE highlights;
    ALTER TABLE highlights_v2 RENAME TO highlights;
    CREATE INDEX highlights_article ON highlights (id, start_block, start_offset);
    CREATE INDEX highlights_deleted ON highlights (deleted_at) WHERE deleted_at IS NOT NULL;
  `);
}
