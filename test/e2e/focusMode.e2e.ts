import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { nextApiResponse } from './support/api';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

describe('focus mode and the library sidebar', () => {
  test('focus mode shows the article alone, keeps the hits, and Escape leaves it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const search = new SearchPage(page);
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('Shanghai');
    await search.openResult(SEED);
    await reader.waitForArticle(SEED);
    const m = (await reader.hitIds()).length;
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    await reader.main.getByRole('button', { name: 'Highlights' }).click();
    const articleWidth = async () => (await reader.article.boundingBox())?.width ?? 0;
    const before = await articleWidth();

    await reader.main.getByRole('button', { name: 'Focus mode' }).click();
    const searchBox = page.getByRole('searchbox', { name: 'Search' });
    await eventually(() => library.landmark.isVisible()).toBe(false);
    expect(await searchBox.isVisible()).toBe(false);
    // Nothing but the article and the way out: no toolbar, no hit bar, no panel, no splitter.
    for (const name of ['Back', 'Reading settings', 'Highlights', 'Next hit']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('separator', { name: 'Resize library' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Highlights' }).count()).toBe(0);
    const box = (await reader.article.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(before);
    const leave = page.getByRole('button', { name: 'Leave focus mode' });
    expect(await leave.isVisible()).toBe(true);
    // n still steps through the hits, out of sight of the counter.
    await reader.article.focus();
    await page.keyboard.press('n');
    await eventually(() => reader.currentMarks().first().getAttribute('data-hit')).toBe((await reader.hitIds())[1]);

    await page.keyboard.press('Escape');
    await eventually(() => library.landmark.isVisible()).toBe(false); // the search results are shown instead
    await eventually(() => searchBox.isVisible()).toBe(true);
    expect(await reader.main.getByRole('button', { name: 'Focus mode' }).isVisible()).toBe(true);
    // Leaving focus mode is not leaving the hits.
    await eventually(() => reader.counterText()).toBe(`2 of ${m}`);

    // The key, f, enters it too; the corner button leaves.
    await reader.article.focus();
    await page.keyboard.press('f');
    await eventually(() => searchBox.isVisible()).toBe(false);
    await leave.click();
    await eventually(() => searchBox.isVisible()).toBe(true);
    // f typed into a field is a letter, not a command.
    await searchBox.focus();
    await page.keyboard.type('f');
    expect(await searchBox.isVisible()).toBe(true);
  });

  test('hides the library from the toolbar and keeps it hidden after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const narrow = (await reader.article.boundingBox())!.x;
    const saved = nextApiResponse(page, 'settings.set', (input) => input.isLibraryHidden === true);
    await reader.main.getByRole('button', { name: 'Hide library' }).click();
    await eventually(() => library.landmark.isVisible()).toBe(false);
    await saved;
    expect((await reader.article.boundingBox())!.x).toBeLessThan(narrow);
    await page.reload();
    await reader.waitForArticle(SEED);
    expect(await library.landmark.isVisible()).toBe(false);
    const show = reader.main.getByRole('button', { name: 'Show library' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await eventually(() => library.landmark.isVisible()).toBe(true);
    expect(await reader.main.getByRole('button', { name: 'Hide library' }).getAttribute('aria-expanded')).toBe('true');
  });

  test('collapses the library when the splitter is dragged past its narrowest', async ({ page }) => {
    const library = new LibraryPage(page);
    const splitter = page.getByRole('separator', { name: 'Resize library' });
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(40, box.y + 200, { steps: 8 });
    await page.mouse.up();
    await eventually(() => library.landmark.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show library' }).click();
    await eventually(() => library.landmark.isVisible()).toBe(true);
    // A drag that stays above half the narrowest width only narrows it.
    const again = (await splitter.boundingBox())!;
    await page.mouse.move(again.x + again.width / 2, again.y + 200);
    await page.mouse.down();
    await page.mouse.move(200, again.y + 200, { steps: 8 });
    await page.mouse.up();
    await eventually(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(260);
    expect(await library.landmark.isVisible()).toBe(true);
  });
});
