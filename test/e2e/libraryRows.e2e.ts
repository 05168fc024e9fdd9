/**
 * Library rows as tall as what they hold, and an author's name kept whole while the source gives way:
 * a row without a date or details used to keep a two-line gap, and "Wikipedia contributors" was cut.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LibraryPage } from './pages/LibraryPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

let folder = '';
beforeAll(() => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-rows-')));
  const front = (title: string, extra: string) => `---\ntitle: "${title}"\nauthor: "Wikipedia contributors"\n${extra}---\n`;
  writeFileSync(
    join(folder, 'aegir.md'),
    `${front('Ægir', 'source: "https://en.wikipedia.org/wiki/%C3%86gir_(mythology)"\ndate: "2021-03-04"\n')}A sea giant.\n`,
  );
  writeFileSync(join(folder, 'zebra.txt'), 'Zebra\n\nAfrican equines with black-and-white stripes.\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('library rows', () => {
  test('are as tall as their content, and keep the author whole before the source', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.addFolder(folder);
    await library.filterByFolder(folder);
    await eventually(() => library.status.textContent()).toBe('2 articles');
    const row = (title: string) => library.row(title);
    await eventually(() => row('Zebra').count()).toBe(1);
    const [withDetails, titleOnly] = [await row('Ægir').boundingBox(), await row('Zebra').boundingBox()];
    // The title alone, one line: no room kept for details it does not have.
    expect(titleOnly!.height).toBeLessThan(withDetails!.height - 10);
    const author = row('Ægir').locator('.row-author');
    expect(await author.textContent()).toBe('Wikipedia contributors');
    expect(await author.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
