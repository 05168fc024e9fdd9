import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describeViolations, seriousViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** Real plain-text articles with sections (test/fixtures/plain-text/SOURCES): Project Gutenberg's Alice, chapters I–III. */
let folder = '';
const ALICE = 'Alice’s Adventures in Wonderland';
const CHAPTERS = ['CHAPTER I. Down the Rabbit-Hole', 'CHAPTER II. The Pool of Tears', 'CHAPTER III. A Caucus-Race and a Long Tale'];

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-contents-')));
  cpSync(resolve(import.meta.dirname, '..', 'fixtures', 'plain-text'), folder, { recursive: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Box {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): { top: number; bottom: number };
}

/** The entries marked as the section being read. */
const currentEntries = (toc: Locator) => toc.locator('[aria-current="location"]').allTextContents();

// axe-core goes in as a script tag, which the app's CSP (rightly) refuses; this page bypasses it.
const scan = test.scoped({ pageOptions: { bypassCSP: true } });

async function openAlice(library: LibraryPage, search: SearchPage, reader: ReaderPage): Promise<void> {
  await library.addFolder(folder);
  await eventually(() => library.status.textContent()).toBe('296 articles');
  await search.searchFor('marmalade');
  await search.openResult(ALICE);
  await reader.waitForArticle(ALICE);
}

describe('contents', () => {
  test('a plain-text book lists its chapters, marks the one being read as it scrolls, and keeps that entry in view', async ({ page }) => {
    // Short enough that the list of contents does not fit its panel, so following the reader means scrolling it.
    await page.setViewportSize({ width: 1280, height: 300 });
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await openAlice(library, search, reader);

    const toc = await reader.openContents();
    expect(await toc.getByRole('link').allTextContents()).toEqual(['THE MILLENNIUM FULCRUM EDITION 3.0', 'Contents', ...CHAPTERS]);
    // Opened at the hit, in chapter I.
    await eventually(() => currentEntries(toc)).toEqual([CHAPTERS[0]]);
    const panel = await toc.evaluate((el) => {
      const box = el as unknown as Box;
      return { scrollHeight: box.scrollHeight, clientHeight: box.clientHeight };
    });
    expect(panel.scrollHeight, 'the list overflows its panel').toBeGreaterThan(panel.clientHeight);

    // Before the first heading no entry is current: the lead is in no section.
    const scroller = reader.main.locator('.reader-scroll');
    await scroller.evaluate((el) => ((el as unknown as Box).scrollTop = 0));
    await eventually(() => currentEntries(toc)).toEqual([]);

    const focused = await page.evaluateHandle(
      () => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    );
    await reader.scrollToText('I’m sure I’m not Ada');
    await eventually(() => currentEntries(toc)).toEqual([CHAPTERS[1]]);
    await reader.article
      .getByRole('heading', { name: CHAPTERS[2] })
      .evaluate((el) => (el as unknown as { scrollIntoView: (o: object) => void }).scrollIntoView({ block: 'start' }));
    await eventually(() => currentEntries(toc)).toEqual([CHAPTERS[2]]);
    const articleAt = await scroller.evaluate((el) => (el as unknown as Box).scrollTop);

    // The entry is inside the panel's visible area: the panel scrolled itself, not the article, and focus stayed.
    const entry = toc.getByRole('link', { name: CHAPTERS[2] });
    const inPanel = () =>
      entry.evaluate((el) => {
        const panelBox = (el as unknown as { closest(s: string): Box }).closest('nav').getBoundingClientRect();
        const box = (el as unknown as Box).getBoundingClientRect();
        return box.top >= panelBox.top && box.bottom <= panelBox.bottom;
      });
    await eventually(inPanel).toBe(true);
    expect(await toc.evaluate((el) => (el as unknown as Box).scrollTop)).toBeGreaterThan(0);
    expect(await scroller.evaluate((el) => (el as unknown as Box).scrollTop)).toBe(articleAt);
    expect(
      await page.evaluate(
        (before) => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement === before,
        focused,
      ),
    ).toBe(true);
  });

  scan('the marked entry has no serious or critical axe violations in any theme', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await openAlice(library, search, reader);
    const toc = await reader.openContents();
    await eventually(() => currentEntries(toc)).toEqual([CHAPTERS[0]]);
    for (const theme of ['Light', 'Sepia', 'Dark']) {
      await reader.setTheme(theme);
      await eventually(() => page.locator('html').getAttribute('data-theme')).toBe(theme.toLowerCase());
      const violations = await seriousViolations(page);
      expect(violations, `${theme}:\n${describeViolations(violations)}`).toEqual([]);
    }
  });
});
