import { dirname, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Fails the renderer build when a module that must stay out of the page ends up in the bundle: zod
 * (main checks requests with it; the renderer takes only types from common/schemas.ts) or anything
 * from main/. A type-only import is erased and passes; a value import that slips past the lint fails here.
 */
export function bundleBoundary(repoRoot?: string): Plugin {
  // By default the repository is the folder above the renderer's root (a config file bundled by
  // electron-vite has no reliable location of its own).
  let mainDir = repoRoot === undefined ? '' : `${repoRoot}${sep}main${sep}`;
  const forbidden = (id: string): string | null => {
    const path = id.replace(/^\0/u, '').split('?')[0]!;
    if (/[\\/]node_modules[\\/]zod[\\/]/u.test(path)) return 'zod (the request schemas are checked in main; import only their types)';
    if (mainDir !== '' && path.startsWith(mainDir)) return 'a module of main/ (the renderer talks to main through renderer/src/api.ts)';
    return null;
  };
  return {
    name: 'offprint-bundle-boundary',
    configResolved(config) {
      if (repoRoot === undefined) mainDir = `${dirname(config.root)}${sep}main${sep}`;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const why = forbidden(id);
          if (why) this.error(`The renderer bundle may not contain ${why}: ${id} (in ${chunk.fileName}).`);
        }
      }
    },
  };
}
