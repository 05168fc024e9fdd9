import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const READY = /^Offprint serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/mu;

export interface BenchServe {
  url: string;
  /** Seconds from spawn to the ready line: a full import of every --content folder. */
  ready_s: number;
  stop: () => Promise<void>;
}

/**
 * `npm run serve -- --port 0 --data <fresh temp dir> --content <dir> ...`, run as npm runs it (node
 * --import tsx main/serve/main.ts, from the repo root) so SIGTERM reaches the server itself. Resolves
 * on its one stdout line, which it prints only once every folder is indexed: at 200k files that is
 * minutes, hence the long timeout (test/e2e/support/server.ts does the same with 2 minutes, for the
 * bundled articles only). Its stderr (the log) goes to `logFile`; `nodeFlags` go to its node (e.g.
 * --cpu-prof). `stop` ends it (SIGTERM, so it closes cleanly and writes a profile) and deletes the data.
 */
export async function startBenchServe(content: string[], logFile: string, { timeoutMs = 15 * 60_000, nodeFlags = [] as string[] } = {}): Promise<BenchServe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'offprint-bench-ui-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'main/serve/main.ts', '--port', '0', '--data', dataDir, ...content.flatMap((c) => ['--content', c])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' },
  });
  const log = createWriteStream(logFile);
  child.stderr.pipe(log);
  let tail = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (tail = (tail + c).slice(-4000)));
  const stop = async () => {
    await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((ready, fail) => {
      let stdout = '';
      const timer = setTimeout(() => fail(new Error(`serve printed no ready line within ${timeoutMs / 1000} s (log: ${logFile}).\n${tail}`)), timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c;
        const m = READY.exec(stdout);
        if (!m) return;
        clearTimeout(timer);
        ready(m[1]!);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`serve exited with ${code} before it was ready (log: ${logFile}).\n${tail}`));
      });
    });
    return { url, ready_s: Number(((performance.now() - t0) / 1000).toFixed(1)), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
