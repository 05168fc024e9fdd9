import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** Two real pages with tables (fixtures/tables/SOURCES): a saved rustc book page (HTML) and undici's errors (Markdown). */
let folder = '';
const HTML_TITLE = /netbsd/u;
const MD_TITLE = 'Errors';

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-tables-')));
  cpSync(resolve(import.meta.dirname, 'fixtures', 'tables'), folder, { recursive: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function openFound(page: Page, query: string, title: string | RegExp): Promise<ReaderPage> {
  const library = new LibraryPage(page);
  const search = new SearchPage(page);
  const reader = new ReaderPage(page);
  await library.addFolder(folder);
  await eventually(() => library.status.textContent()).toBe('296 articles');
  await search.searchFor(query);
  const found = (await search.resultTitles()).find((x) => x.match(title));
  if (!found) throw new Error(`No result for “${query}” is titled ${String(title)}.`);
  await search.openResult(found);
  await reader.waitForArticle(found);
  return reader;
}

interface Box {
  scrollWidth: number;
  clientWidth: number;
  scrollLeft: number;
}

/** How far an element's content is wider than the element itself (0 or less: it fits). */
const overflowOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => (el as unknown as Box).scrollWidth - (el as unknown as Box).clientWidth);

describe('tables', () => {
  test('an HTML table renders as a table with its header cells, and a word in a cell is found and marked there', async ({ page }) => {
    const reader = await openFound(page, 'Pentium', HTML_TITLE);
    const table = reader.article.getByRole('table');
    await eventually(() => table.count()).toBe(1);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Target tier', 'Target name', 'NetBSD Platform']);
    expect(await table.getByRole('row').count()).toBe(12);
    const cell = table.getByRole('cell', { name: '32-bit i386, restricted to Pentium' });
    await eventually(() => cell.locator('mark.hit').allTextContents()).toEqual(['Pentium']);
  });

  test('a wide Markdown table scrolls inside the reader without widening the page, and its cells are marked', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 800 });
    const reader = await openFound(page, 'decompressed', MD_TITLE);
    const table = reader.article.getByRole('table');
    await eventually(() => table.getByRole('columnheader').allTextContents()).toEqual(['Error', 'Error Codes', 'Description']);
    const cell = table.getByRole('cell', { name: /WebSocket decompressed message/u });
    await eventually(() => cell.locator('mark.hit').allTextContents()).toEqual(['decompressed']);
    expect(await overflowOf(page, '.table-frame')).toBeGreaterThan(0);
    expect(await overflowOf(page, '.reader-scroll')).toBeLessThanOrEqual(0);
    expect(await overflowOf(page, 'html')).toBeLessThanOrEqual(0);
    // The frame itself scrolls: by keyboard once focused, as a reader without a trackpad would.
    const frame = reader.article.locator('.table-frame');
    await frame.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await eventually(() => frame.evaluate((el) => (el as unknown as Box).scrollLeft)).toBeGreaterThan(0);
  });

  test('the text of a cell can be highlighted, and the highlight is in that cell after a reload', async ({ page }) => {
    const reader = await openFound(page, 'headers timeout', MD_TITLE);
    const words = 'socket is destroyed due to headers timeout.';
    const added = nextApiResponse(page, 'highlights.add');
    await reader.highlight(words);
    expect(((await (await added).json()) as { value: { quote: string } }).value.quote).toBe(words);
    await page.reload();
    await reader.waitForArticle(MD_TITLE);
    const cell = reader.article.getByRole('table').getByRole('cell', { name: words });
    await eventually(() => cell.locator('.highlight').allTextContents()).toEqual([words]);
  });
});
