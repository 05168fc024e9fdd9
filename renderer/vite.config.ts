import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBoundary } from './bundleBoundary.ts';

/** The renderer alone: used by serve mode and tests; electron.vite.config.ts reuses the same settings. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react(), bundleBoundary()],
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or eval anywhere, so the CSP can forbid them.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
