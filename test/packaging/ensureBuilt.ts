import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (test/packaging/ is two levels down). */
export const root = join(import.meta.dirname, '..', '..');

const SOURCES = ['common', 'main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = [
  'out/main/index.js',
  'out/main/indexWorker.js',
  'out/main/readWorker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.test.ts')) max = Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return max;
}

export function isBuildStale(): boolean {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every(existsSync)) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return Math.max(...SOURCES.map((s) => newest(join(root, s)))) > oldestOutput;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `electron-vite build` when out/ is missing or older than the sources. Test files run in
 * parallel, so a lock directory makes the others wait for one build instead of racing it.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = join(root, 'out', '.build-lock');
  mkdirSync(join(root, 'out'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 120_000) throw new Error(`Waited 2 minutes for ${lock}; remove it if no build is running.`);
      await sleep(200);
    }
  }
  try {
    if (!isBuildStale()) return;
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}
