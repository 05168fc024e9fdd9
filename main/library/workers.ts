import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from its entry: the built .js in the app and in out/node (the CLI and serve
 * mode, scripts/build-node.mjs), the .ts source under tsx (tests, dev:serve), where a small bootstrap
 * registers tsx first because Node 20 does not hand `--import` loaders on to worker threads.
 */
export function startWorker(entry: URL | string, data: Record<string, unknown>): Worker {
  const href = String(entry);
  if (href.endsWith('.ts')) return new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { ...data, __entry: href } });
  return new Worker(entry, { workerData: data });
}

/**
 * Starts a child process from its entry the same way: the built .js as it is, the .ts source through
 * a bootstrap that registers tsx (the parent may run under another loader, such as Vitest's).
 */
export function forkEntry(entry: URL, options: ForkOptions): ChildProcess {
  if (entry.href.endsWith('.ts')) return fork(fileURLToPath(new URL('./tsProcess.mjs', import.meta.url)), [entry.href], options);
  return fork(fileURLToPath(entry), [], options);
}

/** A sibling module's entry in the same form as this code runs: .ts from source, .js when bundled. */
export function siblingEntry(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** The entry of a worker in this folder (main/library/<name>.ts), for code outside it: serve mode, the CLI. */
export function libraryWorker(name: 'indexWorker' | 'parseWorker'): URL {
  return siblingEntry(import.meta.url, name);
}
