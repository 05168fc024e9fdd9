import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describe, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const LONG = 'Living with HIV during COVID-19: Wikinews talks to HIV-positive sex workers about how pandemic has effected their lives';
const DEEP_SENTENCE = 'If this is how the reality is, So before declaring the lockdown';

describe('reading position', () => {
  test('comes back to the same words after a reload, a resize and a font change', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('HIV-positive sex workers');
    await search.openResult(LONG);
    await reader.waitForArticle(LONG);
    await page.keyboard.press('Escape');
    const saved = nextApiResponse(
      page,
      'position.set',
      (input) => String((input.anchor as { quote: string }).quote).length > 0 && (input.progress as number) > 0.5,
    );
    await reader.scrollToText(DEEP_SENTENCE);
    await saved;
    await page.reload();
    await reader.waitForArticle(LONG);
    await eventually(() => reader.isNearTop(DEEP_SENTENCE)).toBe(true);

    await page.setViewportSize({ width: 1000, height: 800 });
    await eventually(() => reader.isNearTop(DEEP_SENTENCE)).toBe(true);
    await reader.largerText();
    await reader.largerText();
    await eventually(() => reader.isNearTop(DEEP_SENTENCE)).toBe(true);
  });

  test('shows reading progress in the reader, the library rows and the Continue reading shelf', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('HIV-positive sex workers');
    await search.openResult(LONG);
    await reader.waitForArticle(LONG);
    await page.keyboard.press('Escape');
    const saved = nextApiResponse(page, 'position.set', (input) => (input.progress as number) > 0.3);
    await reader.scrollToText(DEEP_SENTENCE);
    await saved;
    const bar = reader.main.getByRole('progressbar', { name: 'Reading progress' });
    // The bar follows the scroll on the next frame, the save after the scroll stops: wait for what the bar announces.
    await eventually(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(30);
    // The shelf leaves out the article being read: open another, only opened (its row shows it started).
    await search.box.fill('');
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const card = library.shelf.getByRole('button', { name: /^Living with HIV during COVID-19/u });
    await eventually(() => card.count()).toBe(1);
    await eventually(async () => Number(/(\d+)% read/u.exec((await card.textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThan(30);
    await eventually(() => library.row(SEED).count()).toBe(1);
    await eventually(async () => (await library.row(SEED).textContent()) ?? '').toMatch(/\d+% read/u);
  });
});
