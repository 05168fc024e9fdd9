/**
 * Every hostile fixture (test/fixtures/hostile) imported and opened in the real reader in Chromium:
 * nothing may run, navigate, open a window or reach another origin, and the readable text must show.
 * The page guards (support/fixtures.ts) fail a test on a page error, a dialog or a foreign request.
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateHostileFixtures, HOSTILE_DIR } from '../fixtures/hostile/generate';
import { recordHardening } from '../hardening/summary';
import { ReaderPage } from './pages/ReaderPage';
import { callApi } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

interface Fixture {
  file: string;
  category: string;
  sentence: string;
}

const manifest = JSON.parse(readFileSync(join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as { fixtures: Fixture[] };
const SKIP = new Set(['README.md', 'manifest.json', 'generate.ts', '.gitignore']);
let folder = '';
let executed = 0;
let tried = 0;

beforeAll(() => {
  generateHostileFixtures();
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-hostile-')));
  cpSync(HOSTILE_DIR, folder, { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  recordHardening({ hostileTried: tried, hostileExecuted: executed });
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
      .toBe(manifest.fixtures.length);
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
    expect([...ids.keys()].sort()).toEqual(manifest.fixtures.map((f) => f.file).sort());
  });

  test.for(manifest.fixtures.map((f) => [f.file, f] as const))(
    '%s renders inert with its text shown',
    async ([, fixture], { page, app }) => {
      const id = ids.get(fixture.file);
      expect(id, 'the import test ran first').toBeDefined();
      const popups: string[] = [];
      page.context().on('page', (p) => popups.push(p.url()));
      // The reader reopens the last article at start: that opens this one without searching for its title.
      // A page of the previous test may still save its own last article while closing, so check which
      // article opened and try again if it was not this one.
      const { title } = await callApi<{ title: string }>(app.server.url, 'article.get', { id });
      const reader = new ReaderPage(page);
      let shown = '';
      for (let attempt = 0; attempt < 3 && shown !== title; attempt++) {
        await callApi(app.server.url, 'settings.set', { lastArticle: id });
        await page.goto(app.server.url);
        await eventually(() => reader.article.count(), 'the article to open').toBe(1);
        shown = ((await reader.title().textContent()) ?? '').trim();
      }
      expect(shown).toBe(title.trim());
      tried++;
      const text = ((await reader.article.textContent()) ?? '').replace(/\s+/gu, ' ');
      expect(text).toContain(fixture.sentence.replace(/\s+/gu, ' '));
      // Give any timer, load or focus handler a moment to fire, then look for the sentinel.
      await page.waitForTimeout(150);
      const pwned = await page.evaluate(() => (globalThis as unknown as { __pwn?: unknown }).__pwn);
      if (pwned !== undefined) executed++;
      expect(pwned).toBeUndefined();
      expect(new URL(page.url()).origin).toBe(new URL(app.server.url).origin);
      expect(popups).toEqual([]);
    },
  );
});
