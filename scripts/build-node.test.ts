import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, isFresh, OUT_DIR, readManifest, ROOT, type Manifest } from './build-node.mjs';

const dir = mkdtempSync(join(tmpdir(), 'offprint-build-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file as if it had been saved `agoMs` ago (a build ignores files saved during it, see SETTLE_MS). */
function write(path: string, text: string, agoMs = 60_000): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const t = new Date(Date.now() - agoMs);
  utimesSync(path, t, t);
}

/** Every output a compiled entry loads before its first line runs (import statements, followed). */
function staticClosure(m: Manifest, entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    for (const i of m.graph[f]?.imports ?? []) {
      if (m.graph[i]) visit(i);
      else if (!i.startsWith('node:')) packages.add(i);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

async function freshBuild(): Promise<Manifest> {
  if (!isFresh()) await build();
  const m = readManifest();
  if (!m) throw new Error('no manifest after a build');
  return m;
}

describe('the compiled command line (out/node)', () => {
  it('rebuilds when a file the last build read changes, and not before', async () => {
    const root = join(dir, 'project');
    const outDir = join(root, 'out');
    write(join(root, 'package.json'), '{"type":"module"}');
    write(join(root, 'main.ts'), "import { word } from './word.ts';\nconsole.log(word satisfies string);\n");
    write(join(root, 'word.ts'), "export const word = 'first';\n");
    const options = { root, outDir, entries: { main: join(root, 'main.ts') } };
    const runIt = () => spawnSync(process.execPath, [join(outDir, 'main.js')], { encoding: 'utf8' }).stdout.trim();

    expect(isFresh({ root, outDir })).toBe(false);
    const m = await build(options);
    expect(Object.keys(m.inputs).sort()).toEqual(['main.ts', 'package.json', 'word.ts']);
    expect(isFresh({ root, outDir })).toBe(true);
    expect(runIt()).toBe('first');

    write(join(root, 'word.ts'), "export const word = 'second';\n", 30_000);
    expect(isFresh({ root, outDir })).toBe(false);
    await build(options);
    expect(isFresh({ root, outDir })).toBe(true);
    expect(runIt()).toBe('second');

    // A file saved while (or just before) a build ran may not be what esbuild read: the next check rebuilds.
    write(join(root, 'word.ts'), "export const word = 'third';\n", 0);
    await build(options);
    expect(isFresh({ root, outDir })).toBe(false);

    rmSync(join(outDir, 'main.js'));
    write(join(root, 'word.ts'), "export const word = 'third';\n", 10_000);
    await build(options);
    expect(isFresh({ root, outDir })).toBe(true);
    rmSync(join(outDir, 'main.js'));
    expect(isFresh({ root, outDir })).toBe(false);
  });

  it('reports a compile error with its file and line, and keeps the last good build', async () => {
    const root = join(dir, 'broken');
    const outDir = join(root, 'out');
    write(join(root, 'main.ts'), 'console.log(1);\n');
    const options = { root, outDir, entries: { main: join(root, 'main.ts') } };
    await build(options);
    write(join(root, 'main.ts'), 'console.log((;\n');
    await expect(build(options)).rejects.toThrow(/compiling main\/ failed:[\s\S]*main\.ts:1:/);
    expect(readFileSync(join(outDir, 'main.js'), 'utf8')).toContain('console.log(1)');
  });

  it('checks whether the real build is fresh in a few milliseconds', async () => {
    const m = await freshBuild();
    const ms: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      isFresh();
      ms.push(performance.now() - t);
    }
    const median = ms.sort((a, b) => a - b)[10]!;
    console.log(`staleness check: ${Object.keys(m.inputs).length} files stat'ed, median ${median.toFixed(2)} ms`);
    expect(median).toBeLessThan(20);
  });

  it('loads no importer, HTML or Markdown parser, or zod before a search or show runs', async () => {
    const m = await freshBuild();
    const { files, packages } = staticClosure(m, 'cli.js');
    expect(packages).toEqual(['better-sqlite3', 'stemmer']);
    // The importers come in with the index command, through import().
    const lazy = files.flatMap((f) => m.graph[f]!.lazy);
    expect(lazy.length).toBeGreaterThan(0);
    const indexing = lazy.flatMap((f) => staticClosure(m, f).packages);
    expect(indexing).toEqual(expect.arrayContaining(['linkedom', '@mozilla/readability', 'markdown-it']));
    const kb = files.reduce((s, f) => s + m.graph[f]!.bytes, 0) / 1024;
    console.log(`search/show load ${files.length} files, ${kb.toFixed(0)} KB of JS, and ${packages.join(', ')}`);
  });

  it('puts the workers the library starts beside the chunks that start them', async () => {
    const m = await freshBuild();
    expect(m.outputs).toEqual(expect.arrayContaining(['cli.js', 'serve.js', 'indexWorker.js', 'parseWorker.js', 'readWorker.js']));
    expect(OUT_DIR).toBe(join(ROOT, 'out', 'node'));
    expect(m.outputs.every((f) => !f.includes('/'))).toBe(true);
  });

  it('runs serve mode from out/node, its index worker included, as npm run serve does', async () => {
    const data = join(dir, 'serve-data');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'offprint-serve.mjs'), '--port', '0', '--data', data], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Vitest sets NODE_ENV=test; a renderer built under it would be React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    try {
      const url = await new Promise<string>((ready, fail) => {
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          stdout += c;
          const m = /^Offprint serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/mu.exec(stdout);
          if (m) ready(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`serve exited with ${code} before it was ready:\n${stderr.slice(-3000)}`)));
      });
      const shell = await fetch(url);
      expect(shell.status).toBe(200);
      const { origin, searchParams } = new URL(url);
      const r = await fetch(new URL('/api/search.query', url), {
        method: 'POST',
        headers: { 'x-offprint-token': searchParams.get('token') ?? '', origin, 'content-type': 'application/json' },
        body: JSON.stringify({ q: 'shanghai', limit: 5 }),
      });
      const result = (await r.json()) as { ok: boolean; value: { total: number } };
      // The bundled articles were indexed by out/node/indexWorker.js before the ready line.
      expect(result.ok).toBe(true);
      expect(result.value.total).toBeGreaterThan(0);
    } finally {
      await new Promise((done) => {
        if (child.exitCode !== null) return done(null);
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
  }, 180_000);
});
