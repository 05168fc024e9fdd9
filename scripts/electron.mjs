/**
 * Finding the Electron binary for `npm start` and `npm run dev`: where it cannot be had (a server, no
 * network for its download), both fail within seconds with the same message, pointing to serve mode.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 20_000;

/** A failure with a message for the user; the caller prints it without a stack and exits 1. */
export class KnownFailure extends Error {}

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

/** The Electron executable, downloading it once if missing; throws KnownFailure when there is none. */
export function requireElectron() {
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
