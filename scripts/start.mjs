#!/usr/bin/env node
/**
 * `npm start [-- <electron args>]`: runs the desktop app from the checkout. Checks for the Electron
 * binary first (trying its download once) so a machine without it fails in seconds with a pointer
 * to `npm run serve`; then builds what is out of date (typecheck + electron-vite), builds
 * better-sqlite3 for Electron, and launches Electron on the built app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 20_000;

class KnownFailure extends Error {}

/** The Electron executable if it is installed, else null. Mirrors what require('electron') reads, without its download-on-require. */
function installedElectron() {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const executable = join(dist, relative);
  return existsSync(executable) ? executable : null;
}

/** Tries Electron's own installer once, with a short timeout; returns the last line it printed on failure. */
function downloadElectron() {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  process.stderr.write('The Electron binary is not installed; trying to download it once…\n');
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  if (r.error?.code === 'ETIMEDOUT') return `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`;
  const lines = `${r.stderr ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return r.status === 0 ? null : (lines.find((l) => /error/iu.test(l)) ?? lines.at(-1) ?? `exit ${r.status}`);
}

function requireElectron() {
  const found = installedElectron();
  if (found) return found;
  const reason = downloadElectron();
  const again = installedElectron();
  if (again) return again;
  throw new KnownFailure(
    `the Electron binary is missing (node_modules/electron/dist) and could not be downloaded: ${String(reason).slice(0, 200)}\n` +
      'Use `npm run serve` to run Offprint in your browser instead, or reinstall Electron with network access (`npx install-electron`).',
  );
}

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
  const outputs = ['out/main/index.js', 'out/main/indexWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) =>
    join(root, p),
  );
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
