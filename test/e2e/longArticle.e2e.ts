/**
 * A long article (an anthology of the bundled Wikinews articles, over a thousand blocks) renders the
 * blocks where it opens first and the rest afterwards: it must end with every block in the DOM, in
 * order, and open at its hit or at the saved position exactly as a short article does.
 */
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { nextApiResponse } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const TITLE = 'Wikinews anthology';
const wikinews = resolve(import.meta.dirname, '..', '..', 'content', 'wikinews');

/** The bundled articles' bodies, oldest first, each under its title as a section. */
function sections(): { title: string; paragraphs: string[] }[] {
  return readdirSync(wikinews, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const [, front = '', body = ''] = readFileSync(join(wikinews, f), 'utf8').split(/^---$/mu);
      const title = /^title: "(.*)"$/mu.exec(front)?.[1] ?? f;
      return {
        title,
        paragraphs: body
          .split(/\n{2,}/u)
          .map((p) => p.trim())
          .filter((p) => /^[A-Z]/u.test(p) && p.length > 80),
      };
    })
    .filter((s) => s.paragraphs.length > 0);
}

const all = sections();
/** A sentence far into the article, and one further still, each the start of a paragraph. */
const words = (p: string, n: number) => p.split(/\s+/u).slice(0, n).join(' ');
const deep = all[Math.floor(all.length * 0.45)]!.paragraphs[0]!;
const deeper = all[Math.floor(all.length * 0.8)]!.paragraphs[0]!;
const first = all[0]!.paragraphs[0]!;
const last = all.at(-1)!.paragraphs.at(-1)!;

let folder = '';
beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-long-')));
  const body = all.map((s) => `## ${s.title}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n');
  writeFileSync(join(folder, 'anthology.md'), `# ${TITLE}\n\n${body}\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a long article', () => {
  test('ends with every block rendered, opens at its hit and comes back to the saved place', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('295 articles');

    await search.searchFor(`"${words(deeper, 8)}"`);
    await search.openResult(TITLE);
    await reader.waitForArticle(TITLE);
    await eventually(() => reader.article.getAttribute('data-complete')).toBe('true');
    const blocks = await reader.article.locator('[data-block]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-block'))));
    expect(blocks.length).toBeGreaterThan(1000);
    expect(blocks).toEqual(blocks.map((_, i) => i));
    expect(await reader.article.getByText(words(first, 10)).count()).toBeGreaterThan(0);
    expect(await reader.article.getByText(words(last, 10)).count()).toBeGreaterThan(0);
    // The hit it opened at is still on screen once the blocks before it are in.
    const mark = await reader.currentMarks().first().boundingBox();
    const scroller = await reader.main.locator('.reader-scroll').boundingBox();
    expect(mark && scroller && mark.y > scroller.y && mark.y < scroller.y + scroller.height).toBe(true);

    await page.keyboard.press('Escape');
    const saved = nextApiResponse(page, 'position.set', (input) => (input.progress as number) > 0.3);
    await reader.scrollToText(words(deep, 10));
    await saved;
    await page.reload();
    await reader.waitForArticle(TITLE);
    await eventually(() => reader.article.getAttribute('data-complete')).toBe('true');
    await eventually(() => reader.isNearTop(words(deep, 10))).toBe(true);
  });
});
