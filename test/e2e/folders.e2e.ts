import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { recordHardening } from '../hardening/summary';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** A 1×1 PNG, written next to the sampler so its relative image resolves. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
let folder = '';

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-sampler-')));
  cpSync(resolve(import.meta.dirname, 'fixtures', 'sampler'), folder, { recursive: true });
  writeFileSync(join(folder, 'pixel.png'), PIXEL);
  writeFileSync(join(folder, 'broken.txt'), Buffer.from([0x61, 0x00, 0x62, 0x00]));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Adds the sampler folder (again: adding is idempotent) and waits until its articles are searchable. */
async function withSampler(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  await library.addFolder(folder);
  await eventually(() => library.status.textContent()).toBe('298 articles');
}

async function openArticle(page: Page, query: string, title: string): Promise<ReaderPage> {
  const search = new SearchPage(page);
  const reader = new ReaderPage(page);
  await search.searchFor(query);
  await search.openResult(title);
  await reader.waitForArticle(title);
  return reader;
}

describe('folders and article formatting', () => {
  test('adds a folder by its absolute path and lists its import problems', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.addFolder('articles/relative');
    await eventually(() => library.landmark.getByRole('alert').textContent()).toContain('absolute');
    await withSampler(page);
    await library.filterByFolder(folder);
    await eventually(() => library.status.textContent()).toBe('4 articles');
    await library.filterByFolder('All folders');
    await eventually(() => library.status.textContent()).toBe('298 articles');
    const problems = library.problemsButton();
    await eventually(() => problems.textContent()).toBe('Import problems (1)');
    await problems.click();
    const panel = library.landmark.getByRole('region', { name: 'Import problems' });
    await eventually(() => panel.textContent()).toContain('broken.txt');
    expect(await panel.textContent()).toContain('binary');
  });

  test('opens the import problems panel inside the window at every size', async ({ page }) => {
    const library = new LibraryPage(page);
    await withSampler(page);
    for (const size of [
      { width: 800, height: 600 },
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      const problems = library.problemsButton();
      if ((await problems.getAttribute('aria-expanded')) !== 'true') await problems.click();
      const panel = library.landmark.getByRole('region', { name: 'Import problems' });
      await eventually(() => panel.textContent()).toContain('broken.txt');
      const box = (await panel.boundingBox())!;
      expect(box.y, `top at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `bottom at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      await page.keyboard.press('Escape');
    }
  });

  test('renders headings, lists, quotes and code as elements, with a table of contents', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'Formatting sampler', 'Formatting sampler');
    expect(await reader.article.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Lists and quotes', 'Code and links']);
    expect(await reader.article.getByRole('listitem').count()).toBe(3);
    expect(await reader.article.locator('blockquote').textContent()).toBe('A quoted sentence about the sea.');
    expect(await reader.article.locator('pre code').textContent()).toBe("const greeting = 'hello';");
    expect(await reader.article.locator('em').first().textContent()).toBe('emphasis');
    expect(await reader.article.locator('br').count()).toBe(1);
    await reader.main.getByRole('button', { name: 'Contents' }).click();
    const toc = reader.main.getByRole('navigation', { name: 'Table of contents' });
    await toc.getByRole('link', { name: 'A smaller heading' }).click();
    const heading = reader.article.getByRole('heading', { name: 'A smaller heading' });
    await eventually(() => heading.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(
      true,
    );
    await eventually(() => reader.isInView(heading)).toBe(true);
  });

  test('marks a hit that spans formatting with several marks sharing one data-hit', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'unbreakable', 'Formatting sampler');
    await eventually(() => reader.marks.count()).toBe(3);
    expect(await reader.hitIds()).toHaveLength(1);
    expect((await reader.marks.allTextContents()).join('')).toBe('unbreakable');
    expect(await reader.counterText()).toBe('1 of 1');
  });

  test('reads a right-to-left article from right to left, in its language', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'المنارة', 'مقالة باللغة العربية');
    expect(await reader.article.getAttribute('dir')).toBe('rtl');
    expect(await reader.article.getAttribute('lang')).toBe('ar');
    const direction = await reader.article
      .locator('p')
      .first()
      .evaluate(
        (el) =>
          (el.ownerDocument.defaultView as unknown as { getComputedStyle: (e: unknown) => { direction: string } }).getComputedStyle(el)
            .direction,
      );
    expect(direction).toBe('rtl');
  });

  test('shows a remote image as its alt text without fetching it, and a local one through the asset route', async ({
    page,
    guards,
    app,
  }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'Formatting sampler', 'Formatting sampler');
    const placeholder = reader.article.locator('figure').filter({ hasText: 'A chart of reading time' });
    expect(await placeholder.textContent()).toContain('images.example.org');
    expect(await placeholder.locator('img').count()).toBe(0);
    const local = reader.article.locator('figure img');
    // A capability URL: the article id, the image's key, the src; never the session token.
    const src = (await local.getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/asset\/[^/]+\/[\w-]{32}\?src=pixel\.png$/u);
    expect(src).not.toContain(new URL(app.server.url).searchParams.get('token'));
    await eventually(() => local.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    expect(guards.foreignRequests).toEqual([]);
  });

  test('asks before opening an external link, showing its whole address, and opens it only when confirmed', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'Formatting sampler', 'Formatting sampler');
    const url = 'https://example.org/offprint/docs/reading-mode?from=sampler&lang=en';
    await page
      .context()
      .route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'stand-in for the web' }));
    const link = reader.article.getByRole('link', { name: 'the project site' });
    await link.click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(url);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    await link.click();
    const popup = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Open link' }).click();
    expect((await popup).url()).toBe(url);
    expect(await reader.article.getByRole('link', { name: 'a script link' }).count()).toBe(0);
  });

  test('opens the article a relative link points to', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'Formatting sampler', 'Formatting sampler');
    await reader.article.getByRole('link', { name: 'the other article' }).click();
    await reader.waitForArticle('The other article');
  });

  test('renders hostile markup as inert text', async ({ page }) => {
    await withSampler(page);
    const reader = await openArticle(page, 'harbour Styled paragraph', 'Hostile markup');
    const pwned = await page.evaluate(() => (globalThis as unknown as { __pwn?: number }).__pwn);
    // hostile.md carries 11 payloads: script, event handlers, srcdoc, javascript: links, form, CSS imports, a hostile code language, DOM clobbering.
    recordHardening({ hostileTried: 11, hostileExecuted: pwned === undefined ? 0 : 1 });
    expect(pwned).toBeUndefined();
    expect(await page.evaluate(() => typeof (globalThis as unknown as { api?: unknown }).api)).toBe('undefined');
    for (const tag of ['script', 'iframe', 'form', 'style', 'object', 'embed'])
      expect(await reader.article.locator(tag).count(), tag).toBe(0);
    expect(await reader.article.getByRole('link').count()).toBe(0);
    expect(await reader.article.textContent()).toContain('<img src=x onerror="window.__pwn=1">');
  });

  test('removes a folder only when asked twice, closes what was open from it, and undoes it with its highlights', async ({ page }) => {
    const library = new LibraryPage(page);
    await withSampler(page);
    const reader = await openArticle(page, 'Formatting', 'Formatting sampler');
    await reader.highlight('First item about apples');
    await eventually(() => reader.article.locator('.highlight').textContent()).toBe('First item about apples');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await eventually(() => library.landmark.isVisible()).toBe(true);
    await eventually(() => library.problemsButton().textContent()).toBe('Import problems (1)');

    const folderList = await library.showFolders();
    await folderList.getByRole('button', { name: 'Remove folder', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this folder from the library?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(folder);
    // It says how many articles go, and nothing has gone yet.
    const confirm = dialog.getByRole('button', { name: 'Remove 4 articles' });
    expect(await confirm.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect(await library.status.textContent()).toBe('298 articles');

    await folderList.getByRole('button', { name: 'Remove folder', exact: true }).click();
    await confirm.click();
    await eventually(() => library.status.textContent()).toBe('294 articles');
    const removed = library.landmark.getByRole('status').filter({ hasText: 'Removed' });
    await eventually(() => removed.textContent()).toMatch(/^Removed .+: 4 articles left the library\./u);
    // Its article and its import problems leave the screen with it.
    await eventually(() => reader.article.count()).toBe(0);
    await eventually(() => library.problemsButton().count()).toBe(0);

    await removed.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => library.status.textContent()).toBe('298 articles');
    await eventually(() => library.problemsButton().textContent()).toBe('Import problems (1)');
    // The highlight comes back with its article.
    const again = await openArticle(page, 'Formatting', 'Formatting sampler');
    await eventually(() => again.article.locator('.highlight').textContent()).toBe('First item about apples');
  });

  test('says what an add and a rescan did once they are done, and that a folder is already there', async ({ page }) => {
    const library = new LibraryPage(page);
    const fresh = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-summary-')));
    try {
      writeFileSync(join(fresh, 'one.md'), '# Summary one\n\nThe first of two articles.');
      writeFileSync(join(fresh, 'two.md'), '# Summary two\n\nThe second of two articles.');
      writeFileSync(join(fresh, 'bad.txt'), Buffer.from([0x61, 0x00, 0x62, 0x00]));
      const message = library.landmark.locator('.folder-message');
      await library.addFolder(fresh);
      await eventually(() => message.textContent()).toBe(`Added ${fresh}: 2 articles. 1 file could not be imported (see Import problems).`);
      await library.addFolder(fresh);
      await eventually(() => message.textContent()).toBe(`${fresh} is already in the library, with 2 articles.`);
      const rescan = library.landmark.getByRole('button', { name: 'Rescan' });
      await rescan.click();
      await eventually(() => message.textContent()).toMatch(/^Rescan done: every article was up to date\./u);
      writeFileSync(join(fresh, 'two.md'), '# Summary two\n\nThe second of three articles, changed.');
      writeFileSync(join(fresh, 'three.md'), '# Summary three\n\nThe third article.');
      await rescan.click();
      await eventually(() => message.textContent()).toMatch(/^Rescan done: 1 new, 1 changed\./u);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
