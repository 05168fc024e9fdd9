import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '../search.ts';
import { syncFolders, type SyncReport } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';

const ROOT = fileURLToPath(new URL('../../../test/fixtures/encodings/', import.meta.url));

describe('syncing the encodings fixtures', () => {
  let lib: TempLibrary;
  let report: SyncReport;
  beforeAll(() => {
    lib = tempLibrary();
    report = syncFolders(lib.db, [{ key: 'encodings', root: ROOT }]);
  });
  afterAll(() => lib.cleanup());

  const problems = () =>
    lib.db.prepare('SELECT relpath, code, reason FROM import_errors WHERE folder = ? ORDER BY relpath').all('encodings') as {
      relpath: string;
      code: string;
      reason: string;
    }[];

  it('imports the good files and the legacy files the detector is sure of', () => {
    expect(report.added).toBe(7);
    const rows = lib.db.prepare('SELECT relpath, title FROM articles ORDER BY relpath').all() as { relpath: string; title: string }[];
    expect(rows.map((r) => [r.relpath, r.title])).toEqual([
      ['good-utf16be-bom.txt', 'A UTF-16 BE file'],
      ['good-utf16le-bom.txt', 'A UTF-16 LE file'],
      ['good-utf8-bom.md', 'UTF-8 with a BOM'],
      ['good-utf8.txt', 'A good UTF-8 file'],
      ['legacy-shift_jis.txt', '吾輩は猫である'],
      ['legacy-windows-1252-french.txt', 'Le café de la rue Saint-Honoré'],
      ['legacy-windows-1252-german.md', 'Der Bäcker in der Müllerstraße'],
    ]);
  });

  it('reports each bad file with its reason', () => {
    expect(problems()).toEqual([
      { relpath: 'bad-binary.txt', code: 'binary', reason: 'The file is binary (it contains NUL bytes), not text.' },
      { relpath: 'bad-empty.md', code: 'empty', reason: 'The file is empty.' },
      {
        relpath: 'bad-invalid-utf8.txt',
        code: 'undecodable',
        reason: expect.stringMatching(/^The file is not valid UTF-8: it looks like UTF-8 with 2 damaged byte sequences/u),
      },
      { relpath: 'bad-truncated-utf8.md', code: 'undecodable', reason: expect.stringContaining('ends in the middle of a character') },
      {
        relpath: 'bad-undetectable.txt',
        code: 'undecodable',
        reason: 'The file is not valid UTF-8 and its encoding could not be recognised with confidence.',
      },
      { relpath: 'bad-whitespace.txt', code: 'empty', reason: 'The file holds only white space.' },
    ]);
    expect(report.failed.map((f) => f.path.slice(ROOT.length)).sort()).toEqual(problems().map((p) => p.relpath));
  });

  it('finds words of the legacy files, decoded', () => {
    expect(
      searchArticles(lib.db, 'brûlée')
        .results.map((r) => r.title)
        .sort(),
    ).toEqual(['Le café de la rue Saint-Honoré', 'UTF-8 with a BOM']);
    expect(searchArticles(lib.db, 'cœur').results.map((r) => r.title)).toEqual(['Le café de la rue Saint-Honoré']);
    expect(searchArticles(lib.db, 'Müllerstraße').total).toBe(1);
    expect(searchArticles(lib.db, '名前').results.map((r) => r.title)).toEqual(['吾輩は猫である']);
    expect(searchArticles(lib.db, 'Köln').total).toBe(1);
  });

  it('imports nothing more and reports the same problems when run again', () => {
    const again = syncFolders(lib.db, [{ key: 'encodings', root: ROOT }]);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 7, removed: 0 });
    expect(again.failed.length).toBe(6);
  });
});
