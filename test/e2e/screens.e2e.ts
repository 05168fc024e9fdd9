import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describe, expect, RESULTS_DIR, test } from './support/fixtures';
import { layoutProblems } from './support/layout';
import { eventually } from './support/poll';

/**
 * Every main screen at the three window sizes people use, in each theme: a screenshot for a person to
 * look at (test-results/screens), and a check that nothing is drawn outside the window and nothing scrolls
 * sideways but wide tables and code. The Japanese article (fixtures/japanese) needs a CJK font: CI installs
 * fonts-noto-cjk.
 */
const SHOTS = join(RESULTS_DIR, 'screens');
const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const JAPANESE = '蜘蛛の糸';
const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['Light', 'Sepia', 'Dark'] as const;
/**
 * Boxes that may scroll sideways: a wide table's frame and a code block, and the Continue reading shelf,
 * a row of cards built to scroll sideways (keyboard focus brings a card whole into view: shelf.e2e).
 */
const SIDEWAYS = '.table-frame, pre, .continue-list';

let folder = '';
beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-screens-')));
  cpSync(resolve(import.meta.dirname, 'fixtures', 'japanese'), folder, { recursive: true });
  // A file that cannot be imported, so the Import problems panel has something to show.
  writeFileSync(join(folder, 'broken.txt'), Buffer.from([0x61, 0x00, 0x62, 0x00]));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function check(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const problems = await layoutProblems(page, SIDEWAYS);
  expect(
    problems.map((p) => `${p.kind}: ${p.where} — ${p.detail}`),
    name,
  ).toEqual([]);
}

describe('every screen at every size and theme', () => {
  // The self-check adds styled boxes, which the app's CSP (rightly) refuses as inline styles.
  test.scoped({ pageOptions: { bypassCSP: true } })(
    'the check itself finds a control outside the window and a box that scrolls sideways',
    async ({ page }) => {
      await new LibraryPage(page).titles();
      expect(await layoutProblems(page, SIDEWAYS)).toEqual([]);
      await page.evaluate(() => {
        type Node = { style: { cssText: string }; textContent: string; append: (n: Node) => void };
        const doc = (globalThis as unknown as { document: { createElement: (t: string) => Node; body: Node } }).document;
        const add = (tag: string, css: string, text: string, parent = doc.body) => {
          const el = doc.createElement(tag);
          el.style.cssText = css;
          el.textContent = text;
          parent.append(el);
          return el;
        };
        add('button', 'position:fixed;top:-40px;left:10px', 'Lost');
        add('button', 'position:absolute;top:120vh;left:10px', 'Below');
        add('p', 'width:400px;margin:0', 'Wide', add('div', 'position:fixed;bottom:0;left:0;width:100px;overflow-x:auto', ''));
        add('pre', 'position:fixed;bottom:0;right:0;width:100px;overflow-x:auto;margin:0', 'a very long line of code, allowed');
      });
      const found = await layoutProblems(page, SIDEWAYS);
      expect(found.map((p) => [p.kind, p.where.split(' ')[0]])).toEqual([
        ['outside-viewport', 'button'],
        ['outside-viewport', 'button'],
        ['scrolls-sideways', 'div'],
      ]);
    },
  );

  test('draws the library, results, reader, panels and a Japanese article inside the window', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('295 articles');
    for (const theme of THEMES) {
      const saved = nextApiResponse(page, 'settings.set', (input) => input.theme === theme.toLowerCase());
      await reader.setTheme(theme);
      await saved;
      await page.keyboard.press('Escape');
      for (const size of SIZES) {
        const at = `${size.width}x${size.height}-${theme.toLowerCase()}`;
        await page.setViewportSize(size);
        await search.searchFor('');
        await library.titles();
        await check(page, `library-${at}`);
        await library.problemsButton().click();
        await eventually(() => library.landmark.getByRole('region', { name: 'Import problems' }).textContent()).toContain('broken.txt');
        await check(page, `import-problems-${at}`);
        await page.keyboard.press('Escape');

        await search.searchFor('Shanghai');
        await check(page, `results-${at}`);
        await search.openResult(SEED);
        await reader.waitForArticle(SEED);
        await eventually(() => reader.counterText()).toMatch(/^1 of \d+$/u);
        await check(page, `reader-${at}`);
        await reader.openHighlightsPanel();
        await check(page, `reader-highlights-${at}`);
        await reader.main.getByRole('button', { name: 'Close highlights' }).click();
        const settings = await reader.openReadingSettings();
        await check(page, `reading-settings-${at}`);
        await settings.press('Escape');

        await search.searchFor(JAPANESE);
        await search.openResult(JAPANESE);
        await reader.waitForArticle(JAPANESE);
        await check(page, `japanese-${at}`);
      }
    }
  });
});
