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
