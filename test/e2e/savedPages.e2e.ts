import { copyFileSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** A real page saved by Chrome as MHTML (test/fixtures/saved-pages/SOURCES): Wikipedia's "Node.js". */
let folder = '';
const PAGE = 'Node.js - Wikipedia';

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-saved-')));
  const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'saved-pages');
  copyFileSync(join(fixtures, 'chrome-wikipedia-nodejs.mhtml'), join(folder, 'Node.js - Wikipedia.mhtml'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('saved web pages', () => {
  test('an MHTML page is found by a phrase from its middle and opens at that hit, its picture loaded from the file', async ({
    page,
    guards,
  }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    // The bundled articles and the saved page, one article.
    await eventually(() => library.status.textContent()).toBe('295 articles');

    // The photograph above the hit arrives late, after the reader has scrolled to the hit (a slow disk, a
    // big file): its height must not push the hit out of view.
    let releasePhoto = (): void => undefined;
    const photoArrived = new Promise<void>((arrived) => (releasePhoto = arrived));
    await page.route(/\/asset\/.*mhtml-part%2F2\.jpg/u, async (route) => {
      await photoArrived;
      await route.continue();
    });

    await search.searchFor('"originally written by Ryan Dahl in 2009"');
    await eventually(() => search.resultTitles()).toEqual([PAGE]);
    await search.openResult(PAGE);
    await reader.waitForArticle(PAGE);
    await eventually(() => reader.counterText()).toBe('1 of 1');
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    releasePhoto();
    expect((await reader.currentMarks().allTextContents()).join(' ')).toMatch(/Ryan Dahl/u);

    // The photograph stands just before the hit in the article; it comes from inside the .mhtml through the asset route.
    const photo = reader.article.locator('figure img[src*="mhtml-part%2F2.jpg"]');
    expect(await photo.getAttribute('src')).toMatch(/^\/asset\/[^/]+\/[\w-]{32}\?src=mhtml-part%2F2\.jpg$/u);
    await eventually(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    expect(guards.foreignRequests).toEqual([]);
  });
});
