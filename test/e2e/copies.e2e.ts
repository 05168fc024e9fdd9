import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';
import { describeViolations, seriousViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const TITLE = 'The patient heron of the millpond';
const ARTICLE = `# ${TITLE}\n\nA heron stood in the millpond all morning, as still as the reeds around it.\n`;
const folders: string[] = [];
// axe-core goes in as a script tag, which the app's CSP (rightly) refuses; this page bypasses it.
const scan = test.scoped({ pageOptions: { bypassCSP: true } });

beforeAll(() => {
  for (const name of ['first', 'second']) {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), `offprint-copies-${name}-`)));
    writeFileSync(join(dir, 'heron.md'), ARTICLE);
    folders.push(dir);
  }
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the same article in two folders', () => {
  scan('shows one row and the reader names both locations', async ({ page }) => {
    const library = new LibraryPage(page);
    const search = new SearchPage(page);
    const reader = new ReaderPage(page);
    await eventually(() => library.status.textContent(), 'the library counted').toMatch(/^\d+ articles$/u);
    const before = Number.parseInt((await library.status.textContent()) ?? '', 10);
    for (const dir of folders) await library.addFolder(dir);
    await library.showFolders();
    for (const dir of folders) await eventually(() => library.folderCount(dir), `${dir} indexed`).toBe('1');
    // Both copies are indexed, and the library counts the article once.
    await eventually(() => library.status.textContent()).toBe(`${before + 1} articles`);

    await search.searchFor('millpond heron');
    expect(await search.resultTitles()).toEqual([TITLE]);
    expect(await search.totalText()).toMatch(/^1 result/u);

    await search.openResult(TITLE);
    await reader.waitForArticle(TITLE);
    const locations = reader.article.getByRole('list', { name: 'In 2 places:' });
    const paths = (await locations.getByRole('listitem').allTextContents()).map((t) => t.replace(' (this copy)', ''));
    expect(paths).toEqual(folders.map((dir) => join(dir, 'heron.md')));
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
