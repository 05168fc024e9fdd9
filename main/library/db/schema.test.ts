import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { libraryByTitleSql } from './library.ts';
import { shelfSql } from './positions.ts';
import { indexMigrations } from './migrations/indexMigrations.ts';
import { userMigrations } from './migrations/userMigrations.ts';

function schemaOf(migrations: Parameters<typeof migrate>[1]): string {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name').all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  db.close();
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+/gu, ' ').trim()};`).join('\n');
}

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('migrations', () => {
  it('builds the index schema from zero exactly as the snapshot', async () => {
    await expect(schemaOf(indexMigrations)).toMatchFileSnapshot('./__snapshots__/index-schema.sql');
  });

  it('builds the user schema from zero exactly as the snapshot', async () => {
    await expect(schemaOf(userMigrations)).toMatchFileSnapshot('./__snapshots__/user-schema.sql');
  });

  it('sets user_version to the last migration and runs nothing twice', () => {
    const db = new Database(':memory:');
    expect(migrate(db, indexMigrations)).toBe(indexMigrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(indexMigrations.at(-1)!.version);
    expect(migrate(db, indexMigrations)).toBe(0);
    db.close();
  });

  it('refuses a database newer than this version of Offprint', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db, indexMigrations)).toThrow(/newer/);
    db.close();
  });
});

describe('query plans of hot queries', () => {
  const db = new Database(':memory:');
  migrate(db, indexMigrations);

  it('search reads the FTS index, not a table scan', () => {
    expect(
      plan(db, 'SELECT rowid, bm25(articles_fts) AS bm FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm LIMIT 20', '"moon"'),
    ).toMatch(/SCAN articles_fts VIRTUAL TABLE INDEX/);
  });

  it('an article by id uses its unique index', () => {
    expect(plan(db, 'SELECT * FROM articles WHERE id = ?', 'x')).toMatch(
      /SEARCH articles USING INDEX sqlite_autoindex_articles_1 \(id=\?\)/,
    );
  });

  it('an article by rowid uses the primary key', () => {
    expect(plan(db, 'SELECT * FROM articles WHERE rowid = ?', 1)).toContain('SEARCH articles USING INTEGER PRIMARY KEY');
  });

  it('a library page walks the sort key index and leaves out copies by reading the copies table alone', () => {
    for (const folder of [null, 'k']) {
      const p = plan(db, libraryByTitleSql, { folder, format: null, limit: 20, offset: 0 });
      expect(p).toMatch(/SCAN articles USING INDEX articles_sort_key/);
      // Not correlated: the copies to leave out are found once per page, from the copies table outward.
      expect(p).toMatch(/LIST SUBQUERY/);
      expect(p).toMatch(/SCAN c\b/);
      expect(p).not.toMatch(/SCAN a\b/);
    }
  });

  it('the copies of an article are found through the hash index', () => {
    expect(plan(db, 'SELECT k.id FROM articles a JOIN articles k ON k.hash = a.hash WHERE a.id = ? ORDER BY k.rowid', 'x')).toMatch(
      /SEARCH k USING (COVERING )?INDEX articles_by_hash \(hash=\?\)/,
    );
  });

  it('an exact title looks up its index', () => {
    expect(plan(db, 'SELECT rowid FROM articles WHERE title_key = ?', 'x')).toMatch(/USING (COVERING )?INDEX articles_title_key/);
  });

  it('the start-up scan reads file stamps from an index alone, never the article rows', () => {
    expect(plan(db, 'SELECT rowid, relpath, size, mtime_ms FROM articles WHERE folder = ?', 'x')).toMatch(
      /USING COVERING INDEX articles_file_stamps/,
    );
  });

  it('a word’s stem variants use the stem index', () => {
    expect(plan(db, 'SELECT term FROM terms WHERE stem = ?', 'x')).toMatch(/USING INDEX terms_stem/);
  });

  it('the library by date and by title walk an index instead of sorting every article', () => {
    const byDate = plan(db, 'SELECT id FROM articles ORDER BY date IS NULL, date DESC, rowid DESC LIMIT 20');
    expect(byDate).toMatch(/SCAN articles USING INDEX articles_by_date/);
    expect(byDate).not.toMatch(/TEMP B-TREE/);
    expect(plan(db, 'SELECT id FROM articles ORDER BY sort_key, rowid LIMIT 20')).not.toMatch(/TEMP B-TREE/);
  });

  it('an article’s highlights and its reading position use their indexes', () => {
    const user = new Database(':memory:');
    migrate(user, userMigrations);
    expect(plan(user, 'SELECT * FROM highlights WHERE id = ? AND deleted_at IS NULL ORDER BY start_block, start_offset', 'x')).toMatch(
      /USING INDEX highlights_article/,
    );
    expect(plan(user, 'SELECT * FROM highlights WHERE id = ? AND deleted_at IS NULL ORDER BY start_block, start_offset', 'x')).not.toMatch(
      /TEMP B-TREE/,
    );
    expect(plan(user, 'SELECT * FROM positions WHERE id = ?', 'x')).toMatch(/USING INDEX sqlite_autoindex_positions_1/);
    user.close();
  });

  it('the Continue reading shelf walks its partial index, newest first, without sorting', () => {
    const user = new Database(':memory:');
    migrate(user, userMigrations);
    const shelf = plan(user, shelfSql, 12);
    expect(shelf).toMatch(/SCAN positions USING INDEX positions_shelf/);
    expect(shelf).not.toMatch(/TEMP B-TREE/);
    user.close();
  });
});
