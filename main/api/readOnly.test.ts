/**
 * A read-only data folder, made real by running Offprint as an unprivileged user over a folder
 * root owns (we run as root, and root may write anywhere).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { dropPrivilegesSkipReason, unprivilegedTree } from '../library/unprivileged.ts';
import { startServices } from './services.ts';

const skipReason = dropPrivilegesSkipReason();
if (skipReason) console.warn(`readOnly.test.ts: skipping the unprivileged-user test: ${skipReason}.`);
const dir = mkdtempSync(join(tmpdir(), 'offprint-readonly-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a read-only data folder', () => {
  it.skipIf(skipReason !== null)(
    'still reads and searches what it has, and refuses writes with a clear error',
    async () => {
      const content = join(dir, 'content');
      const data = join(dir, 'data');
      mkdirSync(content);
      writeFileSync(join(content, 'moon.md'), '# Moon landing\n\nThe eagle has landed on the moon.');
      const s = startServices({
        dataDir: data,
        bundledContent: content,
        workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
      });
      await s.ready;
      const found = (await s.dispatch('search.query', { q: 'eagle' })) as { ok: true; value: { results: { id: string }[] } };
      await s.dispatch('highlights.add', {
        id: found.value.results[0]!.id,
        start: { block: 0, offset: 4 },
        end: { block: 0, offset: 9 },
        note: 'mine',
      });
      await s.close();
      for (const d of [dir, content, data]) chmodSync(d, 0o755);
      const tree = unprivilegedTree();
      onTestFinished(() => tree.cleanup());
      const script = join(dir, 'probe.mts');
      writeFileSync(
        script,
        `import { startServices } from ${JSON.stringify(tree.url('main/api/services.ts'))};
const s = startServices({ dataDir: ${JSON.stringify(data)}, bundledContent: ${JSON.stringify(content)}, workerUrl: ${JSON.stringify(tree.path('main/library/indexWorker.ts'))} });
await s.ready;
const search = await s.dispatch('search.query', { q: 'eagle' });
const id = search.ok ? search.value.results[0]?.id : null;
const out = {
  notices: s.notices,
  search,
  article: (await s.dispatch('article.get', { id })).ok,
  highlights: await s.dispatch('highlights.list', {}),
  add: await s.dispatch('highlights.add', { id, start: { block: 0, offset: 0 }, end: { block: 0, offset: 3 } }),
  settings: await s.dispatch('settings.set', { theme: 'dark' }),
  rescan: await s.dispatch('folders.rescan', {}),
  status: await s.dispatch('index.status', {}),
};
await s.close();
console.log(JSON.stringify(out));
`,
      );
      chmodSync(script, 0o644);
      const r = tree.run(script, [], { env: { ...process.env, HOME: dir } });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      expect(out.notices.join(' ')).toMatch(/read-only/);
      expect(out.search).toMatchObject({ ok: true, value: { total: 1 } });
      expect(out.article).toBe(true);
      expect(out.highlights).toMatchObject({ ok: true, value: [{ note: 'mine' }] });
      expect(out.add).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(out.settings).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(out.status).toMatchObject({ ok: true, value: { state: 'error', message: expect.stringMatching(/read-only/) } });
    },
    120_000,
  );
});
