import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describeViolations, seriousViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** Real PDFs (test/fixtures/pdf/SOURCES): three with text, a scan and a password-protected file, which are refused. */
let folder = '';
// axe-core goes in as a script tag, which the app's CSP (rightly) refuses; this page bypasses it.
const scan = test.scoped({ pageOptions: { bypassCSP: true } });

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-pdf-')));
  cpSync(resolve(import.meta.dirname, '..', 'fixtures', 'pdf'), folder, { recursive: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('PDF papers', () => {
  test('a two-column paper is found by a phrase from its middle and opens at the hit, on its page', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    // The bundled articles and the three PDFs with a text layer.
    await eventually(() => library.status.textContent()).toBe('297 articles');

    // A word the typesetter hyphenated at a line end ("hier-" / "archy"), on page 3.
    await search.searchFor('"a simple list hierarchy can transform"');
    await eventually(() => search.resultTitles()).toEqual(['tubguide']);
    expect(await search.resultItems().first().locator('.result-page').textContent()).toMatch(/^p\. 3\s*$/u);
    await search.openResult('tubguide');
    await reader.waitForArticle('tubguide');
    await eventually(() => reader.counterText()).toBe('1 of 1');
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    expect((await reader.currentMarks().allTextContents()).join(' ')).toMatch(/hierarchy/iu);
    expect(await reader.hitPageText()).toBe('p. 3');
    expect(await reader.pageMarkerOfCurrentHit()).toBe('p. 3');
  });

  test('a sentence across the column break is one phrase, and its page is the one it starts on', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('297 articles');
    await search.searchFor('"information if we only provide a bag of widgets"');
    await eventually(() => search.resultTitles()).toEqual(['tubguide']);
    await search.openResult('tubguide');
    await reader.waitForArticle('tubguide');
    await eventually(() => reader.counterText()).toBe('1 of 1');
    expect(await reader.hitPageText()).toBe('p. 1');
    expect(await reader.pageMarkerOfCurrentHit()).toBe('p. 1');
  });

  scan('the results and the reader of a PDF, page markers and all, have no serious axe violations', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('297 articles');
    await search.searchFor('"a simple list hierarchy can transform"');
    await eventually(() => search.resultTitles()).toEqual(['tubguide']);
    let violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await search.openResult('tubguide');
    await reader.waitForArticle('tubguide');
    await eventually(() => reader.hitPageText()).toBe('p. 3');
    expect(await reader.article.locator('.page-marker').count()).toBeGreaterThanOrEqual(8);
    violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
