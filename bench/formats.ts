/**
 * The import-throughput part of the benchmark (`npm run bench -- --formats`, and in every quick and full
 * run): for each kind of file Offprint reads, real files of that kind imported with syncFolders into a
 * new database, in MB/s and files/s. A row is a list of sources (folders, Debian packages); a source that
 * is absent on this machine is skipped with the reason printed, and a row with no files at all says so.
 * Adding a format is adding a row; which files of a folder are read is the importer's own list
 * (formatOf), so a folder of saved pages is read as soon as the importer reads them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOf } from '../main/library/import/formats.ts';
import { round } from './stats.ts';
import type { FormatImportOut } from './systems/formatImport.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const SHARED = resolve(REPO, '..', 'shared');
const CHILD = join(BENCH, 'systems', 'formatImport.ts');
/** Files beside the data that are not articles: a fixture folder's notes on where its files came from. */
const NOT_ARTICLES = /^(?:README|SOURCES|LICENSE|ATTRIBUTION)(?:\.|$)/iu;
/** Enough files of a big folder (/usr/share/doc) for a steady figure, in a few seconds. */
const MAX_FILES = 400;

type Found = { root: string; files: string[]; isTree: boolean } | { absent: string };
interface Source {
  name: string;
  find: () => Found;
}
interface FormatRow {
  label: string;
  sources: Source[];
  /** Said when no source has a file. */
  empty: string;
  /** Also time the row's largest file alone (issue 19: "a 2 MB book imports in ≤ 1 s"). */
  hasLargest?: boolean;
}

export interface FormatResult {
  label: string;
  files: number;
  mb: number;
  /** Median wall seconds of the full imports, and median CPU seconds. */
  seconds: number | null;
  cpu_seconds: number | null;
  mb_per_s: number | null;
  files_per_s: number | null;
  runs: number[];
  failed: { path: string; reason: string }[];
  sources: { name: string; files?: number; absent?: string }[];
  skipped?: string;
  largest?: { file: string; mb: number; seconds: number; cpu_seconds: number; parse_seconds: number };
  /** PDF rows: the pages imported, and pages per second of the median import. */
  pages?: number;
  pages_per_s?: number;
}

function walk(root: string, out: string[] = []): string[] {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && formatOf(path) !== null && !NOT_ARTICLES.test(entry.name)) out.push(path);
  }
  return out;
}

/** The files Offprint reads in a folder (and below it); `isTree` copies the whole folder, so a saved page keeps its `_files`. */
function folder(name: string, root: string, options: { isTree?: boolean } = {}): Source {
  return {
    name,
    find: () => {
      if (!existsSync(root)) return { absent: `${root} is not there` };
      const files = walk(root).sort().slice(0, MAX_FILES);
      return files.length > 0 ? { root, files, isTree: options.isTree ?? false } : { absent: `${root} holds no file Offprint reads` };
    },
  };
}

/**
 * The books a Debian package ships: from the installed package, else from its .deb when one was already
 * downloaded (unpacked under the temp folder; nothing is downloaded here).
 */
function debian(pkg: string, debDirs: readonly string[]): Source {
  return {
    name: `Debian ${pkg}`,
    find: () => {
      const installed = spawnSync('dpkg-query', ['-L', pkg], { encoding: 'utf8' });
      if (installed.status === 0) {
        const files = installed.stdout.split('\n').filter((f) => formatOf(f) === 'epub' && existsSync(f));
        if (files.length > 0) return { root: '/', files, isTree: false };
      }
      for (const dir of debDirs) {
        const deb = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb')) : undefined;
        if (!deb) continue;
        const into = join(tmpdir(), 'offprint-bench-debs', pkg);
        rmSync(into, { recursive: true, force: true });
        mkdirSync(into, { recursive: true });
        try {
          execFileSync('dpkg-deb', ['-x', join(dir, deb), into], { stdio: ['ignore', 'ignore', 'pipe'] });
        } catch (err) {
          return { absent: `${join(dir, deb)} could not be unpacked (dpkg-deb: ${(err as Error).message.slice(0, 120)})` };
        }
        const files = walk(into).filter((f) => formatOf(f) === 'epub');
        if (files.length > 0) return { root: into, files, isTree: false };
      }
      return { absent: `not installed, and no ${pkg}_*.deb in ${debDirs.join(', ')} (\`apt-get download ${pkg}\` into bench/tmp/debs)` };
    },
  };
}

/** Debian packages with real EPUB books in them (the live-manual one also gave test/fixtures/epub a book). */
const DEBIAN_BOOKS = ['live-manual-epub', 'ubuntu-packaging-guide-epub'];

export function formatRows(debDirs: readonly string[]): FormatRow[] {
  const fixtures = (dir: string) => join(REPO, 'test', 'fixtures', dir);
  return [
    {
      label: 'txt',
      sources: [folder('fixtures plain-text', fixtures('plain-text')), folder('shared aozora', join(SHARED, 'corpus', 'aozora'))],
      empty: 'no text files',
    },
    { label: 'markdown', sources: [folder('bundled Wikinews articles', join(REPO, 'content', 'wikinews'))], empty: 'no Markdown files' },
    { label: 'html', sources: [folder('Debian HTML documentation', '/usr/share/doc')], empty: 'no HTML files' },
    {
      label: 'epub',
      sources: [folder('fixtures epub', fixtures('epub')), ...DEBIAN_BOOKS.map((pkg) => debian(pkg, debDirs))],
      empty: 'no EPUB books',
      hasLargest: true,
    },
    {
      label: 'saved pages',
      sources: [folder('fixtures saved-pages', fixtures('saved-pages'), { isTree: true })],
      empty: 'no saved-page fixtures',
    },
    // The scanned and the password-protected fixture are refused by design: they show as failed.
    { label: 'pdf', sources: [folder('fixtures pdf', fixtures('pdf'))], empty: 'no PDF files', hasLargest: true },
  ];
}

export const DEFAULT_DEB_DIRS = [join(BENCH, 'tmp', 'debs'), '/var/cache/apt/archives', tmpdir()];

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbOf = (bytes: number): number => round(bytes / 1e6, 3);

function measureRow(row: FormatRow, work: string, log: (msg: string) => void): FormatResult {
  const dir = join(work, row.label.replace(/\W+/gu, '-'));
  rmSync(dir, { recursive: true, force: true });
  const filesDir = join(dir, 'files');
  mkdirSync(filesDir, { recursive: true });
  const sources: FormatResult['sources'] = [];
  const seen = new Set<string>();
  const inputs: { path: string; bytes: number }[] = [];
  row.sources.forEach((source, i) => {
    const found = source.find();
    if ('absent' in found) {
      log(`[formats] ${row.label}: ${source.name} skipped: ${found.absent}`);
      return void sources.push({ name: source.name, absent: found.absent });
    }
    const into = join(filesDir, String(i));
    if (found.isTree) cpSync(found.root, into, { recursive: true, filter: (src) => !NOT_ARTICLES.test(basename(src)) });
    let count = 0;
    for (const file of found.files) {
      const bytes = readFileSync(file);
      // The same file from two sources (a fixture copied from a package) would be measured twice.
      const hash = createHash('sha256').update(bytes).digest('hex');
      const to = join(into, relative(found.root, file));
      if (seen.has(hash)) {
        if (found.isTree) rmSync(to, { force: true });
        continue;
      }
      seen.add(hash);
      if (!found.isTree) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(file, to);
      }
      inputs.push({ path: to, bytes: bytes.length });
      count++;
    }
    sources.push({ name: source.name, files: count });
  });
  const empty = {
    label: row.label,
    files: 0,
    mb: 0,
    seconds: null,
    cpu_seconds: null,
    mb_per_s: null,
    files_per_s: null,
    runs: [],
    failed: [],
    sources,
  };
  if (inputs.length === 0) {
    log(`[formats] ${row.label}: skipped: ${row.empty}`);
    return { ...empty, skipped: row.empty };
  }
  const total = inputs.reduce((sum, f) => sum + f.bytes, 0);
  const biggest = row.hasLargest ? inputs.reduce((a, b) => (b.bytes > a.bytes ? b : a)) : null;
  if (biggest) {
    mkdirSync(join(dir, 'largest'), { recursive: true });
    copyFileSync(biggest.path, join(dir, 'largest', basename(biggest.path)));
  }
  // Three runs keep one scheduling hiccup on a shared machine from being the figure, and the part near a minute.
  const reps = 3;
  log(`[formats] ${row.label}: ${inputs.length} files, ${mbOf(total)} MB, ${reps} imports`);
  const out = runImport(filesDir, dir, reps, biggest ? basename(biggest.path) : null);
  rmSync(dir, { recursive: true, force: true });
  const seconds = median(out.seconds);
  return {
    ...empty,
    files: inputs.length,
    mb: mbOf(total),
    seconds,
    cpu_seconds: median(out.cpu_seconds),
    mb_per_s: round(total / 1e6 / seconds, 2),
    files_per_s: round(inputs.length / seconds, 1),
    runs: out.seconds,
    failed: out.failed.map((f) => ({ path: relative(filesDir, f.path), reason: f.reason })),
    ...(out.pages > 0 ? { pages: out.pages, pages_per_s: round(out.pages / seconds, 1) } : {}),
    ...(biggest && out.largest
      ? {
          largest: {
            file: basename(biggest.path),
            mb: mbOf(biggest.bytes),
            seconds: median(out.largest.seconds),
            cpu_seconds: median(out.largest.cpu_seconds),
            parse_seconds: out.largest.parse_seconds,
          },
        }
      : {}),
  };
}

export interface FormatsResult {
  rows: FormatResult[];
  /** The same import of an empty folder: the fixed cost inside every row's seconds (opening the sync, the vocabulary refresh). */
  empty_import_s: number;
  /** The machine's load average (1 min) before and after: other work on two shared cores moves wall time. */
  loadavg: [number, number];
}

function runImport(folderPath: string, dir: string, reps: number, largest: string | null): FormatImportOut {
  const args = ['--import', 'tsx', CHILD, '--folder', folderPath, '--work', dir, '--reps', String(reps)];
  if (largest) args.push('--largest', largest);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
  if (child.status !== 0)
    throw new Error(`importing ${folderPath} failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 500)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as FormatImportOut;
}

export function measureFormats(work: string, debDirs: readonly string[], log: (msg: string) => void = () => undefined): FormatsResult {
  const dir = join(work, 'formats');
  const before = loadavg()[0]!;
  try {
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'files'), { recursive: true });
    const emptyImport = median(runImport(join(empty, 'files'), empty, 3, null).seconds);
    const rows = formatRows(debDirs).map((row) => measureRow(row, dir, log));
    return { rows, empty_import_s: emptyImport, loadavg: [round(before, 2), round(loadavg()[0]!, 2)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function renderFormats({ rows, empty_import_s, loadavg: load }: FormatsResult): string {
  const lines = [
    `Import throughput (syncFolders into a new database, median of the runs; load average ${load[0]} → ${load[1]})`,
    `${'format'.padEnd(12)}${pad('files', 7)}${pad('MB', 9)}${pad('s', 8)}${pad('cpu s', 8)}${pad('MB/s', 8)}${pad('files/s', 9)}${pad('failed', 8)}`,
  ];
  for (const r of rows) {
    if (r.skipped !== undefined || r.seconds === null) lines.push(`${r.label.padEnd(12)}  skipped: ${r.skipped ?? 'no files'}`);
    else
      lines.push(
        `${r.label.padEnd(12)}${pad(r.files, 7)}${pad(r.mb.toFixed(2), 9)}${pad(r.seconds.toFixed(3), 8)}${pad((r.cpu_seconds ?? 0).toFixed(3), 8)}${pad(r.mb_per_s ?? '', 8)}${pad(r.files_per_s ?? '', 9)}${pad(r.failed.length, 8)}`,
      );
  }
  lines.push(`  each row's seconds include ${empty_import_s.toFixed(3)} s that the same import of an empty folder takes`);
  for (const r of rows) {
    for (const s of r.sources) if (s.absent) lines.push(`  ${r.label}: ${s.name} skipped: ${s.absent}`);
    for (const f of r.failed) lines.push(`  ${r.label}: ${f.path} failed: ${f.reason}`);
    if (r.pages !== undefined) lines.push(`  ${r.label}: ${r.pages} pages, ${r.pages_per_s} pages/s`);
    if (r.largest)
      lines.push(
        `  largest ${r.label}: ${r.largest.file}, ${r.largest.mb.toFixed(2)} MB, imported alone in ${r.largest.seconds.toFixed(3)} s (cpu ${r.largest.cpu_seconds.toFixed(3)} s, parse alone ${r.largest.parse_seconds.toFixed(3)} s${r.label === 'epub' ? '; issue 19: a 2 MB book in ≤ 1 s' : ''})`,
      );
  }
  return `${lines.join('\n')}\n`;
}
