/**
 * "By title" in the reader's alphabet, as SQL pages it: the oracle is Intl.Collator's order (in the
 * locale the keys were made in), across page boundaries; and an index made before sort keys existed
 * gets them when it opens.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCollation } from '../text/collation.ts';
import { syncFolders } from '../sync.ts';
import { COLLATION_TITLES, tempLibrary, type TempLibrary } from '../testing.ts';
import { openIndexDb } from './indexDb.ts';
import { listLibrary } from './library.ts';
import { migrate } from './migrate.ts';
import { indexMigrations } from './migrations/indexMigrations.ts';
import { TOKENIZER_VERSION } from './tokenizerVersion.ts';

const PAGE = 7;
const inCollatorOrder = () => [...COLLATION_TITLES].sort(new Intl.Collator(defaultCollation().locale).compare);

function allPages(db: Database.Database): string[] {
  const titles: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows, total } = listLibrary(db, 'title', PAGE, offset, null);
    titles.push(...rows.map((r) => r.title));
    if (offset + PAGE >= total) return titles;
  }
}

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  COLLATION_TITLES.forEach((title, i) => lib.write(`${i}.txt`, `${title}\n\nAn article called ${title}.`));
  syncFolders(lib.db, [{ key: 'k', root: join(lib.dir, 'articles') }]);
});
afterAll(() => lib.cleanup());

describe('the library by title', () => {
  it('pages in the order Intl.Collator gives, across page boundaries', () => {
    expect(allPages(lib.db)).toEqual(inCollatorOrder());
  });

  it('puts Ægir among the a’s, before Zebra', () => {
    const titles = allPages(lib.db);
    expect(titles.indexOf('Ægir')).toBeLessThan(titles.indexOf('Zebra'));
  });

  it('gives an index made before sort keys existed its keys when it opens', () => {
    const path = join(lib.dir, 'old-index.db');
    const old = new Database(path);
    migrate(old, indexMigrations.slice(0, 3));
    old.prepare("INSERT INTO folders (key, root) VALUES ('k', '/k')").run();
    // Made by this tokenizer: otherwise the index is emptied for re-import, and there is nothing to sort.
    old.prepare("INSERT INTO meta (key, value) VALUES ('tokenizer_version', ?)").run(TOKENIZER_VERSION);
    const insert = old.prepare(
      `INSERT INTO articles (id, folder, relpath, path, size, mtime_ms, hash, format, title, title_key, tags, text, word_count)
       VALUES (?, 'k', ?, ?, 1, 0, ?, 'txt', ?, ?, '[]', 'text', 1)`,
    );
    // Each its own content: articles of one hash would be copies of one document (migration 005).
    COLLATION_TITLES.forEach((title, i) => insert.run(`id${i}`, `${i}.txt`, `/k/${i}.txt`, `h${i}`, title, title.toLowerCase()));
    old.close();
    const { db } = openIndexDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(indexMigrations.at(-1)!.version);
    expect(allPages(db)).toEqual(inCollatorOrder());
    db.close();
  });
});
