/** Real services over a temp data folder, for API and serve tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices, type Services, type ServicesOptions } from './services.ts';

export interface TestServices {
  services: Services;
  dataDir: string;
  contentDir: string;
  cleanup: () => Promise<void>;
}

/** `options` may set the clock (`now`) or listen to events (`onEvent`). */
export async function testServices(
  files: Record<string, string> = {},
  options: Pick<ServicesOptions, 'now' | 'onEvent' | 'openPath' | 'chooseFiles'> = {},
): Promise<TestServices> {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-api-'));
  const contentDir = join(dir, 'content');
  mkdirSync(contentDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(contentDir, name), text);
  const services = startServices({
    dataDir: join(dir, 'data'),
    bundledContent: contentDir,
    workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
    ...options,
  });
  await services.ready;
  return {
    services,
    dataDir: join(dir, 'data'),
    contentDir,
    async cleanup() {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
