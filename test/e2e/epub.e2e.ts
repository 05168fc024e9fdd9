import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll } from 'vitest';
import { simpleBook } from '../../main/library/import/epubTestBook';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** Two real books (test/fixtures/epub/SOURCES): The Waste Land (EPUB 3) and the Live Systems Manual (EPUB 2). */
let folder = '';
const POEM = 'The Waste Land';

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-epub-')));
  const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'epub');
  cpSync(fixtures, folder, { recursive: true });
  // A book made here around the real book's cover picture, so a chapter shows a picture stored in the zip.
  const cover = unzipSync(readFileSync(join(fixtures, 'wasteland.epub')))['EPUB/wasteland-cover.jpg']!;
  const book = simpleBook(
    '<dc:identifier id="uid">urn:isbn:978-0-00-000000-2</dc:identifier><dc:title>Pictured</dc:title>',
    ['<p>The cover of a quiet book.</p><p><img src="../images/cover.jpg" alt="The cover"/></p>'],
    {
      'OEBPS/images/cover.jpg': cover,
    },
  );
  writeFileSync(join(folder, 'pictured.epub'), book);
  // A book made here whose first chapter links to a section far into the second.
  const filler = (n: number, what: string) =>
    Array.from({ length: n }, (_, i) => `<p>${what} ${i + 1}, with words enough to take a line or two of the page.</p>`).join('');
  const linked = simpleBook('<dc:title>Linked Chapters</dc:title>', [
    `<p>The ferry timetable is pinned by the door. Read <a href="ch1.xhtml#harbour">the harbour at dusk</a> first.</p>${filler(40, 'Road')}`,
    `<h1>Inland</h1>${filler(40, 'Field')}<h2 id="harbour">Boats at evening</h2><p>The boats come in.</p>${filler(30, 'Quay')}`,
  ]);
  writeFileSync(join(folder, 'linked.epub'), linked);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('EPUB books', () => {
  test('a book in a folder is found by a phrase from its middle and opens at that hit, in its chapter', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    // The bundled articles and the four books, each one article.
    await eventually(() => library.status.textContent()).toBe('298 articles');

    await search.searchFor('"A crowd flowed over London Bridge"');
    await eventually(() => search.resultTitles()).toEqual([POEM]);
    await search.openResult(POEM);
    await reader.waitForArticle(POEM);
    await eventually(() => reader.counterText()).toBe('1 of 1');
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    expect((await reader.currentMarks().allTextContents()).join(' ')).toMatch(/crowd/iu);

    const toc = await reader.openContents();
    const entries = await toc.getByRole('link').allTextContents();
    expect(entries).toEqual(expect.arrayContaining(['I. THE BURIAL OF THE DEAD', 'II. A GAME OF CHESS']));
    expect(entries.indexOf('II. A GAME OF CHESS')).toBeGreaterThan(entries.indexOf('I. THE BURIAL OF THE DEAD'));
    await eventually(() => toc.locator('[aria-current="location"]').allTextContents()).toEqual(['I. THE BURIAL OF THE DEAD']);
  });

  test('a picture stored in the book is shown through the asset route, and nothing outside the app is fetched', async ({
    page,
    guards,
  }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('298 articles');
    await search.searchFor('quiet book');
    await search.openResult('Pictured');
    await reader.waitForArticle('Pictured');
    // The book's identifier is in the byline, as text: an ISBN is not a link.
    expect(await reader.article.getByText('ISBN 9780000000002', { exact: true }).isVisible()).toBe(true);
    expect(await reader.article.getByRole('link', { name: 'ISBN 9780000000002' }).count()).toBe(0);
    const picture = reader.article.locator('figure img');
    expect(await reader.article.locator('figure figcaption').textContent()).toBe('The cover');
    expect(await picture.getAttribute('src')).toMatch(/^\/asset\/[^/]+\/[\w-]{32}\?src=OEBPS%2Fimages%2Fcover\.jpg$/u);
    await eventually(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    expect(guards.foreignRequests).toEqual([]);
  });

  test('a link from one chapter to another scrolls to its target inside the book', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('298 articles');
    await search.searchFor('"ferry timetable is pinned"');
    await search.openResult('Linked Chapters');
    await reader.waitForArticle('Linked Chapters');
    const target = reader.article.getByRole('heading', { name: 'Boats at evening' });
    expect(await reader.isInView(target)).toBe(false);
    await reader.followLink('the harbour at dusk');
    await eventually(() => reader.isInView(target)).toBe(true);
    expect(await reader.isInView(reader.article.getByRole('link', { name: 'the harbour at dusk' }))).toBe(false);
    expect(await reader.title().textContent()).toBe('Linked Chapters');
  });
});
