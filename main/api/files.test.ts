/** files.add, files.choose and article.openOriginal through dispatch, on real services and real files. */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilesAdded, Folder, SearchResponse } from '../../common/contract.ts';
import { testServices, type TestServices } from './testServices.ts';

let t: TestServices;
const opened: string[] = [];
let picked: string[] | null = null;
const outside = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-files-')));
beforeAll(async () => {
  t = await testServices(
    { 'a.md': '# Alpha\n\nBundled text.' },
    { openPath: async (p) => (opened.push(p), true), chooseFiles: async () => picked },
  );
});
afterAll(async () => {
  await t.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

const ok = <T>(r: unknown) => (r as { ok: true; value: T }).value;
const search = async (q: string) => ok<SearchResponse>(await t.services.dispatch('search.query', { q }));
const file = (name: string, text: string) => {
  const path = join(outside, name);
  writeFileSync(path, text);
  return path;
};

describe('files.add', () => {
  it('copies files into the library folder, which becomes a watched folder, and they are found once it answers', async () => {
    const r = ok<FilesAdded>(
      await t.services.dispatch('files.add', { paths: [file('tide.md', '# Tide tables\n\nThe spring tide came at dawn.')] }),
    );
    expect(r).toEqual({ files: [{ name: 'tide.md', isNew: true }], folders: [], refused: [] });
    expect((await search('spring tide')).results.map((x) => x.title)).toEqual(['Tide tables']);
    const folders = ok<Folder[]>(await t.services.dispatch('folders.list', {}));
    expect(folders.find((f) => f.isLibrary)).toMatchObject({ root: t.services.deps.libraryDir, articles: 1 });
    expect(readdirSync(t.services.deps.libraryDir!)).toEqual(['tide.md']);
  });

  it('adds a folder as a watched folder and refuses what is neither, each with a reason', async () => {
    const folder = join(outside, 'papers');
    mkdirSync(folder);
    const paths = [folder, join(outside, 'missing.md'), 'relative.md', '/dev/null', file('photo.jpg', 'jpeg')];
    const r = ok<FilesAdded>(await t.services.dispatch('files.add', { paths }));
    expect(r.folders).toEqual([folder]);
    expect(r.files).toEqual([]);
    expect(r.refused.map((x) => x.name)).toEqual(['missing.md', 'relative.md', 'null', 'photo.jpg']);
    expect(r.refused[3]!.reason).toMatch(/not a format Offprint reads/u);
  });

  it('refuses an empty list as a bad request', async () => {
    expect(await t.services.dispatch('files.add', { paths: [] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('files.choose', () => {
  it('adds what the dialog picked, and answers null when it was cancelled', async () => {
    picked = [file('reef.txt', 'Reef notes\n\nCoral spawning under a full moon.')];
    expect(ok<FilesAdded>(await t.services.dispatch('files.choose', {})).files).toEqual([{ name: 'reef.txt', isNew: true }]);
    picked = null;
    expect(await t.services.dispatch('files.choose', {})).toEqual({ ok: true, value: null });
  });
});

describe('article.openOriginal', () => {
  it('opens the indexed file of the article, by id', async () => {
    const id = (await search('spring tide')).results[0]!.id;
    expect(await t.services.dispatch('article.openOriginal', { id })).toEqual({ ok: true, value: { opened: true } });
    expect(opened.at(-1)).toBe(join(t.services.deps.libraryDir!, 'tide.md'));
  });

  it('refuses an unknown id, and a file swapped for a link out of its folder', async () => {
    expect(await t.services.dispatch('article.openOriginal', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const id = (await search('coral spawning')).results[0]!.id;
    const path = join(t.services.deps.libraryDir!, 'reef.txt');
    unlinkSync(path);
    symlinkSync(file('secret.txt', 'not yours'), path);
    const before = opened.length;
    expect(await t.services.dispatch('article.openOriginal', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(opened.length).toBe(before);
  });
});
