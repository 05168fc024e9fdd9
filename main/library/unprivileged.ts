/**
 * Test helper: runs a TypeScript script as an unprivileged user (nobody, through setpriv), for the
 * tests that need permissions to bite (root may read and write anywhere).
 *
 * The checkout may sit in a folder only its owner can enter (a `mktemp -d` clone, a home directory),
 * where such a user reaches neither the sources nor node_modules/tsx. So the script runs against a
 * copy in a temp folder anyone may enter: the source folders, the tsconfig files, and the packages
 * the sources and tsx load at run time (the `dependencies` of package.json and tsx, with everything
 * they depend on). Files anyone may already read are hard links, the rest are copied readable.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** nobody:nogroup on Debian and most Linux systems. */
export const NOBODY = 65534;

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** What a script that imports main/ needs of the checkout, besides node_modules. */
const SOURCE_DIRS = ['main', 'preload', 'common'];
/** Packages the spawned process loads besides the dependencies: the TypeScript loader. */
const LOADERS = ['tsx'];

const setpriv = process.env.PATH?.split(delimiter)
  .map((d) => join(d, 'setpriv'))
  .find((p) => existsSync(p));

/** Why a test that drops privileges cannot run here, or null when it can. */
export function dropPrivilegesSkipReason(): string | null {
  if (process.platform !== 'linux') return `it drops privileges with setpriv, which needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return `it must run as root to drop privileges (this runs as uid ${process.getuid?.()})`;
  if (!setpriv) return 'setpriv (util-linux) is not on the PATH';
  return null;
}

export interface UnprivilegedTree {
  /** The copy's root, readable by anyone. */
  root: string;
  /** The absolute path of a file of the copy, e.g. `main/api/services.ts`. */
  path: (relpath: string) => string;
  /** Its file URL, for an `import` in a script. */
  url: (relpath: string) => string;
  /** Runs `node --import tsx script ...args` as nobody, from the copy's root. */
  run: (script: string, args?: string[], options?: { env?: NodeJS.ProcessEnv; timeout?: number }) => SpawnSyncReturns<string>;
  cleanup: () => void;
}

/** Copies what a script needs into a temp folder anyone may enter. */
export function unprivilegedTree(): UnprivilegedTree {
  const root = mkdtempSync(join(tmpdir(), 'offprint-unprivileged-'));
  chmodSync(root, 0o755);
  for (const d of SOURCE_DIRS) if (existsSync(join(REPO, d))) copyTree(join(REPO, d), join(root, d));
  for (const f of readdirSync(REPO)) if (f === 'package.json' || /^tsconfig.*\.json$/u.test(f)) copyTree(join(REPO, f), join(root, f));
  for (const dir of runtimePackages()) copyTree(realpathSync(dir), join(root, relative(REPO, dir)));
  const path = (relpath: string) => join(root, relpath);
  return {
    root,
    path,
    url: (relpath) => pathToFileURL(path(relpath)).href,
    run: (script, args = [], { env = { PATH: process.env.PATH }, timeout = 60_000 } = {}) =>
      spawnSync(
        setpriv ?? 'setpriv',
        [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '--import', 'tsx', script, ...args],
        { cwd: root, env, encoding: 'utf8', timeout },
      ),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The package folders the sources and the loaders need at run time, outermost only (a nested one comes with its parent). */
function runtimePackages(): string[] {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
  const found = new Set<string>();
  const queue = [...Object.keys(manifest(REPO).dependencies ?? {}), ...LOADERS].map((name) => ({ name, from: REPO }));
  for (let next = queue.pop(); next; next = queue.pop()) {
    const dir = resolvePackage(next.name, next.from);
    if (!dir) {
      // An optional dependency for another platform (fsevents, @esbuild/darwin-arm64) is simply absent.
      if (next.from === REPO) throw new Error(`${next.name} is not installed in ${join(REPO, 'node_modules')}: run npm install.`);
      continue;
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const m = manifest(dir);
    for (const name of Object.keys({ ...m.dependencies, ...m.optionalDependencies })) queue.push({ name, from: dir });
  }
  const all = [...found];
  return all.filter((dir) => !all.some((other) => other !== dir && dir.startsWith(`${other}/`)));
}

/** Node's lookup: node_modules/<name> in the requiring package's folder, then in each folder above it up to the checkout. */
function resolvePackage(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (relative(REPO, dir) === '' || dirname(dir) === dir) return null;
  }
}

/** Copies a file or folder: folders made 0755, files anyone may read linked (or copied across devices), others copied as 0644/0755. */
function copyTree(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else if (st.isDirectory()) {
    mkdirSync(to, { recursive: true, mode: 0o755 });
    chmodSync(to, 0o755);
    for (const entry of readdirSync(from)) copyTree(join(from, entry), join(to, entry));
  } else if (st.isFile()) {
    if (st.mode & 0o004) {
      try {
        linkSync(from, to);
        return;
      } catch {
        // Another device, or links not allowed here: copy instead.
      }
    }
    copyFileSync(from, to);
    chmodSync(to, st.mode & 0o111 ? 0o755 : 0o644);
  }
}
