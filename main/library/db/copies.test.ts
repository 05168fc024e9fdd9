/**
 * The same file in two folders is one article (copies.ts): searched, listed and counted once, past
 * the first page too; the copy that stands changes only when it goes or is edited.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '../article.ts';
import { searchArticles } from '../search.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { countArticles } from './articles.ts';
import { sameContent } from './copies.ts';
import { folderCounts, listLibrary } from './library.ts';
import { migrate } from './migrate.ts';
import { indexMigrations } from './migrations/indexMigrations.ts';

const DOCS = 25;
const body = (i: number) => `# Heron number ${i}\n\nThe grey heron waits by the water, story ${i} of ${DOCS}.\n`;

let lib: TempLibrary;
const folders = () => [
  { key: 'a', root: join(lib.dir, 'articles', 'a') },
  { key: 'b', root: join(lib.dir, 'articles', 'b') },
];
const sync = () => syncFolders(lib.db, folders());

beforeEach(() => {
  lib = tempLibrary();
  for (let i = 0; i < DOCS; i++) {
    lib.write(`a/heron-${i}.md`, body(i));
    lib.write(`b/copy-of-heron-${i}.md`, body(i));
  }
  lib.write('b/only-here.md', '# Egret\n\nA white egret, in folder b alone.\n');
  sync();
});
afterEach(() => lib.cleanup());

function allSearchIds(q: string, page: number): { total: number; ids: string[] } {
  const ids: string[] = [];
  let total = 0;
  for (let offset = 0; ; offset += page) {
    const r = searchArticles(lib.db, q, { limit: page, offset });
    total = r.total;
    ids.push(...r.results.map((x) => x.id));
    if (r.results.length < page) return { total, ids };
  }
}

function allLibraryIds(folder: string | null, page: number, sort: 'title' | 'date' = 'title'): { total: number; ids: string[] } {
  const ids: string[] = [];
  for (let offset = 0; ; offset += page) {
    const { rows, total } = listLibrary(lib.db, sort, page, offset, folder);
    ids.push(...rows.map((r) => r.id));
    if (offset + page >= total) return { total, ids };
  }
}

describe('copies of one file', () => {
  it('are one search result each, with totals and pages past the first right', () => {
    for (const sort of ['relevance', 'date'] as const) {
      const r = searchArticles(lib.db, 'heron', { limit: 10, sort });
      expect(r.total).toBe(DOCS);
      const all = allSearchIds('heron', 10);
      expect(all.ids).toHaveLength(DOCS);
      expect(new Set(all.ids).size).toBe(DOCS);
    }
    expect(searchArticles(lib.db, '"grey heron waits"').total).toBe(DOCS);
    // A title search by its first letter reads the title index, not the FTS one.
    expect(searchArticles(lib.db, 'h').total).toBe(DOCS);
  });

  it('are one library row each, in the whole library and its counts', () => {
    for (const sort of ['title', 'date'] as const) {
      const all = allLibraryIds(null, 7, sort);
      expect(all.total).toBe(DOCS + 1);
      expect(all.ids).toHaveLength(DOCS + 1);
      expect(new Set(all.ids).size).toBe(DOCS + 1);
    }
    expect(countArticles(lib.db)).toBe(DOCS + 1);
  });

  it('are listed in each folder that holds them, once per folder', () => {
    expect(allLibraryIds('a', 7).total).toBe(DOCS);
    const inB = allLibraryIds('b', 7);
    expect(inB.total).toBe(DOCS + 1);
    expect(inB.ids).toHaveLength(DOCS + 1);
    expect(folderCounts(lib.db)).toEqual(
      new Map([
        ['a', DOCS],
        ['b', DOCS + 1],
      ]),
    );
    // Added twice to one folder: still once there.
    lib.write('b/heron-0 (1).md', body(0));
    sync();
    expect(allLibraryIds('b', 7).total).toBe(DOCS + 1);
    expect(folderCounts(lib.db).get('b')).toBe(DOCS + 1);
    expect(allLibraryIds(null, 7).total).toBe(DOCS + 1);
  });

  it('name every location, the one asked for first', () => {
    const first = searchArticles(lib.db, '"heron number 3"').results[0]!;
    expect(first.path).toBe(join(lib.dir, 'articles', 'a', 'heron-3.md'));
    const same = sameContent(lib.db, first.id)!;
    expect(same.copies.map((c) => c.path)).toEqual([
      join(lib.dir, 'articles', 'a', 'heron-3.md'),
      join(lib.dir, 'articles', 'b', 'copy-of-heron-3.md'),
    ]);
    const other = same.copies[1]!.id;
    expect(sameContent(lib.db, other)!.copies.map((c) => c.id)).toEqual([other, first.id]);
    expect(sameContent(lib.db, other)!.first.id).toBe(first.id);
  });

  it('open at their hits through any copy, a long article too (the index answers for the one that stands)', () => {
    const long = `# Long heron\n\n${'Reeds and water and mud. '.repeat(3000)}\n\nA bittern booms at the end.\n`;
    lib.write('a/long.md', long);
    lib.write('b/long-copy.md', long);
    sync();
    const inB = listLibrary(lib.db, 'title', 100, 0, 'b').rows.find((r) => r.title === 'Long heron')!;
    expect(searchArticles(lib.db, 'bittern').results.map((r) => r.id)).not.toContain(inB.id);
    expect(getArticle(lib.db, inB.id, 'bittern')!.hits).toHaveLength(1);
  });

  it('are searched through the copy that remains when the first is deleted', () => {
    rmSync(join(lib.dir, 'articles', 'a', 'heron-3.md'));
    sync();
    const r = searchArticles(lib.db, '"heron number 3"');
    expect(r.total).toBe(1);
    expect(r.results[0]!.path).toBe(join(lib.dir, 'articles', 'b', 'copy-of-heron-3.md'));
    expect(searchArticles(lib.db, 'heron').total).toBe(DOCS);
  });

  it('are searched through the second folder when the first is gone', () => {
    rmSync(join(lib.dir, 'articles', 'a'), { recursive: true });
    mkdirSync(join(lib.dir, 'articles', 'a'));
    sync();
    expect(searchArticles(lib.db, 'heron').total).toBe(DOCS);
    expect(allLibraryIds(null, 7).total).toBe(DOCS + 1);
    expect(searchArticles(lib.db, '"heron number 7"').results[0]!.path).toBe(join(lib.dir, 'articles', 'b', 'copy-of-heron-7.md'));
  });

  it('split into two articles when one is edited, and join again when it is edited back', () => {
    const edited = join(lib.dir, 'articles', 'b', 'copy-of-heron-5.md');
    writeFileSync(edited, `${body(5)}\nA kingfisher joins it.\n`);
    sync();
    expect(searchArticles(lib.db, '"heron number 5"').total).toBe(2);
    expect(searchArticles(lib.db, 'kingfisher').results.map((r) => r.path)).toEqual([edited]);
    // Its new words reach the vocabulary, so a fragment of one finds it too.
    expect(searchArticles(lib.db, 'ingfish').results.map((r) => r.path)).toEqual([edited]);
    expect(allLibraryIds(null, 7).total).toBe(DOCS + 2);
    writeFileSync(edited, body(5));
    sync();
    expect(searchArticles(lib.db, '"heron number 5"').total).toBe(1);
    expect(searchArticles(lib.db, 'kingfisher').total).toBe(0);
  });

  it('lets the remaining copies stand when the first is edited away from them', () => {
    const first = join(lib.dir, 'articles', 'a', 'heron-9.md');
    writeFileSync(first, '# Something else\n\nNo wading birds here.\n');
    sync();
    const r = searchArticles(lib.db, '"heron number 9"');
    expect(r.results.map((x) => x.path)).toEqual([join(lib.dir, 'articles', 'b', 'copy-of-heron-9.md')]);
    expect(searchArticles(lib.db, 'wading').total).toBe(1);
  });
});

describe('files with the same bytes whose titles differ', () => {
  it('are two articles when each takes its title from its file name', () => {
    // Two notes left as the same template: nothing in them names a title, so each is known by its name.
    const template = '- [ ] water the plants\n- [ ] write to Ines\n';
    lib.write('a/2024-03-05.md', template);
    lib.write('a/2024-03-06.md', template);
    sync();
    const titles = searchArticles(lib.db, 'plants').results.map((r) => r.title);
    expect(titles.sort()).toEqual(['2024-03-05', '2024-03-06']);
    expect(listLibrary(lib.db, 'title', 100, 0, 'a').rows.filter((r) => r.title.startsWith('2024-')).length).toBe(2);
  });
});

describe('migration 005', () => {
  it('sorts out the copies of an index built before it: one stands, the others leave the FTS index', () => {
    const db = new Database(join(lib.dir, 'old.db'));
    migrate(db, indexMigrations.slice(0, 4));
    const insert = db.prepare(
      `INSERT INTO articles (id, folder, relpath, path, size, mtime_ms, hash, format, title, title_key, tags, text, word_count)
       VALUES (?, 'k', ?, ?, 1, 0, ?, 'txt', 'T', 't', '[]', 'owl', 1)`,
    );
    const fts = db.prepare("INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, 'T', '', 'owl')");
    for (const [i, hash] of ['x', 'y', 'x', 'x'].entries()) fts.run(insert.run(`id${i}`, `${i}.txt`, `/k/${i}.txt`, hash).lastInsertRowid);
    migrate(db, indexMigrations);
    expect(db.prepare('SELECT rowid FROM copies ORDER BY rowid').pluck().all()).toEqual([3, 4]);
    expect(db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'owl' ORDER BY rowid").pluck().all()).toEqual([1, 2]);
    expect(countArticles(db)).toBe(2);
    db.close();
  });
});
