import { THEMES, themeLabel } from '../../common/settings';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { describe, expect, test } from './support/fixtures';
import { nextApiResponse } from './support/api';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

/** Relative luminance of a computed CSS colour "rgb(r, g, b)". */
function luminance(rgb: string): number {
  if (!rgb.startsWith('rgb')) return Number.NaN;
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/gu) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('reading settings', () => {
  test('applies the dark theme at once and keeps it after a reload', async ({ page }) => {
    const reader = new ReaderPage(page);
    const html = page.locator('html');
    const background = () =>
      reader.main.evaluate(
        (el) =>
          (el.ownerDocument.defaultView as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } }).getComputedStyle(
            el,
          ).backgroundColor,
      );
    await eventually(async () => luminance(await background())).toBeGreaterThan(0.5);
    const saved = nextApiResponse(page, 'settings.set', (input) => input.theme === 'dark');
    await reader.setTheme('Dark');
    await eventually(() => html.getAttribute('data-theme')).toBe('dark');
    await eventually(async () => luminance(await background())).toBeLessThan(0.05);
    await saved;
    await page.reload();
    await eventually(() => html.getAttribute('data-theme')).toBe('dark');
    await eventually(async () => luminance(await background())).toBeLessThan(0.05);
    const panel = await reader.openReadingSettings();
    expect(await panel.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);
    await reader.setTheme('Light');
    await eventually(() => html.getAttribute('data-theme')).toBe('light');
  });

  test('offers exactly the themes of common/settings.ts, and main accepts each one it offers', async ({ page }) => {
    const reader = new ReaderPage(page);
    const panel = await reader.openReadingSettings();
    const theme = panel.getByRole('group', { name: 'Theme' });
    const offered = await theme.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as unknown as { value: string }).value));
    expect(offered).toEqual([...THEMES]);
    const settingsTheme = await theme.getByRole('radio', { checked: true }).getAttribute('value');
    // Every theme in turn, from one that is not the current one (earlier tests in this file leave one set).
    const current = THEMES.findIndex((t) => t === (settingsTheme ?? ''));
    const order = [...THEMES.slice(current + 1), ...THEMES.slice(0, current + 1)];
    for (const value of order) {
      const saved = nextApiResponse(page, 'settings.set', (input) => input.theme === value);
      // The panel may close after a choice; setTheme opens it again as a person would.
      await reader.setTheme(themeLabel(value));
      const answer = (await (await saved).json()) as { ok: boolean; value?: { theme: string } };
      expect(answer).toMatchObject({ ok: true, value: { theme: value } });
    }
  });

  test('follows the system colour scheme when the theme is System', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.setTheme('System');
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(() =>
      page.evaluate(
        () =>
          (
            globalThis as unknown as { getComputedStyle: (e: unknown) => { colorScheme: string }; document: { documentElement: unknown } }
          ).getComputedStyle((globalThis as unknown as { document: { documentElement: unknown } }).document.documentElement).colorScheme,
      ),
    ).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(() =>
      page.evaluate(
        () =>
          (
            globalThis as unknown as { getComputedStyle: (e: unknown) => { colorScheme: string }; document: { documentElement: unknown } }
          ).getComputedStyle((globalThis as unknown as { document: { documentElement: unknown } }).document.documentElement).colorScheme,
      ),
    ).toBe('light');
  });

  test('keeps a larger text size and the sans-serif typeface after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const fontSize = () =>
      reader.article.evaluate(
        (el) =>
          (el.ownerDocument.defaultView as unknown as { getComputedStyle: (e: unknown) => { fontSize: string } }).getComputedStyle(el)
            .fontSize,
      );
    const before = parseFloat(await fontSize());
    await reader.largerText();
    await eventually(async () => parseFloat(await fontSize())).toBe(before + 1);
    const panel = await reader.openReadingSettings();
    const saved = nextApiResponse(page, 'settings.set', (input) => input.fontFamily === 'sans');
    await panel.getByRole('radio', { name: 'Sans-serif' }).check();
    await eventually(() => reader.article.getAttribute('data-font')).toBe('sans');
    await saved;
    await page.reload();
    // The last article reopens at start.
    await reader.waitForArticle(SEED);
    expect(parseFloat(await fontSize())).toBe(before + 1);
    expect(await reader.article.getAttribute('data-font')).toBe('sans');
  });

  test('sets line width, OpenDyslexic and justified, hyphenated text, and keeps them after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED);
    await reader.waitForArticle(SEED);
    const style = () =>
      reader.article.evaluate((el) => {
        const view = el.ownerDocument.defaultView as unknown as {
          getComputedStyle: (e: unknown) => { maxWidth: string; fontSize: string; fontFamily: string; textAlign: string; hyphens: string };
        };
        const article = view.getComputedStyle(el);
        const paragraph = view.getComputedStyle(el.querySelector('.article-body p'));
        return {
          measure: parseFloat(article.maxWidth),
          fontFamily: article.fontFamily,
          textAlign: paragraph.textAlign,
          hyphens: paragraph.hyphens,
        };
      });
    const before = await style();
    expect(before.textAlign).not.toBe('justify');
    const panel = await reader.openReadingSettings();
    const width = panel.getByRole('group', { name: 'Line width' });
    const widthShown = () => width.locator('output').textContent();
    const startWidth = parseInt((await widthShown()) ?? '', 10);
    await width.getByRole('button', { name: 'Narrower lines' }).click();
    await eventually(widthShown).toBe(`${startWidth - 5} ch`);
    // Narrower by five characters of the reading font: the measure shrinks in proportion.
    await eventually(async () => Math.round(((await style()).measure / before.measure) * startWidth)).toBe(startWidth - 5);

    await panel.getByRole('radio', { name: 'OpenDyslexic' }).check();
    await eventually(() => reader.article.getAttribute('data-font')).toBe('dyslexic');
    expect((await style()).fontFamily).toMatch(/^"?OpenDyslexic"?,/u);
    // The bundled face itself is loaded and drawn, not a fallback: it came from the app's own origin.
    await eventually(() =>
      page.evaluate(async () => {
        type Face = { family: string; status: string };
        const fonts = (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } & Iterable<Face> } }).document.fonts;
        await fonts.ready;
        // A face the app declares and has loaded (check() alone says true when no face of that name exists at all).
        return [...fonts].some((f) => f.family.replace(/["']/gu, '') === 'OpenDyslexic' && f.status === 'loaded');
      }),
    ).toBe(true);

    const saved = nextApiResponse(page, 'settings.set', (input) => input.justify === true);
    await panel.getByRole('checkbox', { name: 'Justify and hyphenate' }).check();
    await eventually(async () => (await style()).textAlign).toBe('justify');
    // Hyphenated by the reader itself (the engine may have no dictionary): soft hyphens in the page's language.
    expect(await reader.article.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toMatch(/^[a-z]{2}/u);
    await eventually(() => reader.article.getAttribute('data-hyphenated')).toBe('true');
    expect((await style()).hyphens).toBe('manual');
    const paragraph = reader.article.locator('.article-body p').nth(1);
    const drawn = (await paragraph.textContent()) ?? '';
    expect(drawn).toContain('\u00ad');
    // They are the layout's alone: a selection ending past a few of them quotes the article's own words.
    const added = nextApiResponse(page, 'highlights.add');
    const expected = await paragraph.evaluate((el) => {
      type Text = { textContent: string };
      const doc = el.ownerDocument as unknown as {
        createRange: () => { setStart: (n: Text, o: number) => void; setEnd: (n: Text, o: number) => void };
        getSelection: () => { removeAllRanges: () => void; addRange: (r: unknown) => void };
      };
      const text = (el as unknown as { querySelector: (s: string) => { firstChild: Text } }).querySelector('[data-o]').firstChild;
      const dom = text.textContent;
      let shy = -1;
      for (let n = 0; n < 3; n++) shy = dom.indexOf('\u00ad', shy + 1);
      const end = dom.indexOf(' ', shy);
      const range = doc.createRange();
      range.setStart(text, 0);
      range.setEnd(text, end);
      doc.getSelection().removeAllRanges();
      doc.getSelection().addRange(range);
      return dom.slice(0, end).replaceAll('\u00ad', '');
    });
    await reader.main.getByRole('button', { name: 'Highlight', exact: true }).click();
    const quote = ((await (await added).json()) as { value: { quote: string } }).value.quote;
    expect(quote).toBe(expected);
    await saved;

    await page.reload();
    await reader.waitForArticle(SEED);
    const after = await style();
    expect(after.textAlign).toBe('justify');
    expect(after.fontFamily).toMatch(/^"?OpenDyslexic"?,/u);
    expect(await (await reader.openReadingSettings()).getByRole('group', { name: 'Line width' }).locator('output').textContent()).toBe(
      `${startWidth - 5} ch`,
    );
    // Back to the defaults the other tests in this file expect.
    const reset = await reader.openReadingSettings();
    await reset.getByRole('checkbox', { name: 'Justify and hyphenate' }).uncheck();
    await reset.getByRole('radio', { name: 'Serif', exact: true }).check();
    const restored = nextApiResponse(page, 'settings.set', (input) => input.lineWidth === startWidth);
    await reset.getByRole('group', { name: 'Line width' }).getByRole('button', { name: 'Wider lines' }).click();
    await restored;
  });

  test('resizes the library pane from the keyboard and keeps the width after a reload', async ({ page }) => {
    const splitter = page.getByRole('separator', { name: 'Resize library' });
    const width = async () => Number(await splitter.getAttribute('aria-valuenow'));
    const start = await width();
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    const saved = nextApiResponse(page, 'settings.set', (input) => input.paneWidth === start + 32);
    await page.keyboard.press('ArrowRight');
    await eventually(width).toBe(start + 32);
    await saved;
    const nav = new LibraryPage(page).landmark;
    expect(Math.round((await nav.boundingBox())!.width)).toBe(start + 32);
    await page.reload();
    await eventually(width).toBe(start + 32);
  });

  test('stays usable from 800 to 2560 pixels wide', async ({ page }) => {
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    for (const [w, h] of [
      [800, 600],
      [2560, 1440],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await library.open(SEED);
      await reader.waitForArticle(SEED);
      const overflow = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
          .documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      expect(overflow).toBe(0);
      const article = (await reader.article.boundingBox())!;
      expect(article.width).toBeGreaterThan(300);
      expect(article.x + article.width).toBeLessThanOrEqual(w);
      expect((await library.landmark.boundingBox())!.width).toBeGreaterThan(250);
    }
  });
});
