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
