/**
 * Every hostile fixture (test/fixtures/hostile) and every outside vector (test/fixtures/xss-vectors, in
 * .html and .md articles) imported and opened in the real reader in Chromium: nothing may run, navigate,
 * open a window or reach another origin, and the readable text must show. The page guards
 * (support/fixtures.ts) fail a test on a page error, a dialog or a foreign request.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { generateHostileFixtures, HOSTILE_DIR } from '../fixtures/hostile/generate';
import { outsideArticles, type OutsideArticle } from '../fixtures/xss-vectors/articles';
import { recordHardening } from '../hardening/summary';
import { ReaderPage } from './pages/ReaderPage';
import { callApi, nextApiResponse } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

interface Fixture {
  file: string;
  category: string;
  sentence: string;
}

const manifest = JSON.parse(readFileSync(join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as { fixtures: Fixture[] };
const outside = outsideArticles();
const allFiles = [...manifest.fixtures.map((f) => f.file), ...outside.map((a) => a.file)];
const SKIP = new Set(['README.md', 'manifest.json', 'generate.ts', '.gitignore']);
let folder = '';
let executed = 0;
let tried = 0;
const outsideTried = new Set<string>();
const outsideExecuted = new Set<string>();

beforeAll(() => {
  generateHostileFixtures();
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-hostile-')));
  cpSync(HOSTILE_DIR, folder, { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
  for (const a of outside) {
    mkdirSync(dirname(join(folder, a.file)), { recursive: true });
    writeFileSync(join(folder, a.file), a.content);
  }
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  recordHardening({
    hostileTried: tried,
    hostileExecuted: executed,
    outsideTried: outsideTried.size,
    outsideExecuted: outsideExecuted.size,
  });
});

describe('hostile articles in the reader', () => {
  let ids = new Map<string, string>();

  test('import: every hostile fixture is in the library', async ({ app }) => {
    await callApi(app.server.url, 'folders.add', { path: folder });
    await expect
      .poll(
        async () =>
          (await callApi<{ total: number }>(app.server.url, 'library.list', { sort: 'title', offset: 0, limit: 1, folder })).total,
        { timeout: 120_000, interval: 200 },
      )
      .toBe(allFiles.length);
    const list = await callApi<{ items: { id: string }[] }>(app.server.url, 'library.list', {
      sort: 'title',
      offset: 0,
      limit: 1000,
      folder,
    });
    ids = new Map();
    for (const { id } of list.items) {
      const a = await callApi<{ path: string }>(app.server.url, 'article.get', { id });
      ids.set(a.path.slice(folder.length + 1), id);
    }
    expect([...ids.keys()].sort()).toEqual([...allFiles].sort());
  });

  test.for(manifest.fixtures.map((f) => [f.file, f] as const))(
    '%s renders inert with its text shown',
    async ([, fixture], { page, app }) => {
      await openInReader(page, app.server.url, ids.get(fixture.file), async (reader, popups) => {
        const pwned = await checkInert(page, reader, fixture.sentence, app.server.url, popups);
        tried++;
        if (pwned !== undefined) executed++;
        expect(pwned).toBeUndefined();
      });
    },
  );

  test.for(outside.map((a) => [a.file, a] as const))(
    'outside vectors in %s render inert with the text shown',
    async ([, article], { page, app, guards }) => {
      await openInReader(page, app.server.url, ids.get(article.file), async (reader, popups) => {
        const pwned = await checkInert(page, reader, article.sentence, app.server.url, popups);
        countOutside(article, pwned, guards.dialogs.length > 0);
        expect(pwned, `vector number ${String(pwned)} ran`).toBeUndefined();
      });
    },
  );
});

/** Every vector of the article was tried; one that set the sentinel ran (or, if a dialog opened, one of them did). */
function countOutside(article: OutsideArticle, pwned: unknown, hadDialog: boolean): void {
  for (const v of article.vectors) outsideTried.add(v.id);
  const ran = article.vectors.find((v) => v.n === pwned);
  if (ran) outsideExecuted.add(ran.id);
  else if (hadDialog || pwned !== undefined) outsideExecuted.add(`${article.file}: unknown`);
}

/**
 * Opens the article in a fresh page load of the reader and runs `check` on it. The reader reopens the last
 * article at start: that opens this one without searching for its title. Each page load saves the article
 * it reopened, so a load must not reopen an older one, or its save could land after this test's choice:
 * every test leaves the last article cleared, and the page the fixture opened (settings loaded, no
 * article) has nothing to save when this test sets its own.
 */
async function openInReader(
  page: Page,
  url: string,
  id: string | undefined,
  check: (reader: ReaderPage, popups: string[]) => Promise<void>,
): Promise<void> {
  expect(id, 'the import test ran first').toBeDefined();
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));
  const { title } = await callApi<{ title: string }>(url, 'article.get', { id });
  const reader = new ReaderPage(page);
  await eventually(() => reader.main.getAttribute('aria-busy'), 'the settings to load').toBe(null);
  expect(await reader.article.count(), 'no article reopened before this test chose one').toBe(0);
  try {
    await callApi(url, 'settings.set', { lastArticle: id });
    const saved = nextApiResponse(page, 'settings.set', (input) => input.lastArticle === id);
    await page.goto(url);
    await page.waitForURL((u) => !u.searchParams.has('token'), { waitUntil: 'load' });
    await eventually(() => reader.article.count(), 'the article to open').toBe(1);
    expect(((await reader.title().textContent()) ?? '').trim()).toBe(title.trim());
    await saved;
    await check(reader, popups);
  } finally {
    await callApi(url, 'settings.set', { lastArticle: null });
  }
}

/** The article's text is shown, and nothing in it navigated or opened a window; returns the sentinel, which must be unset. */
async function checkInert(page: Page, reader: ReaderPage, sentence: string, url: string, popups: string[]): Promise<unknown> {
  const text = ((await reader.article.textContent()) ?? '').replace(/\s+/gu, ' ');
  expect(text).toContain(sentence.replace(/\s+/gu, ' '));
  // Let every handler a payload could hang on have its turn: each image's load or error event has
  // fired once it is complete, and autofocus (with its focus handlers) runs in a rendering step. The
  // reader loads images lazily; one below the fold would never complete, so each is made to load now.
  await reader.article.locator('img').evaluateAll((imgs) => {
    for (const i of imgs) (i as unknown as { loading: string }).loading = 'eager';
  });
  await eventually(() =>
    reader.article.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as unknown as { complete: boolean }).complete)),
  ).toBe(true);
  await page.evaluate(() => {
    const frame = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => number }).requestAnimationFrame;
    return new Promise<void>((r) => frame(() => frame(r)));
  });
  const pwned = await page.evaluate(() => (globalThis as unknown as { __pwn?: unknown }).__pwn);
  expect(new URL(page.url()).origin).toBe(new URL(url).origin);
  expect(popups).toEqual([]);
  return pwned;
}
