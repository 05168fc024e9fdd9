import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const hasElectron = existsSync(join(root, 'node_modules', 'electron', 'dist'));

describe('npm start', () => {
  it.skipIf(hasElectron)(
    'exits non-zero within 30 s with a short message pointing to serve mode when Electron is missing',
    () => {
      const started = Date.now();
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      const seconds = (Date.now() - started) / 1000;
      expect(r.status).not.toBe(0);
      expect(r.status).not.toBeNull();
      expect(seconds).toBeLessThan(30);
      expect(r.stderr).toMatch(/npm run serve/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      // Nothing was built before the check failed.
      expect(r.stderr).not.toMatch(/vite|electron-vite|building/i);
    },
    60_000,
  );

  it.skipIf(hasElectron)(
    'npm run dev fails the same way, and also points to npm run dev:serve',
    () => {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'dev.mjs')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^offprint dev: the Electron binary is missing/mu);
      expect(r.stderr).toMatch(/npm run serve/);
      expect(r.stderr).toMatch(/npm run dev:serve/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toMatch(/vite|electron-vite|building/i);
    },
    60_000,
  );
});
