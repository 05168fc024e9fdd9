import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Doc } from './types.ts';

/** The long-document sample lives outside the repo, next to it in shared/ (see shared/corpus/README.md). */
export const ENWIKI_DEFAULT_PATH = fileURLToPath(new URL('../../../shared/corpus/enwiki-sample/enwiki.jsonl.gz', import.meta.url));

/** All 9,234 articles, in file order; `n` caps it for smoke runs. */
export function loadEnwiki(path: string, n = Infinity): Doc[] {
  const docs: Doc[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (docs.length >= n) break;
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { title: string; text: string };
    docs.push({ title: row.title, body: row.text });
  }
  return docs;
}
