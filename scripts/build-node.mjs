#!/usr/bin/env node
/**
 * The command line and serve mode, compiled to JavaScript so they start without TypeScript: esbuild
 * bundles main/cli.ts, main/serve/main.ts and every main/library/*Worker.ts into out/node/ (ESM, split
 * into chunks so a command loads only the code it runs; packages stay external, in node_modules).
 *
 * `npm install` builds it (the `prepare` script runs this file); bin/offprint.mjs and
 * bin/offprint-serve.mjs call runCompiled(), which rebuilds first when a file the last build read has
 * changed. That check reads out/node/manifest.json and stats the files it lists: a few milliseconds.
 *
 *   node scripts/build-node.mjs [--force]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const OUT_DIR = join(ROOT, 'out', 'node');
const MANIFEST = 'manifest.json';
/** Files the bundle depends on that esbuild does not read as modules. */
const CONFIG_INPUTS = ['package.json', relative(ROOT, fileURLToPath(import.meta.url))];
/** An input changed this close to the build's start may have changed while esbuild read it: check it again next time. */
const SETTLE_MS = 2000;
/** Old chunks stay this long, for a process that started from the previous build and loads one late. */
const KEEP_OLD_MS = 60 * 60 * 1000;

class BuildError extends Error {
  constructor(message, { isMissingEsbuild = false } = {}) {
    super(message);
    this.isMissingEsbuild = isMissingEsbuild;
  }
}

/**
 * The bundle's entries, by output name. Workers start from a file beside the code that starts them
 * (main/library/workers.ts siblingEntry), so every entry and chunk lands flat in out/node, as in
 * out/main of the Electron build (electron.vite.config.ts).
 */
export function entryPoints(root = ROOT) {
  const workers = readdirSync(join(root, 'main', 'library'))
    .filter((f) => /^[a-z]\w*Worker\.ts$/u.test(f))
    .map((f) => [f.replace(/\.ts$/u, ''), join(root, 'main', 'library', f)]);
  return { cli: join(root, 'main', 'cli.ts'), serve: join(root, 'main', 'serve', 'main.ts'), ...Object.fromEntries(workers) };
}

/** out/node/manifest.json: what the last build read (with mtimes and sizes), wrote, and what each output imports. */
export function readManifest(outDir = OUT_DIR) {
  try {
    return JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/** True when out/node was built from the files as they are now. */
export function isFresh({ root = ROOT, outDir = OUT_DIR } = {}) {
  const manifest = readManifest(outDir);
  if (!manifest || typeof manifest.inputs !== 'object' || !Array.isArray(manifest.outputs)) return false;
  for (const [file, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    const st = statSync(join(root, file), { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== mtimeMs || st.size !== size) return false;
  }
  return manifest.outputs.every((file) => existsSync(join(outDir, file)));
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * Bundles the entries into outDir and writes the manifest last. Several processes may build at once
 * (parallel tests, two terminals): each file is replaced atomically and all write the same bytes.
 */
export async function build({ root = ROOT, outDir = OUT_DIR, entries = entryPoints(root) } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new BuildError('esbuild is not installed (it comes with the devDependencies); run `npm install` in the checkout.', {
      isMissingEsbuild: true,
    });
  }
  const started = Date.now();
  let result;
  try {
    result = await esbuild.build({
      entryPoints: entries,
      absWorkingDir: root,
      outdir: outDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.6',
      // better-sqlite3 is native, and the rest are the app's runtime dependencies: all load from node_modules.
      packages: 'external',
      chunkNames: '[name]-[hash]',
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
  } catch (err) {
    const messages = err.errors ? await esbuild.formatMessages(err.errors, { kind: 'error' }) : [String(err)];
    throw new BuildError(`compiling main/ failed:\n${messages.join('\n')}`);
  }
  try {
    for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  } catch (err) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(err.code)) throw err;
    throw new BuildError(
      `${relative(root, outDir)} is out of date and cannot be rewritten here (${err.code}: ${err.path ?? outDir}); ` +
        'run `node scripts/build-node.mjs` as the owner of the checkout.',
    );
  }

  const outputs = Object.keys(result.metafile.outputs).map((p) => relative(outDir, resolve(root, p)));
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...CONFIG_INPUTS.filter((f) => existsSync(join(root, f)))]) {
    const st = statSync(join(root, file));
    inputs[file] = st.mtimeMs >= started - SETTLE_MS ? [0, 0] : [st.mtimeMs, st.size];
  }
  // What each output imports, for the startup test and the benchmark: chunks by file name, packages by name.
  const graph = {};
  for (const [path, out] of Object.entries(result.metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    const name = relative(outDir, resolve(root, path));
    const ref = (i) => (i.external ? i.path : relative(outDir, resolve(root, i.path)));
    graph[name] = {
      bytes: out.bytes,
      imports: [...new Set(out.imports.filter((i) => i.kind === 'import-statement').map(ref))],
      lazy: [...new Set(out.imports.filter((i) => i.kind === 'dynamic-import').map(ref))],
    };
  }
  const manifest = { built: new Date(started).toISOString(), ms: Date.now() - started, inputs, outputs, graph };
  writeAtomically(join(outDir, MANIFEST), `${JSON.stringify(manifest)}\n`);

  const current = new Set([...outputs, MANIFEST]);
  for (const entry of readdirSync(outDir)) {
    if (current.has(entry) || entry.endsWith('.tmp')) continue;
    const st = statSync(join(outDir, entry), { throwIfNoEntry: false });
    if (st?.isFile() && Date.now() - st.mtimeMs > KEEP_OLD_MS) unlinkSync(join(outDir, entry));
  }
  return manifest;
}

/** Builds when out/node is stale; a failed build prints why and exits 1 (bin/ scripts' start-up). */
export async function ensureBuilt() {
  if (isFresh()) return;
  try {
    await build();
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`offprint: ${err.message}\n`);
    process.exit(1);
  }
}

/** Runs out/node/<name>.js in this process, after rebuilding it if a source changed. */
export async function runCompiled(name, { sourceMaps = false } = {}) {
  await ensureBuilt();
  // Stacks then point into main/*.ts; parsing the maps costs start-up time, so only when asked for.
  if (sourceMaps) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(OUT_DIR, `${name}.js`)).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (!force && isFresh()) {
    process.stderr.write(`out/node is up to date.\n`);
  } else {
    try {
      const m = await build();
      process.stderr.write(`Compiled the command line and serve mode into out/node (${m.outputs.length} files, ${m.ms} ms).\n`);
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      process.stderr.write(`build-node: ${err.message}\n`);
      // An install without devDependencies still succeeds; bin/offprint.mjs repeats the reason when run.
      process.exit(err.isMissingEsbuild ? 0 : 1);
    }
  }
}
