/**
 * Child process run before any system: loads the working set, writes it to disk as .txt files for
 * Offprint's real import path, and samples the query list every system then runs.
 */
import { writeFileSync } from 'node:fs';
import { gcideHeadwords } from './corpus/gcide.ts';
import { loadCorpus } from './corpus/load.ts';
import { writeCorpusFiles } from './corpus/files.ts';
import { buildQueries, PER_CLASS } from './queries.ts';
import { secondsSince } from './stats.ts';
import { childContext, emit, log, paths } from './systems/common.ts';

const ctx = childContext();
const p = paths(ctx.work);
const t0 = performance.now();
const docs = loadCorpus(ctx.spec);
const textBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.title) + Buffer.byteLength(d.body), 0);
const files = writeCorpusFiles(docs, p.files, p.marker);
log(`${docs.length} docs, ${(textBytes / 1e6).toFixed(1)} MB of text; files ${files.reused ? 'reused' : 'written'} in ${p.files}`);
const perClass = Number(ctx.flags['per-class'] ?? PER_CLASS);
// The typo class misspells only words the dictionary has as headwords (for enwiki too).
const queries = buildQueries(docs, perClass, gcideHeadwords(ctx.spec.gcideDir));
writeFileSync(p.queries, JSON.stringify(queries));
emit({
  docs: docs.length,
  text_mb: textBytes / 1e6,
  files_mb: files.bytes / 1e6,
  files_reused: files.reused,
  queries: queries.length,
  seconds: secondsSince(t0),
});
