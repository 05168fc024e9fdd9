/**
 * One row of the import-throughput part (bench/formats.ts), in a fresh process: `--folder` imported with
 * syncFolders into a new database, `--reps` times (each into a fresh one), then, with `--largest FILE`,
 * that file alone the same way and once more through importBytes only (the parse, no database). Prints
 * one JSON line (FormatImportOut).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../main/library/db/open.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { importBytes } from '../../main/library/import/importFile.ts';
import { syncFolders } from '../../main/library/sync.ts';
import { secondsSince, stopwatch } from '../stats.ts';

export interface FormatImportOut {
  /** Wall seconds of each full import of the folder, and its CPU seconds (user + system; a busy machine moves them less). */
  seconds: number[];
  cpu_seconds: number[];
  added: number;
  failed: { path: string; reason: string }[];
  largest: { seconds: number[]; cpu_seconds: number[]; parse_seconds: number } | null;
  /** The pages of the PDFs imported (their last block's page), for pages/s; 0 without PDFs. */
  pages: number;
}

const { values } = parseArgs({
  options: { folder: { type: 'string' }, work: { type: 'string' }, reps: { type: 'string' }, largest: { type: 'string' } },
  strict: true,
});
const folder = values.folder!;
const work = values.work!;
const reps = Math.max(1, Number(values.reps ?? 3));

function importOnce(root: string): { seconds: number; cpuSeconds: number; added: number; failed: FormatImportOut['failed'] } {
  const dir = join(work, 'db');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, 'index.db'), indexMigrations);
  const clock = stopwatch();
  const report = syncFolders(db, [{ key: 'bench', root }]);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuSeconds, added: report.added, failed: report.failed };
}

const runs = Array.from({ length: reps }, () => importOnce(folder));
let largest: FormatImportOut['largest'] = null;
if (values.largest) {
  const alone = join(work, 'largest');
  const alones = Array.from({ length: reps }, () => importOnce(alone));
  const bytes = readFileSync(join(alone, values.largest));
  const t0 = performance.now();
  importBytes(values.largest, bytes);
  largest = { seconds: alones.map((r) => r.seconds), cpu_seconds: alones.map((r) => r.cpuSeconds), parse_seconds: secondsSince(t0) };
}
/** Counted outside the timed runs, through the same importer. */
function pdfPages(root: string): number {
  let pages = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.pdf')) continue;
    const result = importBytes(entry.name, readFileSync(join(entry.parentPath, entry.name)));
    if (result.ok) pages += Math.max(0, ...result.doc.blocks.map((b) => b.page ?? 0));
  }
  return pages;
}

const out: FormatImportOut = {
  seconds: runs.map((r) => r.seconds),
  cpu_seconds: runs.map((r) => r.cpuSeconds),
  added: runs[0]!.added,
  failed: runs[0]!.failed,
  largest,
  pages: pdfPages(folder),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
