import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
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
  cpSync(resolve(import.meta.dirname, '..', 'fixtures', 'epub'), folder, { recursive: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('EPUB books', () => {
  test('a book in a folder is found by a phrase from its middle and opens at that hit, in its chapter', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    // The bundled articles and the two books, each one article.
    await eventually(() => library.status.textContent()).toBe('296 articles');

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
});
