import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

describe('security', () => {
  test('gives the page no Node: require, process and module are undefined', async ({ page }) => {
    const types = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer };
    });
    expect(types).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
  });

  test('serves the page with a strict CSP, sets no cookie, and keeps the token in this tab only', async ({ page, app }) => {
    // What protects the token now: no cookie exists that a browser would send to other ports; the CSP
    // keeps any script but the app's own out of the page that holds it in sessionStorage.
    const token = new URL(app.server.url).searchParams.get('token');
    const response = await page.goto(app.server.url);
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(await page.context().cookies()).toEqual([]);
    const stored = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { cookie: string };
        sessionStorage: { getItem: (k: string) => string | null };
        localStorage: { length: number };
      };
      return { cookie: g.document.cookie, session: g.sessionStorage.getItem('offprint.session'), local: g.localStorage.length };
    });
    expect(stored).toEqual({ cookie: '', session: token, local: 0 });
  });

  test('talks to no other origin, opens no dialog and throws no error while searching, reading and changing settings', async ({
    page,
    guards,
  }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    const library = new LibraryPage(page);
    await library.titles();
    await search.searchFor('Shanghai');
    await search.openResult(SEED);
    await reader.waitForArticle(SEED);
    await page.keyboard.press('n');
    await reader.findInArticle('Zhao');
    await eventually(() => reader.counterText()).toMatch(/^1 of \d+$/u);
    await reader.setTheme('Sepia');
    await eventually(() => page.locator('html').getAttribute('data-theme')).toBe('sepia');
    await reader.highlight('The lawsuit also seeks penalties');
    await eventually(() => reader.highlights().count()).toBeGreaterThan(0);
    expect(guards).toEqual({ foreignRequests: [], dialogs: [], pageErrors: [] });
  });

  test('has one article role at most, inside the reader, and one searchbox named "Search"', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.titles();
    expect(await library.landmark.getByRole('article').count()).toBe(0);
    await search.searchFor('covid');
    expect(await search.landmark.getByRole('article').count()).toBe(0);
    await search.openResult((await search.resultTitles())[0]!);
    await eventually(() => reader.main.getByRole('article').count()).toBe(1);
    expect(await page.getByRole('article').count()).toBe(1);
    expect(await page.getByRole('searchbox').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Search' }).count()).toBe(0);
    // "Search" names exactly one element: the search field.
    const named = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            querySelectorAll: (s: string) => ArrayLike<{ getAttribute: (n: string) => string | null; textContent: string | null }>;
          };
        }
      ).document;
      return Array.from(doc.querySelectorAll('[aria-label], button, a, [title]')).filter(
        (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === 'Search',
      ).length;
    });
    expect(named).toBe(1);
  });
});
