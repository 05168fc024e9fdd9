import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleBoundary } from './bundleBoundary.ts';

const repo = resolve(import.meta.dirname, '..');
// Inside the checkout, so the entry resolves zod and common/ from the repository as the renderer does.
mkdirSync(join(repo, 'out'), { recursive: true });
const dir = mkdtempSync(join(repo, 'out', 'boundary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(name: string, source: string): Promise<void> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins: [bundleBoundary(repo)],
    build: { write: false, lib: { entry, formats: ['es'], fileName: name } },
  });
}

describe('the renderer bundle boundary', () => {
  it('passes the pure common/ helpers and type-only imports of the schemas', async () => {
    await expect(
      bundle(
        'ok',
        `import type { Settings } from '../../common/schemas.ts';
         import { THEMES } from '../../common/settings.ts';
         export const first: Settings['theme'] = THEMES[0];`,
      ),
    ).resolves.toBeUndefined();
  });

  it('fails the build when zod is bundled through a value import of the schemas', async () => {
    await expect(
      bundle(
        'schemas',
        `import { settingsSchema } from '../../common/schemas.ts'; export const ok = settingsSchema.safeParse({}).success;`,
      ),
    ).rejects.toThrow(/may not contain zod/u);
  });

  it('fails the build when a module of main/ is bundled', async () => {
    await expect(bundle('main', `import { fold } from '../../main/library/text/fold.ts'; export const f = fold('Ä');`)).rejects.toThrow(
      /may not contain a module of main\//u,
    );
  });
});
