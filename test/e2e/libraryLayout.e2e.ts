import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { describe, expect, test } from './support/fixtures';
import type { ArticleSummary } from '../../common/contract';
import { callApi, nextApiResponse } from './support/api';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const FOLDERS = 8;
let parent = '';
beforeAll(() => {
  parent = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-layout-')));
  for (let i = 1; i <= FOLDERS; i++) {
    const dir = join(parent, `folder-${i}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'note.md'), `# Layout note ${i}\n\nA short note in folder ${i}.`);
  }
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** How many of the list's rows are drawn whole where the list shows them: inside its scroller and the window. */
async function wholeRows(list: Locator): Promise<number> {
  return list.evaluate((ul) => {
    type Box = { top: number; bottom: number };
    type El = { parentElement: El | null; getBoundingClientRect: () => Box; querySelectorAll: (s: string) => ArrayLike<El> };
    const w = globalThis as unknown as { innerHeight: number; getComputedStyle: (e: El) => { overflowY: string } };
    let scroller = (ul as unknown as El).parentElement;
    while (scroller && !['auto', 'scroll'].includes(w.getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: w.innerHeight };
    const top = Math.max(0, view.top);
    const bottom = Math.min(w.innerHeight, view.bottom);
    return Array.from((ul as unknown as El).querySelectorAll('[role="listitem"], li'))
      .map((li) => li.getBoundingClientRect())
      .filter((r) => r.bottom > r.top && r.top >= top - 0.5 && r.bottom <= bottom + 0.5).length;
  });
}

describe('the library pane in a small window', () => {
  test('keeps the article list tall at 800×600: sections fold, the folder list scrolls', async ({ page, app }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    const library = new LibraryPage(page);
    for (let i = 1; i <= FOLDERS; i++) {
      await library.addFolder(join(parent, `folder-${i}`));
      await eventually(() => library.status.textContent()).toBe(`${294 + i} articles`);
    }
    // Four articles read past their first screen fill the shelf.
    const { items } = await callApi<{ items: ArticleSummary[] }>(app.server.url, 'library.list', { sort: 'date', limit: 4, offset: 0 });
    for (const a of items)
      await callApi(app.server.url, 'position.set', {
        id: a.id,
        anchor: { block: 1, offset: 0, quote: '' },
        progress: 0.3,
        pastFirstScreen: true,
      });
    await page.reload();
    await eventually(() => library.shelf.getByRole('listitem').count()).toBe(4);

    const folders = library.landmark.getByRole('button', { name: /^Folders/u });
    // Adding opened the section to show its form; folded again, the list has the pane.
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await eventually(() => folders.getAttribute('aria-expanded')).toBe('false');
    // Titles of two lines make rows of about 86 px here: three whole rows beside a full shelf (one, before).
    await eventually(() => wholeRows(library.list)).toBeGreaterThanOrEqual(3);
    // Folding the shelf too gives its room to the list.
    const shelf = library.landmark.getByRole('button', { name: /^Continue reading/u });
    const withShelf = await wholeRows(library.list);
    await shelf.click();
    await eventually(() => shelf.getAttribute('aria-expanded')).toBe('false');
    await eventually(() => wholeRows(library.list)).toBeGreaterThan(withShelf);
    expect(await library.shelf.getByRole('listitem').count()).toBe(0);
    await shelf.click();
    await eventually(() => wholeRows(library.list)).toBe(withShelf);
    const folded = withShelf;

    await folders.click();
    const list = library.landmark.getByRole('list', { name: 'Folders' });
    await eventually(() => list.isVisible()).toBe(true);
    // Eight folders do not fit: the list scrolls inside its section, and the pane stays in the window.
    const scroll = await list.evaluate((el) => ({ height: el.clientHeight, content: el.scrollHeight }));
    expect(scroll.content).toBeGreaterThan(scroll.height);
    const box = (await list.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(await wholeRows(library.list)).toBeGreaterThanOrEqual(2);
    // The last folder is reached by scrolling that list.
    const last = list.getByRole('listitem').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.textContent()).toContain(`folder-${FOLDERS}`);

    const saved = nextApiResponse(page, 'settings.set', (input) => Array.isArray(input.collapsedSections));
    await folders.click();
    await saved;
    await page.reload();
    await eventually(() => library.landmark.getByRole('button', { name: /^Folders/u }).getAttribute('aria-expanded')).toBe('false');
    await eventually(() => wholeRows(library.list)).toBe(folded);
  });

  test('the reader keeps the whole window once the library is hidden', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    await reader.main.getByRole('button', { name: 'Hide library' }).click();
    await eventually(async () => (await reader.main.boundingBox())?.width).toBe(800);
    await reader.main.getByRole('button', { name: 'Show library' }).click();
    await eventually(() => library.landmark.isVisible()).toBe(true);
  });
});
