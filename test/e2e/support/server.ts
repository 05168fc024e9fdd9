import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const READY = /^Offprint serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/mu;
/** The first start may build the renderer, then indexes the bundled articles. */
const START_TIMEOUT_MS = 120_000;

export interface ServeProcess {
  /** The address with its token, as printed by `npm run serve`. */
  url: string;
  origin: string;
  dataDir: string;
  /** Everything the server wrote to stderr so far (its log). */
  log: () => string;
  stop: () => Promise<void>;
}

export interface ServeOptions {
  /** How long the start may take: the ready line comes once every --content folder is indexed. */
  timeoutMs?: number;
  /** Flags for the server's node (e.g. --cpu-prof). */
  nodeFlags?: string[];
}

/**
 * Starts `npm run serve -- --port 0 --data <fresh temp dir>` (as node --import tsx, from the repo
 * root, so SIGTERM reaches the server itself) and resolves once it prints its one ready line. `stop`
 * ends it (SIGTERM: it closes cleanly) and deletes the data. The benchmark's UI part uses it too.
 */
export async function startServe(
  extraArgs: string[] = [],
  { timeoutMs = START_TIMEOUT_MS, nodeFlags = [] }: ServeOptions = {},
): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'offprint-e2e-'));
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', 'main/serve/main.ts', '--port', '0', '--data', dataDir, ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Vitest sets NODE_ENV=test; a renderer built under it would be React's development build.
      env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`npm run serve printed no ready line within ${timeoutMs / 1000} s.\n${stderr.slice(-4000)}`)),
      timeoutMs,
    );
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const m = READY.exec(stdout);
      if (m) {
        clearTimeout(timer);
        ready(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run serve exited with ${code} before it was ready.\n${stderr.slice(-4000)}`));
    });
  }).catch(async (err: unknown) => {
    await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    log: () => stderr,
    stop: async () => {
      await kill(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    // Long enough for a clean shutdown to write a CPU profile.
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
