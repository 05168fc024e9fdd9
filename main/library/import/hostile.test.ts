import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHostileFixtures, HOSTILE_DIR } from '../../../test/fixtures/hostile/generate.ts';
import { outsideArticles, outsideVectors } from '../../../test/fixtures/xss-vectors/articles.ts';
import type { ImportedDocument } from '../model.ts';
import type { Block, Inline } from '../../../common/blocks.ts';
import { searchArticles } from '../search.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { documentText } from '../text/blocks.ts';
import { importBytes } from './importFile.ts';

interface Fixture {
  file: string;
  category: string;
  format: 'txt' | 'markdown' | 'html';
  sentence: string;
  notes: string;
  title?: string;
  generated?: boolean;
}

const manifest = JSON.parse(readFileSync(join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as { sentinel: string; fixtures: Fixture[] };
const NOT_FIXTURES = new Set(['README.md', 'manifest.json', 'generate.ts', '.gitignore', 'generated']);
const isWindows = process.platform === 'win32';
const runnable = manifest.fixtures.filter((f) => !(isWindows && f.generated && /["<>|?*:\\]/u.test(f.file.slice('generated/'.length))));

beforeAll(() => {
  generateHostileFixtures();
});

function groupByCategory(list: Fixture[]): Map<string, Fixture[]> {
  const out = new Map<string, Fixture[]>();
  for (const f of list) out.set(f.category, [...(out.get(f.category) ?? []), f]);
  return out;
}

/** Every URL a document carries: link hrefs, figure sources and its source. */
function urls(doc: ImportedDocument): string[] {
  const out: string[] = doc.source === null ? [] : [doc.source];
  const inline = (runs: readonly Inline[]): void => {
    for (const r of runs) {
      if (r.type === 'link') out.push(r.href);
      if (r.type === 'link' || r.type === 'emphasis' || r.type === 'strong') inline(r.children);
    }
  };
  const block = (b: Block): void => {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') inline(b.children);
    else if (b.type === 'list') b.items.forEach(inline);
    else if (b.type === 'figure') {
      out.push(b.src);
      inline(b.caption);
    }
  };
  doc.blocks.forEach(block);
  return out;
}

/** The scheme a browser would read from an attribute set to this value, or null for a relative URL. */
function schemeAsBrowserReads(url: string): string | null {
  const seen = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/gu, '').replace(/[\t\n\r]/gu, '');
  return /^([a-z][a-z0-9+.-]*):/iu.exec(seen)?.[1]?.toLowerCase() ?? null;
}

describe('the hostile corpus', () => {
  it('has a manifest entry for every fixture file and a file for every entry', () => {
    const committed = readdirSync(HOSTILE_DIR).filter((n) => !NOT_FIXTURES.has(n));
    const generated = readdirSync(join(HOSTILE_DIR, 'generated')).map((n) => `generated/${n}`);
    expect([...committed, ...generated].sort()).toEqual(runnable.map((f) => f.file).sort());
  });

  it('has at least 60 inputs, four or more in each category, each category as .html and .md', () => {
    expect(manifest.fixtures.length).toBeGreaterThanOrEqual(60);
    const byCategory = groupByCategory(manifest.fixtures);
    for (const [category, list] of byCategory) {
      expect.soft(list.length, category).toBeGreaterThanOrEqual(4);
      expect.soft(list.some((f) => f.format === 'html') && list.some((f) => f.format === 'markdown'), category).toBe(true);
    }
  });

  it('lists each category with its count in the README', () => {
    const readme = readFileSync(join(HOSTILE_DIR, 'README.md'), 'utf8');
    const byCategory = groupByCategory(manifest.fixtures);
    for (const [category, list] of byCategory)
      expect.soft(readme, category).toMatch(new RegExp(`^\\| \`${category}\` \\| ${list.length} \\|`, 'mu'));
  });

  it('commits only file names that Windows, macOS and Linux all accept', () => {
    for (const f of manifest.fixtures.filter((x) => !x.generated)) {
      expect.soft(f.file).not.toMatch(/["<>|?*:\\/\u0000-\u001f]|[. ]$|^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/iu);
    }
  });

  it('gives every fixture its readable sentence in the raw file', () => {
    for (const f of runnable) expect.soft(readFileSync(join(HOSTILE_DIR, f.file), 'utf8'), f.file).toContain(f.sentence);
  });
});

describe.each(runnable)('importing hostile fixture $file', (f) => {
  let result: ReturnType<typeof importBytes> | undefined;
  let thrown: unknown = null;
  beforeAll(() => {
    delete (globalThis as { __pwn?: unknown }).__pwn;
    try {
      result = importBytes(f.file, readFileSync(join(HOSTILE_DIR, f.file)));
    } catch (err) {
      thrown = err;
    }
  });

  it('returns a document without throwing or running anything', () => {
    expect(thrown).toBeNull();
    expect(result).toMatchObject({ ok: true, doc: { format: f.format } });
    expect((globalThis as { __pwn?: unknown }).__pwn).toBeUndefined();
  });

  it('keeps only http, https, mailto and relative URLs', () => {
    if (!result?.ok) return;
    for (const url of urls(result.doc)) {
      const scheme = schemeAsBrowserReads(url);
      if (scheme !== null) expect.soft(['http', 'https', 'mailto'], url).toContain(scheme);
      expect.soft(url.trim().replaceAll('\\', '/').startsWith('//'), url).toBe(false);
    }
  });

  it('shows the readable sentence as text', () => {
    if (!result?.ok) return;
    expect(`${result.doc.title}\n${documentText(result.doc.blocks)}`).toContain(f.sentence);
  });

  it('keeps a hostile title as literal text', () => {
    if (!result?.ok || f.title === undefined) return;
    expect(result.doc.title).toBe(f.title);
  });

  it('keeps code languages to plain names', () => {
    if (!result?.ok) return;
    for (const b of result.doc.blocks) if (b.type === 'code' && b.language !== null) expect(b.language).toMatch(/^[\w+#.-]{1,32}$/u);
  });
});

describe.each(outsideArticles())('importing outside-vector article $file', (a) => {
  const result = importBytes(a.file, Buffer.from(a.content));

  it('returns a document whose text holds the readable sentence', () => {
    expect(result).toMatchObject({ ok: true, doc: { format: a.format } });
    if (result.ok) expect(`${result.doc.title}\n${documentText(result.doc.blocks)}`).toContain(a.sentence);
  });

  it('keeps only http, https, mailto and relative URLs', () => {
    if (!result.ok) return;
    for (const url of urls(result.doc)) {
      const scheme = schemeAsBrowserReads(url);
      if (scheme !== null) expect.soft(['http', 'https', 'mailto'], url).toContain(scheme);
      expect.soft(url.trim().replaceAll('\\', '/').startsWith('//'), url).toBe(false);
    }
  });
});

describe('the outside vectors', () => {
  it('are at least 300, from three collections, each imported alone as .html and .md or refused with a reason, without throwing', () => {
    const vectors = outsideVectors();
    expect(vectors.length).toBeGreaterThanOrEqual(300);
    expect(new Set(vectors.map((v) => v.source))).toEqual(new Set(['h5sc', 'dompurify', 'payloadsallthethings']));
    for (const v of vectors)
      for (const file of ['vector.html', 'vector.md']) {
        const r = importBytes(file, Buffer.from(`${v.vector}\n\nAfter the vector.`));
        expect.soft(r.ok || ['empty', 'binary'].includes(r.error.code), `${v.id} as ${file}`).toBe(true);
      }
    expect((globalThis as { __pwn?: unknown }).__pwn).toBeUndefined();
  });
});

describe('searching the hostile corpus', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    const root = join(lib.dir, 'articles');
    lib.write('.keep', '');
    const picked = runnable.filter((f) => ['snippet-markup', 'hostile-titles', 'hostile-names', 'rtl-override'].includes(f.category));
    for (const f of picked) copyFileSync(join(HOSTILE_DIR, f.file), join(root, basename(f.file)));
    const report = syncFolders(lib.db, [{ key: 'hostile', root }]);
    expect(report.failed).toEqual([]);
    expect(report.added).toBe(picked.length);
  });
  afterAll(() => lib.cleanup());

  it('returns snippets whose segments hold the markup as literal text', () => {
    const r = searchArticles(lib.db, 'needle onerror', { limit: 50 });
    expect(r.total).toBeGreaterThan(0);
    const shown = r.results.flatMap((res) => res.snippet.map((s) => s.text)).join('');
    expect(shown).toContain('<img src=x onerror=window.__pwn=1>');
    expect(r.results.filter((res) => res.missing.length === 0).every((res) => res.snippet.some((s) => s.hit))).toBe(true);
    // A partial match may hold its word in the title only; the hit is marked there.
    expect(r.results.every((res) => [...res.snippet, ...res.title_segments].some((s) => s.hit))).toBe(true);
  });

  it('returns hostile titles and file-name titles unchanged', () => {
    const titles = searchArticles(lib.db, 'pwn', { limit: 50 }).results.map((res) => res.title);
    expect(titles).toContain('<img src=x onerror=window.__pwn=1>');
    expect(titles).toContain("{{constructor.constructor('window.__pwn=1')()}}");
    for (const t of titles) expect(extname(t)).not.toMatch(/^\.(md|html|txt)$/u);
  });
});
