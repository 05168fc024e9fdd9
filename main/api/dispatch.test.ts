import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNames, type Highlight } from '../../common/contract.ts';
import { handlers } from './handlers.ts';
import { requestSchemas as schemas } from '../../common/schemas.ts';
import { testServices, type TestServices } from './testServices.ts';

let t: TestServices;
let id: string;
beforeAll(async () => {
  t = await testServices({
    'moon.md': '# Moon landing\n\nThe eagle has landed on the moon. A [link](other.md) and [bad](javascript:alert(1)).',
    'other.md': '# Other\n\nAnother article about the sea.',
  });
  const r = await t.services.dispatch('search.query', { q: 'eagle' });
  id = (r as { ok: true; value: { results: { id: string }[] } }).value.results[0]!.id;
});
afterAll(() => t.cleanup());

const call = (name: unknown, input: unknown) => t.services.dispatch(name, input);

describe('the contract', () => {
  it('has exactly one handler and one schema per request name', () => {
    expect(Object.keys(handlers).sort()).toEqual([...requestNames].sort());
    expect(Object.keys(schemas).sort()).toEqual([...requestNames].sort());
  });
});

describe('dispatch rejects malformed input with an error value', () => {
  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, 'search.query '])(
    'refuses the unknown request %j',
    async (name) => {
      expect(await call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    },
  );

  const bad: [string, unknown, RegExp][] = [
    ['search.query', { q: 42 }, /q/],
    ['search.query', {}, /q/],
    ['search.query', { q: 'x', limit: -1 }, /limit/],
    ['search.query', { q: 'x'.repeat(1024 * 1024) }, /q/],
    ['search.query', { q: 'x', extra: true }, /extra|key/i],
    ['search.query', 'just a string', /input|object/i],
    ['article.get', { id: 'x'.repeat(1024 * 1024) }, /id/],
    ['article.get', { id: ['a'] }, /id/],
    ['library.list', { sort: 'size', offset: 0, limit: 10 }, /sort/],
    ['position.set', { id, anchor: { block: -1, offset: 0, quote: '' }, progress: 0.5 }, /anchor\.block/],
    ['position.set', { id, anchor: { block: 0, offset: 0, quote: '' }, progress: 2 }, /progress/],
    ['highlights.add', { id, start: { block: 0, offset: 'a' }, end: { block: 0, offset: 1 } }, /start/],
    ['settings.set', { theme: 'neon' }, /theme/],
    ['folders.add', { path: 'x'.repeat(1024 * 1024) }, /path/],
    ['link.open', {}, /url/],
  ];
  it.each(bad)('%s refuses %j naming the field', async (name, input, field) => {
    const r = await call(name, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message).toMatch(field);
    }
  });

  it('answers not-found for an unknown article', async () => {
    expect(await call('article.get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses to open a link that is not http, https or mailto', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:x', 'offprint://app/x', 'not a url']) {
      expect(await call('link.open', { url })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await call('link.open', { url: 'https://example.org/' })).toEqual({ ok: true, value: { opened: false } });
  });
});

describe('requests', () => {
  it('returns an article with the hits of the query as block offsets', async () => {
    const r = await call('article.get', { id, query: 'moon' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value as { title: string; hits: { block: number; start: number; end: number }[]; blocks: unknown[] };
    expect(a.title).toBe('Moon landing');
    expect(a.hits.length).toBeGreaterThan(0);
  });

  it('resolves a relative link to another imported article', async () => {
    const r = await call('article.resolveLink', { id, href: 'other.md' });
    expect(r).toMatchObject({ ok: true, value: { id: expect.any(String) } });
    expect(await call('article.resolveLink', { id, href: '../../etc/passwd' })).toEqual({ ok: true, value: null });
  });

  it('keeps a reading position and reports it as progress in the library', async () => {
    await call('position.set', { id, anchor: { block: 0, offset: 4, quote: 'eagle has' }, progress: 0.4, pastFirstScreen: true });
    expect(await call('position.get', { id })).toMatchObject({
      ok: true,
      value: { block: 0, offset: 4, quote: 'eagle has', progress: 0.4 },
    });
    const list = await call('library.list', { sort: 'title', offset: 0, limit: 10 });
    expect(list).toMatchObject({ ok: true, value: { total: 2 } });
    const items = (list as { ok: true; value: { items: { id: string; progress: number | null }[] } }).value.items;
    expect(items.find((x) => x.id === id)?.progress).toBe(0.4);
    expect(await call('library.continue', {})).toMatchObject({ ok: true, value: [{ id }] });
  });

  it('adds, finds, annotates, exports, removes and restores a highlight', async () => {
    const added = await call('highlights.add', { id, start: { block: 0, offset: 4 }, end: { block: 0, offset: 9 }, note: 'bird' });
    expect(added).toMatchObject({ ok: true, value: { quote: 'eagle', note: 'bird' } });
    const hid = (added as { ok: true; value: Highlight }).value.hid;
    expect(await call('highlights.search', { q: 'eagle' })).toMatchObject({ ok: true, value: [{ hid }] });
    expect(await call('highlights.update', { hid, note: 'raptor' })).toMatchObject({ ok: true, value: { note: 'raptor' } });
    // The folded copy searched is renewed by every change: the new note is found, the old one is not.
    expect(await call('highlights.search', { q: 'raptor' })).toMatchObject({ ok: true, value: [{ hid }] });
    expect(await call('highlights.search', { q: 'bird' })).toEqual({ ok: true, value: [] });
    const md = await call('highlights.export', { format: 'markdown' });
    expect(md).toMatchObject({ ok: true, value: { text: expect.stringContaining('> eagle') } });
    expect(await call('highlights.remove', { hid })).toEqual({ ok: true, value: { removed: true } });
    expect(await call('highlights.search', { q: 'eagle' })).toEqual({ ok: true, value: [] });
    expect(await call('highlights.list', { id })).toEqual({ ok: true, value: [] });
    expect(await call('highlights.remove', { hid })).toEqual({ ok: true, value: { removed: false } });
    // Undo: the same highlight, note and all, comes back out of the trash once.
    expect(await call('highlights.restore', { hid })).toMatchObject({ ok: true, value: { hid, quote: 'eagle', note: 'raptor' } });
    expect(await call('highlights.list', { id })).toMatchObject({ ok: true, value: [{ hid, note: 'raptor' }] });
    expect(await call('highlights.restore', { hid })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('highlights.add', { id, start: { block: 0, offset: 5 }, end: { block: 0, offset: 4 } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('persists settings and fills in defaults', async () => {
    expect(await call('settings.set', { theme: 'dark', fontSize: 20 })).toMatchObject({
      ok: true,
      value: { theme: 'dark', fontSize: 20, fontFamily: 'serif' },
    });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'dark', fontSize: 20 } });
  });

  it('numbers each settings write, so a late echo of an older one can be told apart', async () => {
    const revisionOf = (r: unknown) => (r as { value: { revision: number } }).value.revision;
    const first = revisionOf(await call('settings.set', { paneWidth: 300 }));
    const second = revisionOf(await call('settings.set', { paneWidth: 316 }));
    expect(second).toBe(first + 1);
    expect(revisionOf(await call('settings.get', {}))).toBe(second);
    // The number is not a setting: a patch cannot set it.
    expect(await call('settings.set', { revision: 1 } as never)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('lists the bundled folder, which cannot be removed', async () => {
    expect(await call('folders.list', {})).toMatchObject({ ok: true, value: [{ key: 'bundled', isBundled: true, articles: 2 }] });
    expect(await call('folders.remove', { key: 'bundled' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
