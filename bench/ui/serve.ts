import { writeFileSync } from 'node:fs';
import { startServe } from '../../test/e2e/support/server.ts';

export interface BenchServe {
  url: string;
  /** Seconds from spawn to the ready line: a full import of every --content folder. */
  ready_s: number;
  stop: () => Promise<void>;
}

/**
 * The E2E harness's serve mode over the given --content folders, with a timeout for a full import of
 * 200k files (minutes). Its log (stderr) is written to `logFile` when it stops.
 */
export async function startBenchServe(
  content: string[],
  logFile: string,
  { timeoutMs = 15 * 60_000, nodeFlags = [] as string[] } = {},
): Promise<BenchServe> {
  const t0 = performance.now();
  const serve = await startServe(
    content.flatMap((c) => ['--content', c]),
    { timeoutMs, nodeFlags },
  );
  return {
    url: serve.url,
    ready_s: Number(((performance.now() - t0) / 1000).toFixed(1)),
    stop: async () => {
      await serve.stop();
      writeFileSync(logFile, serve.log());
    },
  };
}
