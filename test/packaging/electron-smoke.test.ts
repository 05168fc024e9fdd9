/**
 * The desktop app for real, through Playwright's _electron: launch the built app, search, open an
 * article, and check from inside the page that Node is out of reach and the bridge is the contract.
 * Runs where an Electron binary is installed; elsewhere it skips and says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNames } from '../../common/contract.ts';
import { ensureBuilt, root } from './ensureBuilt.ts';

const require = createRequire(import.meta.url);

/** The Electron executable, as require('electron') would find it, but without its download-on-require. */
function electronBinary(): string | null {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executablePath = electronBinary();
const skipReason = executablePath
  ? null
  : 'no Electron binary is installed (node_modules/electron/dist is missing); the same flows run against serve mode in test/e2e.';
if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}`);

let app: ElectronApplication | undefined;
let page: Page;
let profile: string | undefined;
let setupSkip: string | null = null;

beforeAll(
  async () => {
    if (skipReason) return;
    await ensureBuilt();
    const native = spawnSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15 * 60 * 1000,
    });
    if (native.status !== 0) {
      setupSkip = `better-sqlite3 could not be built for Electron: ${native.stderr.trim().split('\n')[0]}`;
      console.log(`Electron smoke test skipped: ${setupSkip}`);
      return;
    }
    profile = mkdtempSync(join(tmpdir(), 'offprint-electron-'));
    app = await _electron.launch({
      executablePath: executablePath!,
      args: [root, `--user-data-dir=${profile}`],
      cwd: root,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  },
  20 * 60 * 1000,
);

afterAll(async () => {
  await app?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('the desktop app (Playwright _electron)', () => {
  it('loads the app from offprint://app in a sandboxed page without Node', async ({ skip }) => {
    if (setupSkip) skip(setupSkip);
    expect(page.url()).toBe('offprint://app/index.html');
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
  });

  it('exposes exactly the contract on window.offprint', async ({ skip }) => {
    if (setupSkip) skip(setupSkip);
    const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { offprint: object }).offprint).sort());
    expect(keys).toEqual([...requestNames, 'on'].sort());
  });

  it('searches and opens an article', async ({ skip }) => {
    if (setupSkip) skip(setupSkip);
    await page.getByRole('searchbox', { name: 'Search' }).fill('election');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await first.waitFor({ timeout: 60_000 });
    await first.click();
    await expect(page.getByRole('article').getByRole('heading').first().isVisible({ timeout: 30_000 })).resolves.toBe(true);
  });

  it('opens no second window and stays on its origin when a link tries to navigate', async ({ skip }) => {
    if (setupSkip) skip(setupSkip);
    await page.evaluate(() => {
      const w = globalThis as unknown as { open: (url: string, target: string) => unknown; location: { href: string } };
      w.open('https://example.invalid/', '_blank');
      w.location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(500);
    expect(app!.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^offprint:\/\/app\//u);
  });
});
