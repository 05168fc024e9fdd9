import { closeSync, mkdirSync, readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchArticles } from '../search.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { openInside, OUTSIDE, type InsideCheck } from './openInside.ts';
import { readArticleFile } from './readFile.ts';

let lib: TempLibrary;
let root: string;
let outside: string;
beforeEach(() => {
  lib = tempLibrary();
  lib.write('sub/note.md', '# Inside\n\nThe inside version.');
  lib.write('top.md', '# Top\n\nAt the top.');
  root = realpathSync(join(lib.dir, 'articles'));
  outside = join(lib.dir, 'private');
  mkdirSync(outside);
  writeFileSync(join(outside, 'note.md'), '# Private\n\nThe word xylophone is private.');
});
afterEach(() => lib.cleanup());

/** Swaps the folder `sub` for a link to the private folder: what an attacker does between a check and the open. */
const swapSub = () => {
  renameSync(join(root, 'sub'), join(root, 'sub.away'));
  symlinkSync(outside, join(root, 'sub'));
};

const CHECKS: InsideCheck[] = ['fd', 'inodes'];

describe.each(CHECKS)('openInside with the %s check', (check) => {
  it('opens a file inside the folder', () => {
    const fd = openInside(root, 'sub/note.md', { check });
    try {
      expect(readFileSync(fd, 'utf8')).toContain('inside version');
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a file whose folder was swapped for a link to an outside folder just before the open', () => {
    expect(() => openInside(root, 'sub/note.md', { check, beforeOpen: swapSub })).toThrow(expect.objectContaining({ code: OUTSIDE }));
  });

  it('refuses a path that climbs out of the folder', () => {
    expect(() => openInside(root, '../private/note.md', { check })).toThrow(expect.objectContaining({ code: OUTSIDE }));
  });

  it('never follows a link in the last component', () => {
    symlinkSync(join(outside, 'note.md'), join(root, 'link.md'));
    expect(() => openInside(root, 'link.md', { check })).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });
});

describe('reading an article file inside its folder', () => {
  it('reports the swapped file with its reason and reads nothing of it', () => {
    const got = readArticleFile(join(root, 'sub/note.md'), 1 << 20, { realRoot: root, relpath: 'sub/note.md', beforeOpen: swapSub });
    expect(got).toEqual({
      ok: false,
      error: {
        code: 'symlink',
        reason: 'The file turned out to lie outside the folder (a folder on its way was replaced by a link); it was not read.',
      },
    });
  });

  it('refuses the swapped file in a sync, and imports the rest', () => {
    const report = syncFolders(lib.db, [{ key: 'f', root: join(lib.dir, 'articles') }], {
      beforeOpen: (abs) => {
        if (abs.endsWith('note.md')) swapSub();
      },
    });
    expect(report.added).toBe(1);
    expect(report.failed).toEqual([
      { path: join(lib.dir, 'articles', 'sub', 'note.md'), reason: expect.stringMatching(/outside the folder/u) },
    ]);
    expect(searchArticles(lib.db, 'xylophone').total).toBe(0);
  });

  it('reads through a folder that is itself reached by a link', () => {
    const alias = join(lib.dir, 'alias');
    symlinkSync(join(lib.dir, 'articles'), alias);
    const report = syncFolders(lib.db, [{ key: 'f', root: alias }]);
    expect(report).toMatchObject({ added: 2, failed: [] });
  });
});
