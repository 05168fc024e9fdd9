/**
 * The same document in two folders, through the API on real services: one search result and one
 * library row, every location named, highlights and position shared, kept when a copy goes, and an
 * edited copy its own article again.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSummary, Folder, Highlight, IndexStatus, ReadingPosition, SearchResponse } from '../../common/contract.ts';
import { testServices, type TestServices } from './testServices.ts';

const DOCS = 12;
const heron = (i: number) => `# Heron ${i}\n\nThe grey heron waits by the water, story number ${i}.\n`;

let t: TestServices;
let a: string;
let b: string;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await t.services.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the index is idle with `counts` articles in the added folders, in order. */
async function settled(counts: number[]): Promise<void> {
  await until(async () => {
    const status = await call<IndexStatus>('index.status', {});
    const folders = (await call<Folder[]>('folders.list', {})).filter((f) => !f.isBundled);
    return status.state === 'idle' && JSON.stringify(folders.map((f) => f.articles)) === JSON.stringify(counts);
  });
}

const search = (q: string, offset = 0, limit = 5) => call<SearchResponse>('search.query', { q, offset, limit });
const open = (id: string) => call<Article>('article.get', { id });
const idOf = async (q: string, n = 0) => (await search(q)).results[n]!.id;

beforeEach(async () => {
  t = await testServices({ 'bundled.md': '# Bundled\n\nA bundled article.\n' });
  a = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-copies-a-')));
  b = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-copies-b-')));
  for (let i = 0; i < DOCS; i++) {
    writeFileSync(join(a, `heron-${i}.md`), heron(i));
    writeFileSync(join(b, `copy-${i}.md`), heron(i));
  }
  await call('folders.add', { path: a });
  await settled([DOCS]);
  await call('folders.add', { path: b });
  await settled([DOCS, DOCS]);
});
afterEach(async () => {
  await t.cleanup();
  rmSync(a, { recursive: true, force: true });
  rmSync(b, { recursive: true, force: true });
});

describe('the same document in two folders', () => {
  it('is one search result, with the total and pages past the first right', async () => {
    const ids: string[] = [];
    for (let offset = 0; offset < DOCS + 5; offset += 5) {
      const page = await search('heron', offset);
      expect(page.total).toBe(DOCS);
      ids.push(...page.results.map((r) => r.id));
    }
    expect(ids).toHaveLength(DOCS);
    expect(new Set(ids).size).toBe(DOCS);
  });

  it('is one library row, with the total right on every page', async () => {
    const ids: string[] = [];
    for (let offset = 0; offset < DOCS + 1; offset += 5) {
      const page = await call<{ total: number; items: ArticleSummary[] }>('library.list', { sort: 'title', offset, limit: 5 });
      expect(page.total).toBe(DOCS + 1);
      ids.push(...page.items.map((r) => r.id));
    }
    expect(new Set(ids).size).toBe(DOCS + 1);
    const inB = await call<{ total: number }>('library.list', { sort: 'date', offset: 0, limit: 50, folder: b });
    expect(inB.total).toBe(DOCS);
  });

  it('names both locations, whichever copy is opened', async () => {
    const first = await open(await idOf('"story number 4"'));
    expect(first.locations).toEqual([join(a, 'heron-4.md'), join(b, 'copy-4.md')]);
    const inB = (await call<{ items: ArticleSummary[] }>('library.list', { sort: 'title', offset: 0, limit: 50, folder: b })).items;
    const copy = await open(inB.find((r) => r.title === 'Heron 4')!.id);
    expect(copy.id).not.toBe(first.id);
    expect(copy.locations).toEqual([join(b, 'copy-4.md'), join(a, 'heron-4.md')]);
  });

  it('shares highlights and position between the copies, and keeps them when the first folder goes', async () => {
    const first = await idOf('"story number 2"');
    const inB = (await call<{ items: ArticleSummary[] }>('library.list', { sort: 'title', offset: 0, limit: 50, folder: b })).items;
    const copy = inB.find((r) => r.title === 'Heron 2')!.id;
    const viaFirst = await call<Highlight>('highlights.add', { id: first, start: { block: 0, offset: 4 }, end: { block: 0, offset: 8 } });
    const viaCopy = await call<Highlight>('highlights.add', { id: copy, start: { block: 0, offset: 9 }, end: { block: 0, offset: 14 } });
    expect(viaFirst.quote).toBe('grey');
    expect(viaCopy.quote).toBe('heron');
    for (const id of [first, copy]) {
      expect((await call<Highlight[]>('highlights.list', { id })).map((h) => h.quote)).toEqual(['grey', 'heron']);
    }
    const anchor = { block: 0, offset: 20, quote: 'waits' };
    await call<ReadingPosition>('position.set', { id: copy, anchor, progress: 0.5, pastFirstScreen: true });
    expect(await call<ReadingPosition>('position.get', { id: first })).toMatchObject({ id: first, block: 0, offset: 20, progress: 0.5 });
    const shelf = await call<ArticleSummary[]>('library.continue', {});
    expect(shelf.map((s) => s.title)).toEqual(['Heron 2']);
    expect(shelf[0]!.progress).toBe(0.5);

    const folders = await call<Folder[]>('folders.list', {});
    await call('folders.remove', { key: folders.find((f) => f.root === a)!.key });
    expect((await search('"story number 2"')).results.map((r) => r.path)).toEqual([join(b, 'copy-2.md')]);
    expect((await open(copy)).locations).toEqual([join(b, 'copy-2.md')]);
    expect((await call<Highlight[]>('highlights.list', { id: copy })).map((h) => h.quote)).toEqual(['grey', 'heron']);
    expect(await call<ReadingPosition>('position.get', { id: copy })).toMatchObject({ block: 0, offset: 20, progress: 0.5 });
    expect((await call<ArticleSummary[]>('library.continue', {})).map((s) => s.id)).toEqual([copy]);
  });

  it('keeps highlights and position when the first copy’s file is deleted', async () => {
    const first = await idOf('"story number 6"');
    await call<Highlight>('highlights.add', { id: first, start: { block: 0, offset: 4 }, end: { block: 0, offset: 8 } });
    await call('position.set', { id: first, anchor: { block: 0, offset: 9, quote: 'heron' }, progress: 0.3 });
    rmSync(join(a, 'heron-6.md'));
    await settled([DOCS - 1, DOCS]);
    const survivor = await idOf('"story number 6"');
    expect(survivor).not.toBe(first);
    expect((await call<Highlight[]>('highlights.list', { id: survivor })).map((h) => [h.id, h.quote])).toEqual([[survivor, 'grey']]);
    expect(await call<ReadingPosition>('position.get', { id: survivor })).toMatchObject({ offset: 9, progress: 0.3 });
  });

  it('splits off an edited copy, whose highlights stay with it', async () => {
    const first = await idOf('"story number 8"');
    const inB = (await call<{ items: ArticleSummary[] }>('library.list', { sort: 'title', offset: 0, limit: 50, folder: b })).items;
    const copy = inB.find((r) => r.title === 'Heron 8')!.id;
    await call<Highlight>('highlights.add', { id: first, start: { block: 0, offset: 4 }, end: { block: 0, offset: 8 } });
    await call<Highlight>('highlights.add', { id: copy, start: { block: 0, offset: 9 }, end: { block: 0, offset: 14 } });
    writeFileSync(join(b, 'copy-8.md'), `# Heron 8\n\nBy the reeds: the grey heron waits by the water, story number 8.\n`);
    await until(async () => (await search('reeds')).total === 1);
    await settled([DOCS, DOCS]);
    expect((await search('"story number 8"')).total).toBe(2);
    expect((await search('heron')).total).toBe(DOCS + 1);
    expect((await open(first)).locations).toEqual([join(a, 'heron-8.md')]);
    expect((await open(copy)).locations).toEqual([join(b, 'copy-8.md')]);
    expect((await call<Highlight[]>('highlights.list', { id: first })).map((h) => h.quote)).toEqual(['grey']);
    const edited = await call<Highlight[]>('highlights.list', { id: copy });
    expect(edited.map((h) => [h.quote, h.start.offset, h.textChanged])).toEqual([['heron', 23, false]]);
  });
});
