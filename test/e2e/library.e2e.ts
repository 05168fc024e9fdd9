import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { describe, expect, test } from './support/fixtures';
import { nextApiResponse } from './support/api';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

describe('library', () => {
  test('lists every article, newest first, each row with title, author, date and source', async ({ page }) => {
    const library = new LibraryPage(page);
    await eventually(() => library.status.textContent()).toBe('294 articles');
    const titles = await library.titles();
    expect(titles[0]).toBe(SEED);
    // Virtualized: the list knows all 294 rows but renders only those in view.
    expect(await library.list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe('294');
    expect(await library.rows().count()).toBeLessThan(60);
    const second = (await library.rows().nth(1).textContent()) ?? '';
    expect(second).toContain('Wikinews contributors');
    expect(second).toContain('2020');
    expect(second).toContain('en.wikinews.org');
    expect(await page.locator('article').count()).toBe(0);
  });

  test('sorts the library by title', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.titles();
    await library.sortBy('By title');
    const titles = await library.titles();
    expect(titles[0]).not.toBe(SEED);
    const sorted = [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(titles.slice(0, 5)).toEqual(sorted.slice(0, 5));
  });

  test('moves through the rows with j and k and opens one with Enter', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const titles = await library.titles();
    await library.row(titles[0]!).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await reader.waitForArticle(titles[1]!);
  });

  test('reaches the last of the 294 rows with End, rendering it on demand', async ({ page }) => {
    const library = new LibraryPage(page);
    const titles = await library.titles();
    await library.row(titles[0]!).focus();
    await page.keyboard.press('End');
    const last = library.list.locator('li[aria-posinset="294"]');
    await eventually(() => last.getByRole('button').count()).toBe(1);
    await eventually(() =>
      last.getByRole('button').evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement),
    ).toBe(true);
  });

  test('reopens the last article when the app starts again', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const titles = await library.titles();
    const saved = nextApiResponse(page, 'settings.set', (input) => typeof input.lastArticle === 'string');
    await library.open(titles[3]!);
    await reader.waitForArticle(titles[3]!);
    await saved;
    await page.reload();
    await reader.waitForArticle(titles[3]!);
  });

  test('scrolls a library of 10,000 articles, fetching only the pages in view', async ({ page }) => {
    const asked: number[] = [];
    await page.route('**/api/library.list', async (route) => {
      const { offset, limit } = route.request().postDataJSON() as { offset: number; limit: number };
      asked.push(offset);
      const items = Array.from({ length: Math.max(0, Math.min(limit, 10_000 - offset)) }, (_, i) => ({
        id: `a${offset + i}`,
        title: `Synthetic article ${offset + i + 1}`,
        author: 'Load Test',
        date: '2024-01-01',
        source: null,
        folder: 'bundled',
        wordCount: 500,
        progress: (offset + i) % 3 === 0 ? 0.5 : null,
      }));
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { total: 10_000, items } }) });
    });
    await page.reload();
    const library = new LibraryPage(page);
    await eventually(() => library.status.textContent()).toBe('10,000 articles');
    await library.row('Synthetic article 1').focus();
    const started = Date.now();
    await page.keyboard.press('End');
    const last = library.row('Synthetic article 10000');
    await eventually(() => last.count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await library.rows().count()).toBeLessThan(60);
    // The first page and the last, not the 98 in between.
    expect(asked.length, `pages fetched at offsets ${asked.join(', ')}`).toBeLessThanOrEqual(3);
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageUp');
    await eventually(() => library.row('Synthetic article 9950').count()).toBe(1);
  });
});
