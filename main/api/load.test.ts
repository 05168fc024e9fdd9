/**
 * Under load: rapid queries on the main thread while the worker indexes thousands of Wikipedia
 * paragraphs. OFFPRINT_LOAD_DOCS sets how many (4,000 by default; 50,000 for the full run).
 *
 * The paragraphs come from test/fixtures/enwiki-paragraphs (713 paragraphs of 47 articles), each
 * written as many times as needed under its own title and number. With OFFPRINT_LOAD_DOCS set and the
 * full sample in ../shared/corpus/enwiki-sample beside the checkout, they come from there instead, so a
 * large run indexes distinct text; `npm test` never reads ../shared.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startServices } from './services.ts';

const DOCS = Number(process.env.OFFPRINT_LOAD_DOCS ?? 4000);
const QUERIES = 1000;
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(repo, 'test/fixtures/enwiki-paragraphs/enwiki-paragraphs.jsonl.gz');
const fullSample = join(repo, '../shared/corpus/enwiki-sample/enwiki.jsonl.gz');
const source = process.env.OFFPRINT_LOAD_DOCS && existsSync(fullSample) ? fullSample : fixture;
const dir = mkdtempSync(join(tmpdir(), 'offprint-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Up to `count` paragraphs of 200 characters or more, with their article's title. */
function readParagraphs(file: string, count: number): { title: string; para: string }[] {
  const out: { title: string; para: string }[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line) continue;
    const { title, text } = JSON.parse(line) as { title: string; text: string };
    for (const para of text.split(/\n+/u)) {
      if (para.length < 200) continue;
      out.push({ title, para });
      if (out.length >= count) return out;
    }
  }
  return out;
}

/** Writes `count` articles, 1,000 to a folder, taking the paragraphs round and round; returns words to query. */
function writeParagraphs(root: string, count: number): string[] {
  const paragraphs = readParagraphs(source, count);
  console.log(`load: ${count} articles from ${paragraphs.length} paragraphs of ${relative(repo, source)}`);
  const words = new Set<string>();
  for (let n = 0; n < count; n++) {
    const { title, para } = paragraphs[n % paragraphs.length]!;
    const sub = join(root, String(Math.floor(n / 1000)));
    if (n % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${n}.txt`), `${title} (${n})\n\n${para}\n`);
    if (n < paragraphs.length) for (const w of para.toLowerCase().match(/\p{L}{5,}/gu) ?? []) if (words.size < 5000) words.add(w);
  }
  return [...words];
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

describe('search under load', () => {
  it(`answers ${QUERIES} rapid queries without error while ${DOCS} articles are indexed`, async () => {
    const content = join(dir, 'content');
    const words = writeParagraphs(content, DOCS);
    const s = startServices({
      dataDir: join(dir, 'data'),
      bundledContent: content,
      workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
    });
    const latencies: number[] = [];
    let errors = 0;
    let duringIndex = 0;
    let finished = false;
    void s.ready.then(() => (finished = true));
    for (let i = 0; i < QUERIES; i++) {
      const q =
        i % 3 === 0
          ? words[i % words.length]!.slice(0, 4)
          : i % 3 === 1
            ? words[i % words.length]!
            : `${words[i % words.length]} ${words[(i * 7) % words.length]}`;
      const t = performance.now();
      const r = await s.dispatch('search.query', { q, limit: 20 });
      latencies.push(performance.now() - t);
      if (!r.ok) errors++;
      if (!finished) duringIndex++;
      // Yield so the worker's progress messages are handled, as in the app's event loop.
      await new Promise((r2) => setImmediate(r2));
    }
    await s.ready;
    const count = ((await s.dispatch('library.list', { sort: 'title', offset: 0, limit: 1 })) as { ok: true; value: { total: number } })
      .value.total;
    await s.close();
    console.log(
      `load: ${QUERIES} queries, ${duringIndex} while indexing ${DOCS} articles; p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, errors ${errors}`,
    );
    expect(errors).toBe(0);
    expect(duringIndex).toBeGreaterThan(QUERIES / 10);
    expect(count).toBe(DOCS);
  }, 600_000);
});
