#!/usr/bin/env node
/**
 * `npm run dev [-- <electron-vite dev args>]`: the desktop app under electron-vite's dev mode: the
 * renderer from Vite's dev server with hot reload, main and preload rebuilt (and Electron restarted)
 * when they change. Checks for the Electron binary first, as `npm start` does, so a machine without it
 * fails in seconds with the same message.
 *
 * `npm run dev -- --serve [--port N] [--data <dir>] [--content <dir>]` (or `npm run dev:serve -- …`):
 * serve mode with Vite's dev server, in the browser (scripts/dev-serve.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { KnownFailure, requireElectron } from './electron.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

async function serve() {
  // Main-process code runs from source: tsx first (Node does not pass --import loaders on to workers,
  // which main/library/workers.ts handles).
  const { register } = await import('tsx/esm/api');
  register();
  const { runDevServe } = await import('./dev-serve.ts');
  await runDevServe(args.filter((a) => a !== '--serve'));
}

function desktop() {
  requireElectron();
  const native = spawnSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) throw new KnownFailure('Checking the native module failed; see the messages above.');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev', '--watch', ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  if (args.includes('--serve')) await serve();
  else desktop();
} catch (err) {
  if (err instanceof KnownFailure) {
    process.stderr.write(`offprint dev: ${err.message}\n`);
    if (!args.includes('--serve')) process.stderr.write('For hot reload in the browser instead: `npm run dev:serve`.\n');
  } else process.stderr.write(`offprint dev: ${err.message}\n${args.includes('--debug') ? `${err.stack}\n` : ''}`);
  process.exit(1);
}
