import type { Locator } from 'playwright-core';
import type { ArticleSummary } from '../../common/contract';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { callApi, nextApiResponse } from './support/api';
import { describeViolations, seriousViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const ZARA = 'Zara Kay tells Wikinews about her non-profit organisation Faithless Hijabi';
const ZARA_DEEP = 'How can the situation for an ex-Muslim be improved around the globe';
const CHESS = 'Iranian International Master Dorsa Derakhshani discusses her chess career with Wikinews';
const CHESS_DEEP = 'seemed more conspiracy rather than they actually were offended';

/** Puts articles on the shelf as a reader past their first screen would, oldest first (so the last is the newest card). */
async function readPastFirstScreen(serverUrl: string, articles: readonly ArticleSummary[]): Promise<void> {
  for (const a of articles)
    await callApi(serverUrl, 'position.set', {
      id: a.id,
      anchor: { block: 1, offset: 0, quote: '' },
      progress: 0.3,
      pastFirstScreen: true,
    });
}

async function articleTitled(serverUrl: string, q: string, title: string): Promise<ArticleSummary> {
  const found = await callApi<{ results: ArticleSummary[] }>(serverUrl, 'search.query', { q });
  const a = found.results.find((r) => r.title === title);
  if (!a) throw new Error(`No article “${title}” found for ${q}.`);
  return a;
}

// axe-core goes in as a script tag, which the app's CSP refuses; this page bypasses it.
const scan = test.scoped({ pageOptions: { bypassCSP: true } });

const isFocused = (locator: Locator) =>
  locator.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement);

describe('the Continue reading shelf', () => {
  test('leaves out an article only opened, and shows it once read past its first screen', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    const opened = nextApiResponse(page, 'position.set');
    await search.searchFor('Tanzanian-born ex-Muslim');
    await search.openResult(ZARA);
    await reader.waitForArticle(ZARA);
    expect((await opened).request().postDataJSON()).toMatchObject({ pastFirstScreen: false });
    // The shelf leaves out the open article: open another, and look at what the shelf loads then.
    await search.box.fill('');
    const shelfLoaded = nextApiResponse(page, 'library.continue');
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const shelf = (await (await shelfLoaded).json()) as { value: ArticleSummary[] };
    expect(shelf.value.map((a) => a.title)).not.toContain(ZARA);
    expect(await library.shelfCard(ZARA).count()).toBe(0);

    await search.searchFor('Tanzanian-born ex-Muslim');
    await search.openResult(ZARA);
    await reader.waitForArticle(ZARA);
    await page.keyboard.press('Escape');
    const read = nextApiResponse(page, 'position.set', (input) => input.pastFirstScreen === true);
    await reader.scrollToText(ZARA_DEEP);
    await read;
    await search.box.fill('');
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await eventually(() => library.shelfCard(ZARA).count()).toBe(1);
  });

  test('takes a dismissed card off, with undo, and keeps it off after a reload until it is read again', async ({ app, page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    const chess = await articleTitled(app.server.url, 'Dorsa Derakhshani', CHESS);
    await readPastFirstScreen(app.server.url, [await articleTitled(app.server.url, 'Faithless Hijabi', ZARA), chess]);
    await page.reload();
    await eventually(() => library.shelfCards().first().textContent()).toMatch(/^Iranian International Master/u);

    // By mouse: the card goes, focus moves to the next card, and Undo brings it back.
    await library.shelfRemoveButton(CHESS).click();
    await eventually(() => library.shelfCard(CHESS).count()).toBe(0);
    await eventually(() => isFocused(library.shelfCard(ZARA))).toBe(true);
    const removed = library.shelf.getByRole('status');
    await eventually(() => removed.textContent()).toContain(`Removed “${CHESS}”.`);
    await removed.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => library.shelfCard(CHESS).count()).toBe(1);
    await eventually(() => isFocused(library.shelfCard(CHESS))).toBe(true);

    // By keyboard: Delete on the focused card.
    await page.keyboard.press('Delete');
    await eventually(() => library.shelfCard(CHESS).count()).toBe(0);
    await eventually(() => isFocused(library.shelfCard(ZARA))).toBe(true);

    await page.reload();
    await eventually(() => library.shelfCard(ZARA).count()).toBe(1);
    expect(await library.shelfCard(CHESS).count()).toBe(0);

    // Read again (a screen on from where it opens), and it is back.
    await search.searchFor('Dorsa Derakhshani');
    await search.openResult(CHESS);
    await reader.waitForArticle(CHESS);
    await page.keyboard.press('Escape');
    const readOn = nextApiResponse(page, 'position.set', (input) => input.pastFirstScreen === true);
    await reader.scrollToText(CHESS_DEEP);
    await readOn;
    await search.box.fill('');
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await eventually(() => library.shelfCard(CHESS).count()).toBe(1);
  });

  test('scrolls a card focused by keyboard fully into view in a narrow sidebar', async ({ app, page }) => {
    const library = new LibraryPage(page);
    const { items } = await callApi<{ items: ArticleSummary[] }>(app.server.url, 'library.list', { sort: 'title', offset: 0, limit: 7 });
    await readPastFirstScreen(app.server.url, items);
    await callApi(app.server.url, 'settings.set', { paneWidth: 260 });
    await page.reload();
    await eventually(() => library.shelfCards().count()).toBeGreaterThanOrEqual(6);
    const cards = library.shelfCards();
    // The control before the cards: the shelf's own fold button.
    const before = library.landmark.getByRole('button', { name: /^Continue reading/u });

    // The second card is cut by the list's right edge, where Chromium's own scrolling on focus leaves it.
    const second = cards.nth(1);
    expect(await library.isInShelfView(second)).toBe(false);
    await before.focus();
    await page.keyboard.press('Tab');
    await eventually(() => isFocused(cards.first())).toBe(true);
    await page.keyboard.press('ArrowRight');
    await eventually(() => isFocused(second)).toBe(true);
    await eventually(() => library.isInShelfView(second)).toBe(true);

    // Tab: the shelf is one tab stop that remembers its card; scrolled back, Tab brings the card into view again.
    await library.shelf.getByRole('list').evaluate((el) => (el as unknown as { scrollTo: (o: object) => void }).scrollTo({ left: 0 }));
    await eventually(() => library.isInShelfView(second)).toBe(false);
    await before.focus();
    await page.keyboard.press('Tab');
    await eventually(() => isFocused(second)).toBe(true);
    await eventually(() => library.isInShelfView(second)).toBe(true);

    // A card wholly beyond the edge, reached with End.
    await page.keyboard.press('End');
    const last = cards.last();
    await eventually(() => isFocused(last)).toBe(true);
    await eventually(() => library.isInShelfView(last)).toBe(true);
  });

  scan('has no serious or critical axe violations with cards, their remove buttons and the undo message', async ({ app, page }) => {
    const library = new LibraryPage(page);
    await readPastFirstScreen(app.server.url, [await articleTitled(app.server.url, 'Faithless Hijabi', ZARA)]);
    await page.reload();
    await eventually(() => library.shelfCard(ZARA).count()).toBe(1);
    await library.shelfRemoveButton(ZARA).click();
    await eventually(() => library.shelf.getByRole('status').count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
