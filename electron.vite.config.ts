import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './renderer/vite.config.ts';

/**
 * The desktop build: out/main (the shell and its worker threads, ESM), out/preload (one CommonJS file,
 * as sandboxed preloads require) and out/renderer (the same settings serve mode builds with).
 */
const root = import.meta.dirname;

/**
 * Every main/library/*Worker.ts is an entry: of a worker thread (indexWorker) or of a child process
 * (parseWorker, the parser). The library starts one from a file beside the code that starts it
 * (workers.ts siblingEntry), so entries and chunks all land flat in out/main.
 */
const workers = Object.fromEntries(
  readdirSync(resolve(root, 'main/library'))
    .filter((f) => /^[a-z]\w*Worker\.ts$/u.test(f))
    .map((f) => [f.replace(/\.ts$/u, ''), resolve(root, 'main/library', f)]),
);

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Production dependencies stay in node_modules (electron-builder ships them); better-sqlite3 is native and must.
      externalizeDeps: true,
      rolldownOptions: {
        // indexWorker is one of the workers: the Indexer starts it with new Worker(out/main/indexWorker.js).
        input: { index: resolve(root, 'main/electron/index.ts'), ...workers },
        output: { chunkFileNames: '[name]-[hash].js' },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // The sandbox lets a preload require only electron, events, timers and url: bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: resolve(root, 'renderer'),
    // npm run dev: the dev server on loopback only; main trusts exactly this origin (origin.ts devRendererOrigin).
    server: { host: '127.0.0.1' },
    build: {
      ...renderer.build,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
