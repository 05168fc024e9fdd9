/**
 * Generators and the invariant for fuzzing importBytes: random bytes, markup soup, and mutations (byte
 * flips, truncation, insertion, deletion, splicing) of real articles and hostile fixtures. The tests run
 * them briefly with a fixed seed; `npm run fuzz` (scripts/fuzz.ts) runs them long. Test support only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { ImportErrorCode, ImportResult } from '../../main/library/model.ts';
import type { Block, Inline } from '../../common/blocks.ts';
import { formatOf, importBytes } from '../../main/library/import/importFile.ts';
import { safeHref } from '../../main/library/import/domBlocks.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ERROR_CODES = new Set<ImportErrorCode>([
  'binary',
  'empty',
  'too-large',
  'undecodable',
  'unsupported',
  'unreadable',
  'not-a-file',
  'changed',
  'parse',
]);
const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.markdown', '.text', '.TXT', '.pdf', ''];

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Real files to mutate: the bundled articles and the committed hostile fixtures under 64 kB. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (dir: string, limit: number): void => {
    const names = readdirSync(dir)
      .filter((n) => formatOf(n) !== null && n !== 'README.md')
      .sort();
    for (const name of names.slice(0, limit)) {
      const abs = join(dir, name);
      if (statSync(abs).isFile() && statSync(abs).size < 65_536) seeds.push({ name, bytes: readFileSync(abs) });
    }
  };
  add(join(ROOT, 'content'), 50);
  add(join(ROOT, 'content/wikinews/2019'), 40);
  add(join(ROOT, 'test/fixtures/hostile'), 200);
  add(join(ROOT, 'test/fixtures/encodings'), 50);
  return seeds;
}

const SOUP = [
  '<',
  '>',
  '</',
  '/>',
  '<div>',
  '</div>',
  '<p>',
  '<a href="',
  'javascript:',
  '"',
  "'",
  '<script>',
  '</script>',
  '<svg>',
  '<math>',
  '<style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&',
  '&#',
  ';',
  '&lt;',
  '&nbsp;',
  '\n',
  '\n\n',
  '---\n',
  '---js\n',
  '# ',
  '> ',
  '- ',
  '1. ',
  '```',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '![',
  '|',
  '\\',
  '<table>',
  '<tr>',
  '<td>',
  '<pre>',
  '<code class="language-',
  '<img src=',
  '<br>',
  '<h1>',
  '<blockquote>',
  '<li>',
  '<ul>',
  '<ol>',
  '<figure>',
  '<figcaption>',
  'title: ',
  'date: ',
  'tags: [',
  'author: ',
  '<html>',
  '<body dir="rtl">',
  '<head>',
  '<title>',
  '<meta name="author" content="',
  '\u202e',
  '\u0000',
  '\ufeff',
  '\r\n',
  'é',
  '東',
  '🎉',
  ' ',
  'By Ada\n',
  'April 1, 2024\n',
  '《',
  '》',
  '｜',
];
const soup = fc
  .array(fc.oneof(fc.constantFrom(...SOUP), fc.string({ maxLength: 6 })), { maxLength: 120 })
  .map((parts) => new TextEncoder().encode(parts.join('')));

type Mutation = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'duplicate'; at: number; len: number; byte: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 64 }),
  byte: fc.integer({ min: 0, max: 255 }),
});

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = bytes;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'flip' && b.length > 0) {
      b = Uint8Array.from(b);
      b[at % b.length] = m.byte;
    } else if (m.kind === 'insert')
      b = Uint8Array.from([...b.subarray(0, at), ...Array.from({ length: m.len }, (_, i) => (m.byte + i * 31) % 256), ...b.subarray(at)]);
    else if (m.kind === 'delete') b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.len)]);
    else if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'duplicate') b = Uint8Array.from([...b.subarray(0, at + m.len), ...b.subarray(at)]);
  }
  return b;
}

/** A file name and its bytes: random, soup, or a real file mutated (and sometimes spliced with another). */
export function importInput(seeds: Seed[]): fc.Arbitrary<{ path: string; bytes: Uint8Array }> {
  const ext = fc.constantFrom(...EXTENSIONS);
  const mutated = fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      fc.option(fc.constantFrom(...seeds), { freq: 4 }),
      fc.nat(),
    )
    .map(([seed, muts, other, cut]) => {
      const base = other
        ? Uint8Array.from([
            ...seed.bytes.subarray(0, cut % (seed.bytes.length + 1)),
            ...other.bytes.subarray(cut % (other.bytes.length + 1)),
          ])
        : seed.bytes;
      return { path: seed.name, bytes: mutate(base, muts) };
    });
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(ext, fc.uint8Array({ maxLength: 2048 })).map(([e, bytes]) => ({ path: `random${e}`, bytes })) },
    { weight: 3, arbitrary: fc.tuple(ext, soup).map(([e, bytes]) => ({ path: `soup${e}`, bytes })) },
    { weight: 5, arbitrary: mutated },
  );
}

function checkInlines(runs: readonly Inline[]): void {
  for (const r of runs) {
    if (r.type === 'link') {
      if (safeHref(r.href) !== r.href) throw new Error(`unsafe link ${JSON.stringify(r.href)}`);
      checkInlines(r.children);
    } else if (r.type === 'emphasis' || r.type === 'strong') checkInlines(r.children);
  }
}

function checkBlock(b: Block): void {
  if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') checkInlines(b.children);
  else if (b.type === 'list') b.items.forEach(checkInlines);
  else if (b.type === 'figure') {
    if (safeHref(b.src) !== b.src || /^\s*(mailto|data|javascript|vbscript):/iu.test(b.src))
      throw new Error(`unsafe image ${JSON.stringify(b.src)}`);
    checkInlines(b.caption);
  } else if (b.type === 'code' && b.language !== null && !/^[\w+#.-]{1,32}$/u.test(b.language))
    throw new Error(`odd code language ${JSON.stringify(b.language)}`);
}

/** Imports the input; throws (with the input) if importBytes threw or returned anything but a sound document or error value. */
export function checkImport(path: string, bytes: Uint8Array): ImportResult {
  let result: ImportResult;
  try {
    result = importBytes(path, bytes);
  } catch (err) {
    throw new Error(`importBytes threw on ${path} (${bytes.length} bytes): ${(err as Error).stack ?? String(err)}`);
  }
  if (!result.ok) {
    if (!ERROR_CODES.has(result.error.code) || typeof result.error.reason !== 'string' || result.error.reason === '')
      throw new Error(`bad error value ${JSON.stringify(result)}`);
    return result;
  }
  const d = result.doc;
  if (d.format !== formatOf(path)) throw new Error(`format ${d.format} for ${path}`);
  if (typeof d.title !== 'string' || d.title.length > 500) throw new Error(`bad title ${JSON.stringify(d.title).slice(0, 100)}`);
  if (d.date !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(d.date)) throw new Error(`bad date ${d.date}`);
  if (d.dir !== null && d.dir !== 'ltr' && d.dir !== 'rtl') throw new Error(`bad dir ${String(d.dir)}`);
  if (d.source !== null && safeHref(d.source) !== d.source) throw new Error(`unsafe source ${d.source}`);
  if (!Array.isArray(d.tags) || d.tags.some((t) => typeof t !== 'string')) throw new Error('bad tags');
  d.blocks.forEach(checkBlock);
  JSON.stringify(d);
  return result;
}
