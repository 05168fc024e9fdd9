import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** A real book (test/fixtures/epub/SOURCES): The Waste Land, EPUB 3, CC BY-SA 3.0. */
const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'epub', 'wasteland.epub');
const POEM = 'The Waste Land';

/** Uploads the book through "Add files…" and waits until the library holds it (the bundled 294, then the book). */
async function addBook(page: Page): Promise<LibraryPage> {
  const library = new LibraryPage(page);
  await library.addFiles([BOOK]);
  await eventually(() => library.folderMessage().textContent()).toMatch(
    /^(Added 1 file to the Offprint library: wasteland\.epub\.|Already in the Offprint library: wasteland\.epub\.)$/u,
  );
  await eventually(() => library.status.textContent()).toBe('295 articles');
  return library;
}

// One server for the file: the book uploaded by the first test is still there for the next (as it would be).
describe('bringing files in (serve mode)', () => {
  test('"Add files…" uploads a book, which the library lists with its format and search finds', async ({ page, guards }) => {
    const search = new SearchPage(page);
    const library = await addBook(page);
    // The book is dated 1922: among 295 rows, newest first, it is far down the list; the filter brings it up.
    await library.filterByFormat('EPUB');
    expect(await library.formatOf(POEM)).toBe('EPUB');
    const folders = await library.showFolders();
    await eventually(() => folders.textContent()).toContain('Offprint library');
    await search.searchFor('"A crowd flowed over London Bridge"');
    await eventually(() => search.resultTitles()).toEqual([POEM]);
    expect(guards.foreignRequests).toEqual([]);
  });

  test('uploading the same book again writes no second copy', async ({ page }) => {
    const library = await addBook(page);
    await library.addFiles([BOOK]);
    await eventually(() => library.folderMessage().textContent()).toBe('Already in the Offprint library: wasteland.epub.');
    expect(await library.status.textContent()).toBe('295 articles');
  });

  test('the Format filter narrows the list to one format and back', async ({ page }) => {
    const library = await addBook(page);
    await library.filterByFormat('EPUB');
    await eventually(() => library.status.textContent()).toBe('1 article');
    await eventually(() => library.list.locator('.row-title').allTextContents()).toEqual([POEM]);
    await library.filterByFormat('Markdown');
    // The bundled articles: 293 Wikinews articles in Markdown and one text file.
    await eventually(() => library.status.textContent()).toBe('293 articles');
    expect(await library.list.locator('.row-format').first().textContent()).toBe('Markdown');
    await library.filterByFormat('All formats');
    await eventually(() => library.status.textContent()).toBe('295 articles');
  });

  test('"Open original" downloads the book’s own file', async ({ page }) => {
    await addBook(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('"London Bridge"');
    await search.openResult(POEM);
    await reader.waitForArticle(POEM);
    const { name, bytes } = await reader.openOriginal();
    expect(name).toBe('wasteland.epub');
    expect(bytes.equals(readFileSync(BOOK))).toBe(true);
  });

  test('a file dropped on the window shows the drop target, is added, and the outcome is announced', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    await eventually(() => library.status.textContent()).toMatch(/^29[45] articles$/u);
    const drop = await page.evaluateHandle(() => {
      type Transfer = { items: { add: (file: unknown) => void } };
      const g = globalThis as unknown as { DataTransfer: new () => Transfer; File: new (parts: string[], name: string) => unknown };
      const data = new g.DataTransfer();
      data.items.add(new g.File(['# Dropped note\n\nA quokka smiled at the camera.'], 'dropped note.md'));
      return data;
    });
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: drop });
    await eventually(() => page.locator('.drop-target').getAttribute('data-state')).toBe('dragging');
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
    await eventually(() => page.locator('.drop-target').count()).toBe(0);
    const said = page.getByRole('status').filter({ hasText: /Offprint library|Not added/u });
    await eventually(() => said.textContent()).toBe('Added 1 file to the Offprint library: dropped note.md.');
    await search.searchFor('quokka');
    await eventually(() => search.resultTitles()).toEqual(['Dropped note']);
  });
});
