/** The floor: reading and parsing the corpus with no indexing at all. Nothing can import faster. */
import { loadCorpus } from '../corpus/load.ts';
import { stopwatch } from '../stats.ts';
import { childContext, emit } from './common.ts';

const ctx = childContext();
const clock = stopwatch();
const docs = loadCorpus(ctx.spec);
const seconds = clock.seconds();
const cpuSeconds = clock.cpuSeconds();
const textMb = docs.reduce((s, d) => s + Buffer.byteLength(d.title) + Buffer.byteLength(d.body), 0) / 1e6;
emit({ seconds, cpu_seconds: cpuSeconds, docs: docs.length, text_mb: textMb });
