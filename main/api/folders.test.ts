import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, IndexStatus } from '../../common/contract.ts';
import { testServices, type TestServices } from './testServices.ts';

let t: TestServices;
const folder = mkdtempSync(join(tmpdir(), 'offprint-folder-'));
beforeAll(async () => {
  t = await testServices({ 'a.md': '# Alpha\n\nBundled text.' });
});
afterAll(async () => {
  await t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const total = async (q: string) =>
  ((await t.services.dispatch('search.query', { q })) as { ok: true; value: { total: number } }).value.total;

describe('added folders', () => {
  it('are indexed, then watched so new and changed files are re-indexed, and can be removed', async () => {
    writeFileSync(join(folder, 'one.md'), '# One\n\nA walrus appears.');
    const added = await t.services.dispatch('folders.add', { path: folder });
    expect(added).toMatchObject({ ok: true, value: { isBundled: false } });
    await until(async () => (await total('walrus')) === 1);
    writeFileSync(join(folder, 'two.md'), '# Two\n\nA narwhal appears.');
    await until(async () => (await total('narwhal')) === 1);
    const list = ((await t.services.dispatch('folders.list', {})) as { ok: true; value: Folder[] }).value;
    expect(list.map((f) => f.articles)).toEqual([1, 2]);
    const key = list[1]!.key;
    expect(await t.services.dispatch('folders.remove', { key })).toEqual({ ok: true, value: { removed: 2 } });
    expect(await total('walrus')).toBe(0);
    expect(await total('bundled')).toBe(1);
  });

  it('refuses a path that is not an existing absolute folder', async () => {
    expect(await t.services.dispatch('folders.add', { path: 'relative/path' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await t.services.dispatch('folders.add', { path: join(folder, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('reports progress and import problems of a rescan', async () => {
    writeFileSync(join(folder, 'bad.txt'), new Uint8Array([1, 0, 2, 0]));
    await t.services.dispatch('folders.add', { path: folder });
    const status = (await t.services.dispatch('folders.rescan', {})) as { ok: true; value: IndexStatus };
    expect(status.value.state).toBe('indexing');
    await until(async () => ((await t.services.dispatch('index.status', {})) as { ok: true; value: IndexStatus }).value.state === 'idle');
    const problems = (await t.services.dispatch('import.problems', {})) as { ok: true; value: { path: string; reason: string }[] };
    expect(problems.value).toEqual([
      { folder: expect.any(String), path: join(folder, 'bad.txt'), reason: expect.stringMatching(/binary/) },
    ]);
  });
});

describe('a removed folder', () => {
  it('takes its import problems with it, and keeps its highlights for when it is added again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offprint-removed-'));
    try {
      writeFileSync(join(dir, 'kept.md'), '# Kept\n\nThe heron stood in the shallows all morning.');
      writeFileSync(join(dir, 'bad.txt'), new Uint8Array([1, 0, 2, 0]));
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const r = await t.services.dispatch(name, input);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as T;
      };
      const problemsIn = async () => (await call<{ path: string }[]>('import.problems', {})).filter((p) => p.path.startsWith(dir));
      await call('folders.add', { path: dir });
      await until(async () => (await total('heron')) === 1);
      await until(async () => (await problemsIn()).length === 1);
      const hit = (await call<{ results: { id: string }[] }>('search.query', { q: 'heron' })).results[0]!;
      const added = await call<{ hid: string; quote: string }>('highlights.add', {
        id: hit.id,
        start: { block: 0, offset: 4 },
        end: { block: 0, offset: 9 },
      });
      expect(added.quote).toBe('heron');

      const key = (await call<Folder[]>('folders.list', {})).find((f) => f.root === dir)!.key;
      expect(await call('folders.remove', { key })).toEqual({ removed: 1 });
      expect(await problemsIn()).toEqual([]);
      // Out of the library, out of the lists and searches of highlights; still in user.db.
      const hids = async (name: string, input: unknown) => (await call<{ hid: string }[]>(name, input)).map((h) => h.hid);
      expect(await hids('highlights.list', {})).not.toContain(added.hid);
      expect(await hids('highlights.search', { q: 'heron' })).toEqual([]);

      await call('folders.add', { path: dir });
      await until(async () => (await total('heron')) === 1);
      expect(await hids('highlights.list', {})).toContain(added.hid);
      expect(await hids('highlights.list', { id: hit.id })).toEqual([added.hid]);
      expect(await hids('highlights.search', { q: 'heron' })).toEqual([added.hid]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
