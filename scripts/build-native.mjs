#!/usr/bin/env node
/**
 * `node scripts/build-native.mjs`: builds better-sqlite3 for the installed Electron into
 * native/electron-<abi>-<platform>-<arch>/better_sqlite3.node, which the app loads in development
 * (main/library/db/nativeBinding.ts). node_modules keeps its Node build for tests, the CLI and serve
 * mode, so both work from one checkout in any order. Skips when the build is already there.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

const HELP = `Usage: node scripts/build-native.mjs [--force] [--nodedir <dir>] [--debug]

  --force           rebuild even if the Electron build is already there
  --nodedir <dir>   Electron's headers, unpacked, for building offline (else node-gyp downloads them)
  --debug           print the whole compiler output and stack traces
  --help            this text
`;

const OPTIONS = { force: { type: 'boolean' }, nodedir: { type: 'string' }, debug: { type: 'boolean' }, help: { type: 'boolean' } };

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

class KnownFailure extends Error {}

function fail(message, hint) {
  throw new KnownFailure(`${message}${hint ? `\n${hint}` : ''}`);
}

/** The installed Electron's version and ABI, read from its package, without its binary. */
export function electronTarget() {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const abiFile = join(pkgDir, 'abi_version');
  if (!existsSync(abiFile)) fail(`electron ${version} has no abi_version file at ${abiFile}.`, 'Reinstall it with `npm ci`.');
  return { version, abi: readFileSync(abiFile, 'utf8').trim() };
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`${err.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const debug = values.debug === true;
  try {
    const target = electronTarget();
    register();
    const { nativeBindingDir } = await import('../main/library/db/nativeBinding.ts');
    const dir = nativeBindingDir({
      versions: { electron: target.version, modules: target.abi },
      platform: process.platform,
      arch: process.arch,
      isPackaged: false,
    });
    const out = join(root, 'native', dir, 'better_sqlite3.node');
    if (existsSync(out) && !values.force) {
      process.stderr.write(`better-sqlite3 for Electron ${target.version} is already built: native/${dir}/better_sqlite3.node\n`);
      return;
    }
    build(target, out, { nodedir: values.nodedir, debug });
    process.stderr.write(`Built better-sqlite3 for Electron ${target.version} (ABI ${target.abi}): native/${dir}/better_sqlite3.node\n`);
  } catch (err) {
    if (err instanceof KnownFailure) {
      process.stderr.write(`build-native: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`build-native: ${err.message}\n${debug ? `${err.stack}\n` : 'Run again with --debug for details.\n'}`);
    process.exit(1);
  }
}

/** Compiles a copy of better-sqlite3, so node_modules' own (Node) build is never touched. */
function build(target, out, { nodedir, debug }) {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'offprint-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    const args = [
      gyp,
      'rebuild',
      '--release',
      `--target=${target.version}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ];
    if (nodedir) args.push(`--nodedir=${resolve(nodedir)}`);
    const r = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', timeout: 15 * 60 * 1000 });
    const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
    if (debug) process.stderr.write(output);
    if (r.status !== 0) {
      if (
        /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed|\d{3} response downloading/iu.test(
          output,
        )
      ) {
        fail(
          `could not download the Electron ${target.version} headers from https://electronjs.org/headers, which the build needs.`,
          'Run it again with network access, or pass --nodedir <dir> with the headers unpacked. Tests, the CLI and `npm run serve` do not need this build.',
        );
      }
      if (
        /gyp ERR! find Python|gyp ERR! find VS|make: not found|not found: make|g\+\+: not found|c\+\+: not found|No Xcode or CLT/iu.test(
          output,
        )
      ) {
        fail(
          'node-gyp could not find a compiler toolchain (Python 3, make and a C++ compiler).',
          'Install them (see node-gyp’s README), then run this again; --debug shows the full output.',
        );
      }
      const tail = output.trim().split('\n').slice(-15).join('\n');
      fail(`node-gyp failed (exit ${r.status ?? r.signal}):\n${tail}`, 'Run again with --debug for the whole output.');
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) fail(`node-gyp finished but wrote no ${built}.`, 'Run again with --debug.');
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(built, `${out}.tmp`);
    // Renamed into place last, so an interrupted build never leaves a half-written addon behind.
    renameSync(`${out}.tmp`, out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
