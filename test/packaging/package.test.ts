/**
 * Packages the app the way `npm run dist` would, offline: electron-builder `--linux dir` with a stand-in
 * Electron (an executable script that carries the fuse wire, so electron-builder can flip the fuses),
 * then checks what a user would get: the three bundles in the asar, better-sqlite3's addon unpacked
 * beside it, the bundled articles in resources, and the fuses as electron-builder.yml sets them.
 * What needs the real Electron (launching, ABI, asar integrity on macOS/Windows) is for CI elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './ensureBuilt.ts';

const require = createRequire(import.meta.url);
const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;

function builderCli(): string | null {
  try {
    return require.resolve('electron-builder/cli.js');
  } catch {
    return null;
  }
}

const cli = builderCli();
const skipReason = cli ? null : 'electron-builder is not installed, so the app cannot be packaged here.';
if (skipReason) console.log(`packaging test skipped: ${skipReason}`);

/** Electron's defaults for the fuses, in FuseV1Options order (RunAsNode … WasmTrapHandlers). */
const DEFAULT_WIRE = '101100011';
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses SENTINEL

/** A folder electron-builder accepts as an Electron dist: an `electron` executable with a fuse wire, LICENSE, version. */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging tests"\nexit 0\n');
  const wire = Buffer.concat([
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'ascii'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.from('# '), wire]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'MIT (stand-in)\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  writeFileSync(join(dir, 'version'), `${electronVersion}\n`);
  mkdirSync(join(dir, 'resources'), { recursive: true });
}

let work: string;
let resources: string;
let appDir: string;
let asarFiles: string[] = [];

beforeAll(async () => {
  if (skipReason) return;
  await ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'offprint-package-'));
  const dist = join(work, 'electron-dist');
  standInElectron(dist);
  const r = spawnSync(
    process.execPath,
    [
      cli!,
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 240_000 },
  );
  if (r.status !== 0) throw new Error(`electron-builder failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  appDir = join(work, 'dist', 'linux-unpacked');
  resources = join(appDir, 'resources');
  asarFiles = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('the packaged app (electron-builder --linux dir)', () => {
  it('holds the main, worker, preload and renderer bundles in app.asar', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/indexWorker.js',
      '/out/main/readWorker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(asarFiles).toContain(file);
    }
    expect(asarFiles.some((f) => /^\/out\/renderer\/assets\/.+\.js$/u.test(f))).toBe(true);
  });

  it('ships the production dependencies the main bundle imports', () => {
    expect(asarFiles).toContain('/node_modules/better-sqlite3/lib/index.js');
    expect(asarFiles).toContain('/node_modules/zod/package.json');
  });

  it('ships every package the main and worker bundles import at run time', () => {
    const bundles = readdirSync(join(root, 'out', 'main'), { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && e.name.endsWith('.js'),
    );
    const imported = new Set<string>();
    for (const b of bundles) {
      const text = readFileSync(join(b.parentPath, b.name), 'utf8');
      for (const m of text.matchAll(/^import [^'"]*["']([^./][^"']*)["']/gmu)) imported.add(m[1]!);
    }
    const packages = [...imported]
      .filter((s) => !s.startsWith('node:') && s !== 'electron')
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/'));
    expect(packages).toContain('better-sqlite3');
    for (const pkg of new Set(packages)) expect(asarFiles, pkg).toContain(`/node_modules/${pkg}/package.json`);
  });

  it('ships no sources, tests, source maps, dev tools or local builds', () => {
    const unwanted = asarFiles.filter((f) =>
      /^\/(main|preload|renderer|scripts|test|bench|content|native|docs|build)\/|\.map$|\.test\.|\/(test|tests|__tests__)\/|^\/node_modules\/(electron|vite|vitest|typescript|electron-builder|@electron)\//u.test(
        f,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('unpacks better_sqlite3.node beside the asar, where native code can load', () => {
    expect(
      existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    ).toBe(true);
    expect(asarFiles.filter((f) => f.endsWith('.node'))).toEqual(['/node_modules/better-sqlite3/build/Release/better_sqlite3.node']);
  });

  it('ships the 294 bundled articles in resources/content', () => {
    const articles = readdirSync(join(resources, 'content'), { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && /\.(md|txt|html?)$/u.test(e.name),
    );
    expect(articles).toHaveLength(294);
    expect(existsSync(join(resources, 'content', 'ATTRIBUTION'))).toBe(true);
  });

  it('ships the window icon', () => {
    expect(existsSync(join(resources, 'icon.png'))).toBe(true);
  });

  it('sets the fuses in the binary as electron-builder.yml configures them', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'offprint'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      enableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      grantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      enableCookieEncryption: FuseState.ENABLE,
      enableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
      enableNodeCliInspectArguments: FuseState.DISABLE,
      enableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
      onlyLoadAppFromAsar: FuseState.ENABLE,
      grantFileProtocolExtraPrivileges: FuseState.DISABLE,
    });
  });
});
