#!/usr/bin/env node
/**
 * `npm start [-- <electron args>]`: runs the desktop app from the checkout. Checks for the Electron
 * binary first (trying its download once) so a machine without it fails in seconds with a pointer
 * to `npm run serve`; then builds what is out of date (typecheck + electron-vite), builds
 * better-sqlite3 for Electron, and launches Electron on the built app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { KnownFailure, requireElectron } from './electron.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** True when a bundle is missing or a source is newer than the oldest bundle. */
function isBuildStale() {
  const outputs = [
    'out/main/index.js',
    'out/main/indexWorker.js',
    'out/main/readWorker.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ].map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > built;
}

function run(label, args) {
  process.stderr.write(`${label}…\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new KnownFailure(`${label} failed; see the messages above.`);
}

async function main() {
  const electron = requireElectron();
  if (isBuildStale()) {
    run('Typechecking', [require.resolve('typescript/bin/tsc'), '-b']);
    run('Building the app', [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn']);
  }
  run('Checking the native module', [join(root, 'scripts', 'build-native.mjs')]);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  if (err instanceof KnownFailure) process.stderr.write(`offprint start: ${err.message}\n`);
  else process.stderr.write(`offprint start: ${err.message}\n${process.argv.includes('--debug') ? `${err.stack}\n` : ''}`);
  process.exit(1);
});
