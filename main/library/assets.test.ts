import { cpSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from './article.ts';
import { searchArticles } from './search.ts';
import { openAsset, srcPath, type OpenedAsset } from './assets.ts';
import { simpleBook } from './import/epubTestBook.ts';
import { documentId, syncFolders } from './sync.ts';
import { assetBytes, tempLibrary, type TempLibrary } from './testing.ts';

let lib: TempLibrary;
let id: string;
beforeEach(() => {
  lib = tempLibrary();
  lib.write('a.md', '# Pictures\n\n![pic](img/pic.png) ![up](../private/pic.png)');
  lib.write('img/pic.png', 'inside picture');
  mkdirSync(join(lib.dir, 'private'));
  writeFileSync(join(lib.dir, 'private', 'pic.png'), 'private picture');
  syncFolders(lib.db, [{ key: 'f', root: join(lib.dir, 'articles') }]);
  id = documentId('f', 'a.md');
});
afterEach(() => lib.cleanup());

const contents = (asset: OpenedAsset | null): string | null => assetBytes(asset)?.toString('utf8') ?? null;

describe('openAsset', () => {
  it('opens an article’s image inside its folder, with its type and size', () => {
    const asset = openAsset(lib.db, id, 'img/pic.png');
    expect(asset).toMatchObject({ type: 'image/png', size: 14 });
    expect(contents(asset)).toBe('inside picture');
  });

  it('refuses an image outside the folder, and one of another type', () => {
    expect(openAsset(lib.db, id, '../private/pic.png')).toBeNull();
    lib.write('img/notes.txt', 'text');
    expect(openAsset(lib.db, id, 'img/notes.txt')).toBeNull();
  });

  it.each(['fd', 'inodes'] as const)(
    'refuses an image whose folder is swapped for a link to an outside folder just before the open (%s check)',
    (check) => {
      let swapped = false;
      const swap = () => {
        renameSync(join(lib.dir, 'articles', 'img'), join(lib.dir, 'articles', 'img.away'));
        symlinkSync(join(lib.dir, 'private'), join(lib.dir, 'articles', 'img'));
        swapped = true;
      };
      expect(contents(openAsset(lib.db, id, 'img/pic.png', undefined, { beforeOpen: swap, check }))).toBeNull();
      expect(swapped).toBe(true);
    },
  );
});

describe('openAsset for a picture inside an EPUB', () => {
  const bookId = () => documentId('f', 'books/pictured.epub');
  beforeEach(() => {
    lib.write(
      'books/pictured.epub',
      simpleBook('<dc:title>Pictured</dc:title>', ['<p>Look:</p><p><img src="../images/pic%20one.png" alt="A picture"/></p>'], {
        'OEBPS/images/pic one.png': 'book picture',
        'OEBPS/images/notes.txt': 'not a picture',
      }),
    );
    syncFolders(lib.db, [{ key: 'f', root: join(lib.dir, 'articles') }]);
  });

  it('keeps the picture as a figure whose src is its path inside the book, and serves it from the zip', () => {
    const article = getArticle(lib.db, bookId());
    expect(article?.blocks.find((b) => b.type === 'figure')).toMatchObject({ src: 'OEBPS/images/pic one.png', alt: 'A picture' });
    const asset = openAsset(lib.db, bookId(), 'OEBPS/images/pic one.png');
    expect(asset).toMatchObject({ type: 'image/png', size: 12 });
    expect(contents(asset)).toBe('book picture');
  });

  it('serves nothing the book does not hold as a picture, nor any path out of it', () => {
    for (const src of [
      'OEBPS/images/missing.png',
      'OEBPS/images/notes.txt',
      '../img/pic.png',
      'OEBPS/../../img/pic.png',
      '/OEBPS/images/pic one.png',
    ])
      expect(contents(openAsset(lib.db, bookId(), src)), src).toBeNull();
  });
});

describe('openAsset for a page saved as "Web page, complete"', () => {
  // test/fixtures/saved-pages/SOURCES: the Wikipedia page beside its Node.js - Wikipedia_files/ folder.
  const complete = fileURLToPath(new URL('../../test/fixtures/saved-pages/complete/', import.meta.url));
  let saved: TempLibrary;
  const page = 'saved/Node.js - Wikipedia.html';
  beforeEach(() => {
    saved = tempLibrary();
    cpSync(complete, join(saved.dir, 'articles', 'saved'), { recursive: true });
    // Chrome also saves a page's frames into the folder: part of the page, not an article.
    saved.write(
      'saved/Node.js - Wikipedia_files/frame.html',
      '<title>Frame</title><p>Node.js was originally written by Ryan Dahl in 2009, in a frame.</p>',
    );
    syncFolders(saved.db, [{ key: 'f', root: join(saved.dir, 'articles') }]);
  });
  afterEach(() => saved.cleanup());

  it('is one article, and its pictures are served from the folder beside it', () => {
    const hits = searchArticles(saved.db, '"Node.js was originally written by Ryan Dahl in 2009"').results;
    expect(hits.map((r) => r.path.split('/').slice(-2).join('/'))).toEqual([page]);
    const srcs = getArticle(saved.db, documentId('f', page))!.blocks.flatMap((b) => (b.type === 'figure' ? [b.src] : []));
    const local = srcs.filter((src) => src.startsWith('./'));
    expect(local).toEqual([
      './Node.js%20-%20Wikipedia_files/220px-Node.js_logo.svg.png',
      './Node.js%20-%20Wikipedia_files/220px-Ryan_Dahl.jpg',
    ]);
    const jpeg = openAsset(saved.db, documentId('f', page), srcPath(local[1]!));
    expect(jpeg?.type).toBe('image/jpeg');
    expect([...Buffer.from(assetBytes(jpeg)!).subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });
});

describe('openAsset for the pictures SingleFile writes into a page', () => {
  // test/fixtures/saved-pages/SOURCES: a real SingleFile save, every picture a data: URI.
  const fixture = new URL('../../test/fixtures/saved-pages/singlefile-wikipedia-nodejs.html', import.meta.url);
  let saved: TempLibrary;
  beforeEach(() => {
    saved = tempLibrary();
    saved.write('nodejs.html', readFileSync(fixture));
    saved.write('notes.html', '<title>Notes</title><p>A picture whose src only looks like a key: <img src="offprint-inline/0.png"></p>');
    syncFolders(saved.db, [{ key: 'f', root: join(saved.dir, 'articles') }]);
  });
  afterEach(() => saved.cleanup());

  const figureSrcs = (name: string): string[] =>
    getArticle(saved.db, documentId('f', name))!.blocks.flatMap((b) => (b.type === 'figure' ? [b.src] : []));

  it('keeps no base64 in the article: each picture is named by its place in the page', () => {
    const srcs = figureSrcs('nodejs.html');
    expect(srcs.length).toBeGreaterThanOrEqual(2);
    expect(srcs.every((src) => /^offprint-inline\/\d+\.(png|jpg|gif|webp)$/u.test(src))).toBe(true);
  });

  it('serves each from inside the file, as the type it says it is', () => {
    const [png, jpeg] = ['png', 'jpg'].map((ext) => figureSrcs('nodejs.html').find((src) => src.endsWith(`.${ext}`))!);
    const logo = openAsset(saved.db, documentId('f', 'nodejs.html'), png!);
    expect(logo?.type).toBe('image/png');
    expect([...assetBytes(logo)!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const photo = openAsset(saved.db, documentId('f', 'nodejs.html'), jpeg!);
    expect([...assetBytes(photo)!.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('refuses a key past the last picture, or with another type than the picture’s', () => {
    const id = documentId('f', 'nodejs.html');
    expect(openAsset(saved.db, id, 'offprint-inline/99999.png')).toBeNull();
    const png = figureSrcs('nodejs.html').find((src) => src.endsWith('.png'))!;
    expect(openAsset(saved.db, id, png.replace(/\.png$/u, '.gif'))).toBeNull();
  });

  it('leaves a page without inline pictures to its files', () => {
    expect(figureSrcs('notes.html')).toEqual(['offprint-inline/0.png']);
    expect(openAsset(saved.db, documentId('f', 'notes.html'), 'offprint-inline/0.png')).toBeNull();
  });
});
