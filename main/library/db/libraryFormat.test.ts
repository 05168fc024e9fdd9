/** The library list's Format filter, as SQL pages it: alone, with the folder filter, and off. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { listLibrary } from './library.ts';

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  lib.write('one/plain.txt', 'Plain one\n\nA text file.');
  lib.write('one/marked.md', '# Marked one\n\nA Markdown file.');
  lib.write('two/page.html', '<title>Page two</title><h1>Page two</h1><p>An HTML file.</p>');
  lib.write('two/plain.txt', 'Plain two\n\nAnother text file.');
  syncFolders(lib.db, [
    { key: 'one', root: join(lib.dir, 'articles', 'one') },
    { key: 'two', root: join(lib.dir, 'articles', 'two') },
  ]);
});
afterAll(() => lib.cleanup());

const titles = (folder: string | null, format: string | null) => {
  const { rows, total } = listLibrary(lib.db, 'title', 50, 0, folder, format);
  return { total, titles: rows.map((r) => `${r.title} (${r.format})`) };
};

describe('the library’s format filter', () => {
  it('lists only the articles of that format, with its count', () => {
    expect(titles(null, 'txt')).toEqual({ total: 2, titles: ['Plain one (txt)', 'Plain two (txt)'] });
    expect(titles(null, 'html')).toEqual({ total: 1, titles: ['Page two (html)'] });
  });

  it('narrows the folder filter further', () => {
    expect(titles('two', 'txt')).toEqual({ total: 1, titles: ['Plain two (txt)'] });
    expect(titles('one', 'html')).toEqual({ total: 0, titles: [] });
  });

  it('lists every format when it is off', () => {
    expect(titles(null, null).total).toBe(4);
  });
});
