import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

/** Enough files for an import that takes a moment, and a count with a thousands separator. */
const FILES = 1200;
const BUNDLED = 294;
let folder = '';

beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-import-')));
  for (let i = 0; i < FILES; i++)
    writeFileSync(join(folder, `note-${i}.txt`), `Field note ${i}\n\nThe ${i}th note on moraines and glaciers.\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const german = test.override({ pageOptions: { locale: 'de-DE' } });

describe('import progress', () => {
  german('shows an import against its total and writes counts in the reader’s locale', async ({ page }) => {
    const library = new LibraryPage(page);
    await eventually(() => library.status.textContent()).toBe(`${BUNDLED} articles`);
    const said = await library.followStatus();
    await library.addFolder(folder);
    await eventually(() => library.status.textContent()).toBe('1.494 articles');
    const texts = await said();
    expect(
      texts.some((t) => /^Indexing [\d.]+ of 1\.200…$/u.test(t)),
      texts.join(' | '),
    ).toBe(true);
    expect(
      texts.filter((t) => / of 0…$/u.test(t)),
      'a total of 0 while indexing',
    ).toEqual([]);
    await library.showFolders();
    await eventually(() => library.folderRows().first().textContent()).toContain('1.200');
  });
});
