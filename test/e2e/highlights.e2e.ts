import { readFileSync } from 'node:fs';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const PASSAGE = 'The lawsuit also seeks penalties and permanent trading and registration bans';

describe('highlights and notes', () => {
  test('keeps a highlight after a reload, not as a <mark>, and finds it through search', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const search = new SearchPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const added = nextApiResponse(page, 'highlights.add');
    await reader.highlight(PASSAGE);
    expect((await (await added).json()).ok).toBe(true);
    await eventually(() => reader.highlights().count()).toBeGreaterThan(0);
    expect(await reader.highlights().first().textContent()).toContain(PASSAGE);
    expect(await reader.marks.count()).toBe(0);

    await page.reload();
    await reader.waitForArticle(SEED);
    await eventually(() => reader.highlights().count()).toBeGreaterThan(0);
    expect(await reader.highlights().first().textContent()).toContain(PASSAGE);

    await search.searchFor('registration bans');
    const match = search.highlightMatches.getByRole('button', { name: new RegExp(PASSAGE) });
    await eventually(() => match.count()).toBe(1);
    // The article still leads the results, named by its title.
    expect((await search.resultTitles())[0]).toBe(SEED);
  });

  test('keeps a highlight selected across two paragraphs whole after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.dragSelect('For at least a year', 'accuses the company');
    const added = nextApiResponse(page, 'highlights.add');
    await reader.main.getByRole('button', { name: 'Highlight', exact: true }).click();
    const { value } = (await (await added).json()) as { value: { hid: string; quote: string } };
    expect(value.quote).toMatch(/^For at least a year .* they said\.\nThe lawsuit filed by .* accuses the company$/su);

    await page.reload();
    await reader.waitForArticle(SEED);
    const marks = reader.article.locator(`[data-hid="${value.hid}"]`);
    await eventually(() => marks.count()).toBeGreaterThan(1);
    const marked = (await marks.allTextContents()).join('');
    expect(marked).toContain('progress has been slow, they said.');
    expect(marked).toContain('The lawsuit filed by the Commodity Futures Trading Commission');
    expect(marked.endsWith('accuses the company')).toBe(true);
    const panel = await reader.openHighlightsPanel();
    await eventually(() => panel.getByRole('listitem').filter({ hasText: 'accuses the company' }).textContent()).toContain(
      'For at least a year',
    );
  });

  test('snaps a selection that starts and ends inside words to the whole words', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.dragSelect('erve American', 'serve Americ');
    const added = nextApiResponse(page, 'highlights.add');
    await page.keyboard.press('h');
    expect(((await (await added).json()) as { value: { quote: string } }).value.quote).toBe('serve American');
    await eventually(() => reader.highlights().filter({ hasText: 'serve American' }).count()).toBeGreaterThan(0);
  });

  test('highlights the selection with the h key', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.article.getByText('The complaint does not mention').first().selectText();
    const added = nextApiResponse(page, 'highlights.add');
    await page.keyboard.press('h');
    await added;
    await eventually(() => reader.highlights().filter({ hasText: 'The complaint does not mention' }).count()).toBeGreaterThan(0);
  });

  test('adds a note to a highlight, keeps it after a reload and deletes the highlight', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.highlight('CZ Zhao');
    let panel = await reader.openHighlightsPanel();
    const item = panel.getByRole('listitem').filter({ hasText: 'CZ Zhao' }).first();
    await item.getByRole('button', { name: 'Add note' }).click();
    await item.getByRole('textbox', { name: 'Note' }).fill('Check who owns what.');
    const saved = nextApiResponse(page, 'highlights.update');
    await item.getByRole('button', { name: 'Save note' }).click();
    await saved;
    await page.reload();
    await reader.waitForArticle(SEED);
    panel = await reader.openHighlightsPanel();
    await eventually(() => panel.textContent()).toContain('Check who owns what.');
    const before = await reader.highlights().count();
    await panel.getByRole('listitem').filter({ hasText: 'Check who owns what.' }).getByRole('button', { name: 'Delete highlight' }).click();
    await eventually(() => panel.textContent()).not.toContain('Check who owns what.');
    await eventually(() => reader.highlights().count()).toBeLessThan(before);
  });

  test('brings a deleted highlight back with Undo, and keeps it after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const words = 'Former senior US government officials interviewed by Bloomberg News';
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.highlight(words);
    const panel = await reader.openHighlightsPanel();
    const item = () => panel.getByRole('listitem').filter({ hasText: words });
    const marks = () => reader.highlights().filter({ hasText: words });
    await eventually(() => item().count()).toBe(1);
    await item().getByRole('button', { name: 'Delete highlight' }).click();
    const status = panel.getByRole('status').filter({ hasText: 'Highlight deleted.' });
    await eventually(() => status.count()).toBe(1);
    await eventually(() => marks().count()).toBe(0);
    const restored = nextApiResponse(page, 'highlights.restore');
    await status.getByRole('button', { name: 'Undo' }).click();
    expect(((await (await restored).json()) as { ok: boolean }).ok).toBe(true);
    await eventually(() => item().count()).toBe(1);
    await eventually(() => marks().count()).toBeGreaterThan(0);
    await page.reload();
    await reader.waitForArticle(SEED);
    await eventually(() => marks().count()).toBeGreaterThan(0);
  });

  test('exports every highlight as Markdown and as JSON', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.highlight(PASSAGE);
    const panel = await reader.openHighlightsPanel();
    for (const [button, ext] of [
      ['Export Markdown', '.md'],
      ['Export JSON', '.json'],
    ] as const) {
      const download = page.waitForEvent('download');
      await panel.getByRole('button', { name: button }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^offprint-highlights-.*\\${ext}$`));
      const text = readFileSync((await file.path())!, 'utf8');
      expect(text).toContain(PASSAGE);
      if (ext === '.json') expect((JSON.parse(text) as { title: string }[]).some((h) => h.title === SEED)).toBe(true);
    }
  });
});
