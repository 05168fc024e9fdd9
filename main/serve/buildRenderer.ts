import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer with Vite when its output is missing or older than its sources; build output goes to stderr. */
export function ensureRendererBuilt(root: string): string {
  const out = join(root, 'out', 'renderer');
  const index = join(out, 'index.html');
  const sources = [join(root, 'renderer'), join(root, 'common')];
  const sourceTime = Math.max(...sources.filter(existsSync).map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)));
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return out;
  process.stderr.write('Building the renderer…\n');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(root, 'renderer', 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      // Always React's production build: a test runner's NODE_ENV=test would otherwise give the development
      // bundle, and it would then be reused until the sources change.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', process.stderr, process.stderr],
    },
  );
  if (r.status !== 0) throw new Error('The renderer build failed; see the messages above.');
  return out;
}
