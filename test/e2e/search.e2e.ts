import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

describe('search', () => {
  test('shows the seed article first with the total as "N results" when searching for Shanghai', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('Shanghai');
    expect((await search.resultTitles())[0]).toBe(SEED);
    expect(await search.totalText()).toMatch(/^\d[\d,]* results?$/u);
    await expect(search.resultButton(SEED).count()).resolves.toBe(1);
  });

  test('reports a broad query as a count of results, never as "N of M"', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('the');
    const total = await search.totalText();
    expect(total).toMatch(/^\d[\d,]* results$/u);
    expect(Number(total.replace(/\D/gu, ''))).toBeGreaterThan(100);
    expect(await search.resultItems().count()).toBeGreaterThan(10);
  });

  test('marks hit terms in each snippet with <mark>', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('Shanghai');
    const marks = await search.results.getByRole('listitem').first().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toContain('shanghai');
  });

  test('explains an empty result with the notice from main', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('xyzzyqq');
    expect(await search.totalText()).toBe('0 results');
    await eventually(() => search.landmark.textContent()).toContain('No results for “xyzzyqq”');
    expect(await search.results.count()).toBe(0);
  });

  test('focuses the search with / and Ctrl+K, and Escape clears it to show the library again', async ({ page }) => {
    const search = new SearchPage(page);
    const library = new LibraryPage(page);
    await search.focusWithSlash();
    await eventually(() =>
      search.box.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement),
    ).toBe(true);
    await page.keyboard.type('Shanghai');
    await search.waitForAnswer('Shanghai');
    expect(await library.landmark.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await eventually(() => search.box.inputValue()).toBe('');
    await eventually(() => library.landmark.isVisible()).toBe(true);
    await page.getByRole('main').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('Control+k');
    await eventually(() =>
      search.box.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement),
    ).toBe(true);
  });

  test('opens the first result with Enter', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.box.fill('Shanghai');
    await search.box.press('Enter');
    await reader.waitForArticle(SEED);
  });

  test('moves the selection with the arrow keys and opens the selected result with Enter', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('covid');
    const second = (await search.resultTitles())[1]!;
    await search.box.press('ArrowDown');
    await search.box.press('Enter');
    await reader.waitForArticle(second);
  });

  test('tells the result open in the reader from the one the arrow keys picked', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('covid');
    const [first, second] = await search.resultTitles();
    await search.openResult(first!);
    await reader.waitForArticle(first!);
    await search.box.focus();
    await search.box.press('ArrowDown');
    const open = search.resultButton(first!);
    const picked = search.resultButton(second!);
    await eventually(() => search.box.getAttribute('aria-activedescendant')).toBe(await picked.getAttribute('id'));
    expect(await open.getAttribute('aria-current')).toBe('true');
    expect(await picked.getAttribute('aria-current')).toBeNull();
    expect(await open.textContent()).toContain('Open in reader');
    // Not only in the accessibility tree: the two are drawn differently.
    const look = (b: typeof open) =>
      b.evaluate((el) => {
        const item = (el as unknown as { parentElement: unknown }).parentElement;
        const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => Record<string, string> }).getComputedStyle(item);
        return `${style.backgroundColor} | ${style.boxShadow}`;
      });
    expect(await look(open)).not.toBe(await look(picked));
  });

  test('moves between results with j and k once focus is in the list', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('covid');
    const titles = await search.resultTitles();
    await search.resultButton(titles[0]!).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await reader.waitForArticle(titles[1]!);
  });

  test('shows the results of the last query when an earlier, slower answer arrives after them', async ({ page }) => {
    const search = new SearchPage(page);
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((r) => (releaseSlow = r));
    await page.route('**/api/search.query', async (route) => {
      const body = route.request().postDataJSON() as { q: string };
      if (body.q === 'the') await slowGate;
      await route.continue();
    });
    const slowAnswer = page.waitForResponse(
      (r) => r.url().endsWith('/api/search.query') && (r.request().postDataJSON() as { q: string }).q === 'the',
    );
    // Listening before typing: the request may leave before a listener added after fill() would hear it.
    const slowAsked = page.waitForRequest((r) => r.url().endsWith('/api/search.query') && (r.postDataJSON() as { q: string }).q === 'the');
    await search.box.fill('the');
    await slowAsked;
    await search.box.fill('Shanghai');
    await search.waitForAnswer('Shanghai');
    expect(await search.supersededAnswers()).toBe(0);
    releaseSlow();
    await slowAnswer;
    // The page announces that it dropped the late answer; only then is there nothing left to land.
    await eventually(() => search.supersededAnswers(), 'the late answer to be dropped').toBe(1);
    expect(await search.landmark.getAttribute('data-answered')).toBe('Shanghai');
    expect(await search.totalText()).toBe('1 result');
    expect(await search.resultTitles()).toEqual([SEED]);
  });

  test('sorts the results by date, newest first', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('president');
    await search.sortBy('Date');
    expect(await search.landmark.getByRole('button', { name: 'Date', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const dates = await search.results.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test('says on demand why a result matched', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('Shanghai');
    const item = search.resultItems().first();
    const why = item.getByRole('button', { name: 'Why this matched' });
    expect(await why.getAttribute('aria-expanded')).toBe('false');
    await why.click();
    await eventually(() => item.textContent()).toContain('Found in the title and the text');
    // Per typed word, the article's words that matched it and where.
    const words = item.getByRole('list', { name: 'Matched words' });
    expect(await words.textContent()).toMatch(/^Shanghai\s*←\s*shanghai \(in the title, the text\)/u);
  });
});
