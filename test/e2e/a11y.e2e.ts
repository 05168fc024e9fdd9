import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describeViolations, seriousViolations } from './support/axe';
import { describe, expect, RESULTS_DIR, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';
const SHOTS = join(RESULTS_DIR, 'screenshots');

// axe-core goes in as a script tag, which the app's CSP (rightly) refuses; these pages bypass it.
const scan = test.scoped({ pageOptions: { bypassCSP: true } });

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Let the caret and any hover settle out of the picture.
  await page.mouse.move(0, 899);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('accessibility and appearance', () => {
  for (const theme of ['Light', 'Sepia', 'Dark'] as const) {
    scan(
      `has no serious or critical axe violations on the library, the results and the reader in the ${theme.toLowerCase()} theme`,
      async ({ page }) => {
        const library = new LibraryPage(page);
        const search = new SearchPage(page);
        const reader = new ReaderPage(page);
        const saved = nextApiResponse(page, 'settings.set', (input) => input.theme === theme.toLowerCase());
        await reader.setTheme(theme);
        await saved;
        await page.reload();
        await eventually(() => page.locator('html').getAttribute('data-theme')).toBe(theme.toLowerCase());
        await library.titles();
        await expectNoSeriousViolations(page, 'library');
        await shoot(page, `library-${theme.toLowerCase()}`);

        await search.searchFor('Shanghai');
        await expectNoSeriousViolations(page, 'search results');
        await search.searchFor('covid');
        await shoot(page, `search-results-${theme.toLowerCase()}`);

        await search.searchFor('Shanghai');
        await search.openResult(SEED);
        await reader.waitForArticle(SEED);
        await eventually(() => reader.counterText()).toMatch(/^1 of \d+$/u);
        await reader.highlight(
          {
            Light: 'The lawsuit also seeks penalties',
            Sepia: 'Former senior US government officials interviewed',
            Dark: 'The complaint does not mention',
          }[theme],
        );
        await eventually(() => reader.highlights().count()).toBeGreaterThan(0);
        await expectNoSeriousViolations(page, 'reader');
        await shoot(page, `reader-${theme.toLowerCase()}`);

        const panel = await reader.openReadingSettings();
        await expectNoSeriousViolations(page, 'reading settings');
        await shoot(page, `reading-settings-${theme.toLowerCase()}`);
        await panel.press('Escape');
        await reader.openHighlightsPanel();
        await expectNoSeriousViolations(page, 'highlights panel');
        await shoot(page, `highlights-${theme.toLowerCase()}`);

        await reader.main.getByRole('button', { name: 'Focus mode' }).click();
        await eventually(() => page.getByRole('button', { name: 'Leave focus mode' }).isVisible()).toBe(true);
        await expectNoSeriousViolations(page, 'focus mode');
        await page.keyboard.press('Escape');

        await search.searchFor('');
        const folders = library.landmark.getByRole('button', { name: /^Folders/u });
        if ((await folders.getAttribute('aria-expanded')) !== 'true') await folders.click();
        await library.landmark.getByRole('button', { name: 'Add folder…' }).click();
        await expectNoSeriousViolations(page, 'folders, unfolded, with the add form');
        await folders.click();
      },
    );
  }

  scan('keeps every control reachable by keyboard with a visible focus ring', async ({ page }) => {
    const search = new SearchPage(page);
    await new LibraryPage(page).titles();
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: { activeElement: { tagName: string; getAttribute: (n: string) => string | null; textContent: string | null } | null };
          }
        ).document;
        const el = doc.activeElement;
        if (!el) return null;
        const style = (
          globalThis as unknown as { getComputedStyle: (e: unknown) => { outlineStyle: string; outlineWidth: string; boxShadow: string } }
        ).getComputedStyle(el);
        const isVisible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { name: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`, isVisible };
      });
      if (!focused || focused.name.startsWith('BODY')) continue;
      expect(focused.isVisible, `focus ring on ${focused.name}`).toBe(true);
      seen.add(focused.name);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].some((n) => n.startsWith('INPUT Search'))).toBe(true);
    await search.box.focus();
  });
});
