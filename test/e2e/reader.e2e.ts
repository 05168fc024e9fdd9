import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

async function openSeedFromSearch(search: SearchPage, reader: ReaderPage) {
  await search.searchFor('Shanghai');
  await search.openResult(SEED);
  await reader.waitForArticle(SEED);
}

describe('reader', () => {
  test('opens a result with focus in the reader, the first hit in view, every hit marked and the counter at "1 of M"', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await openSeedFromSearch(search, reader);
    const hits = await reader.hitIds();
    expect(hits.length).toBeGreaterThan(1);
    await eventually(() => reader.counterText()).toBe(`1 of ${hits.length}`);
    await eventually(() => reader.hasFocus()).toBe(true);
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    for (const text of await reader.marks.allTextContents()) expect(text.toLowerCase()).toBe('shanghai');
    expect(await page.getByRole('article').count()).toBe(1);
    // The counter is outside the article.
    expect(await reader.article.getByRole('status').count()).toBe(0);
  });

  test('steps through every hit with n and Shift+N and the buttons, wrapping at both ends', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await openSeedFromSearch(search, reader);
    const m = (await reader.hitIds()).length;
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    for (let i = 2; i <= m; i++) {
      await page.keyboard.press('n');
      await eventually(() => reader.counterText()).toBe(`${i} of ${m}`);
      await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    }
    await page.keyboard.press('n');
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    await page.keyboard.press('Shift+N');
    await eventually(() => reader.counterText()).toBe(`${m} of ${m}`);
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    await reader.nextHit();
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    await reader.previousHit();
    await eventually(() => reader.counterText()).toBe(`${m} of ${m}`);
    const current = await reader.currentMarks().first().getAttribute('data-hit');
    expect(current).toBe((await reader.hitIds()).at(-1));
  });

  test('steps on from where the reader scrolled to, not from the last hit shown', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await search.searchFor('Binance');
    await search.openResult(SEED);
    await reader.waitForArticle(SEED);
    const ids = await reader.hitIds();
    await eventually(() => reader.counterText()).toMatch(new RegExp(`^\\d+ of ${ids.length}$`, 'u'));
    await reader.scrollToText('Former senior US government officials');
    const scroller = (await reader.main.locator('.reader-scroll').boundingBox())!;
    // The first hit at or below the top of the view, in reading order: where n must go.
    const tops = await Promise.all(
      ids.map(
        async (id) =>
          (await reader.marks
            .and(page.locator(`[data-hit="${id}"]`))
            .first()
            .boundingBox())!.y,
      ),
    );
    const below = tops.findIndex((y) => y >= scroller.y);
    expect(below).toBeGreaterThan(1);
    await page.keyboard.press('n');
    await eventually(() => reader.counterText()).toBe(`${below + 1} of ${ids.length}`);
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
    // Back up above it: Shift+N goes to the last hit above the bottom of the view.
    await reader.scrollToText('Binance.US currently has about 100 contract workers');
    await page.keyboard.press('Shift+N');
    await eventually(() => reader.isInView(reader.currentMarks().first())).toBe(true);
  });

  test('puts a panel beside the text where there is room, and over it, dismissible, where there is not', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    let panel = await reader.openHighlightsPanel();
    const paragraphs = reader.article.locator('p[data-block]');
    const panelBox = (await panel.boundingBox())!;
    for (const box of await Promise.all((await paragraphs.all()).map((p) => p.boundingBox()))) {
      expect(box!.x + box!.width).toBeLessThanOrEqual(panelBox.x);
    }

    await page.setViewportSize({ width: 800, height: 600 });
    await eventually(() =>
      panel.evaluate(
        (el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { position: string } }).getComputedStyle(el).position,
      ),
    ).toBe('absolute');
    await panel.getByRole('button', { name: 'Close highlights' }).click();
    await eventually(() => panel.count()).toBe(0);
    panel = await reader.openHighlightsPanel();
    await panel.getByRole('button', { name: 'This article' }).focus();
    await page.keyboard.press('Escape');
    await eventually(() => panel.count()).toBe(0);
    panel = await reader.openHighlightsPanel();
    await reader.article.getByText('Former senior US government officials').click({ position: { x: 5, y: 5 } });
    await eventually(() => panel.count()).toBe(0);
  });

  test('leaves hit mode with Escape, removing the marks and the counter', async ({ page }) => {
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await openSeedFromSearch(search, reader);
    await eventually(() => reader.marks.count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await eventually(() => reader.marks.count()).toBe(0);
    expect(await reader.counter.count()).toBe(0);
  });

  test('finds text inside the open article with Ctrl+F, with the same marks and counter', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    expect(await reader.marks.count()).toBe(0);
    await reader.findInArticle('binance');
    await eventually(() => reader.hitIds().then((h) => h.length)).toBeGreaterThan(3);
    const m = (await reader.hitIds()).length;
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    for (const text of await reader.marks.allTextContents()) expect(text.toLowerCase()).toBe('binance');
    await reader.findBox.press('Enter');
    await eventually(() => reader.counterText()).toBe(`2 of ${m}`);
    await reader.findBox.press('Shift+Enter');
    await eventually(() => reader.counterText()).toBe(`1 of ${m}`);
    await reader.findBox.fill('no such words here');
    await eventually(() => reader.counterText()).toBe('No matches');
    await reader.findBox.press('Escape');
    await eventually(() => reader.findBox.count()).toBe(0);
    expect(await reader.marks.count()).toBe(0);
  });

  test('goes back and forward between opened articles with the buttons and Alt+arrows', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const titles = await library.titles();
    await library.open(titles[0]!);
    await reader.waitForArticle(titles[0]!);
    await library.open(titles[1]!);
    await reader.waitForArticle(titles[1]!);
    await reader.back();
    await reader.waitForArticle(titles[0]!);
    await reader.forward();
    await reader.waitForArticle(titles[1]!);
    await reader.article.focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await reader.waitForArticle(titles[0]!);
    await page.keyboard.press('Alt+ArrowRight');
    await reader.waitForArticle(titles[1]!);
  });

  test('shows the reading view at a readable measure with the article title as its name', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const { maxWidth, fontSize } = await reader.article.evaluate((el) => {
      const style = (
        el.ownerDocument.defaultView as unknown as { getComputedStyle: (e: unknown) => { maxWidth: string; fontSize: string } }
      ).getComputedStyle(el);
      return { maxWidth: parseFloat(style.maxWidth), fontSize: parseFloat(style.fontSize) };
    });
    // 65ch is 30 to 42 times the font size, depending on how wide the typeface's digits are.
    expect(maxWidth / fontSize).toBeGreaterThan(28);
    expect(maxWidth / fontSize).toBeLessThan(44);
    expect(await page.getByRole('article', { name: SEED }).count()).toBe(1);
  });
});
