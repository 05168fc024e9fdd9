import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { test as base } from 'vitest';
import { launchBrowser } from './browser';
import { startServe, type ServeProcess } from './server';

export const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'test-results');

export interface AppUnderTest {
  server: ServeProcess;
  browser: Browser;
}

/** What the page did that it should not: found by the guards every test page carries. */
export interface PageGuards {
  foreignRequests: string[];
  dialogs: string[];
  pageErrors: string[];
}

function guard(page: Page, origin: string, guards: PageGuards): void {
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) guards.foreignRequests.push(url);
  });
  page.on('dialog', (d) => {
    guards.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (err) => guards.pageErrors.push(err.message));
}

const safeName = (s: string) => s.replace(/[^\w.-]+/gu, '-').slice(0, 120);

/** A failed test leaves the server's log and a screenshot in test-results/failures, and prints the log's end. */
async function keepEvidence(name: string, page: Page, server: ServeProcess): Promise<void> {
  const dir = join(RESULTS_DIR, 'failures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, safeName(name));
  writeFileSync(`${file}.server.log`, server.log());
  await page.screenshot({ path: `${file}.png` }).catch(() => undefined);
  process.stderr.write(`\n--- server log for "${name}" (also in ${file}.server.log) ---\n${server.log().slice(-4000)}\n`);
}

/**
 * One server (fresh data directory) and one Chromium per spec file; a fresh browser context and
 * page per test, opened at the server's address. When a test fails, the server's log is attached.
 * A page that threw, opened a dialog or asked another origin for anything fails its test.
 */
export const test = base
  .extend('app', { scope: 'file' }, async ({}, { onCleanup }): Promise<AppUnderTest> => {
    const server = await startServe();
    const browser = await launchBrowser().catch(async (err: unknown) => {
      await server.stop();
      throw err;
    });
    onCleanup(async () => {
      await browser.close();
      await server.stop();
    });
    return { server, browser };
  })
  .extend('guards', (): PageGuards => ({ foreignRequests: [], dialogs: [], pageErrors: [] }))
  // A spec may ask for more (the accessibility scan injects axe-core as a script tag, which the CSP forbids).
  .extend('pageOptions', (): BrowserContextOptions => ({}))
  .extend('page', async ({ app, guards, pageOptions, task }, { onCleanup }): Promise<Page> => {
    // Counts are written in the page's locale ("10,000 articles"): en-US unless a spec asks for another.
    const context = await app.browser.newContext({
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
      locale: 'en-US',
      ...pageOptions,
    });
    const page = await context.newPage();
    guard(page, app.server.origin, guards);
    onCleanup(async () => {
      // Fixture cleanup runs before onTestFailed hooks, while the page is still open.
      if (task.result?.state === 'fail') await keepEvidence(task.name, page, app.server);
      await context.close();
      const problems = [
        ...guards.pageErrors.map((e) => `page error: ${e}`),
        ...guards.dialogs.map((d) => `dialog: ${d}`),
        ...guards.foreignRequests.map((u) => `request to another origin: ${u}`),
      ];
      if (problems.length > 0) throw new Error(`The page misbehaved during "${task.name}":\n${problems.join('\n')}`);
    });
    await page.goto(app.server.url);
    // The page moves the token out of its address and loads itself again: the app is ready after that load.
    await page.waitForURL((u) => !u.searchParams.has('token'), { waitUntil: 'load' });
    return page;
  });

export { describe, expect } from 'vitest';
