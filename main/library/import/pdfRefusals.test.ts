/**
 * PDFs that are refused with their reason, each counted for the hardening summary: a scan without a
 * text layer, a password-protected file, truncated and damaged files, a file whose streams unpack past
 * the cap, and one that takes longer than the import budget (in importBytes and in the real parser).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recordHardening } from '../../../test/hardening/summary.ts';
import { Parser } from '../parser.ts';
import { syncFoldersParallel } from '../sync.ts';
import { tempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { MAX_EXPANDED_BYTES } from './pdf.ts';
import { readPdfSync } from './pdfBridge.ts';
import { onePage, stream } from './pdfTestFile.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/pdf/', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(`${fixtures}${name}`);

let tried = 0;
let refused = 0;
afterAll(() => recordHardening({ bombsTried: tried, bombsRefused: refused }));

function refusal(name: string, bytes: Uint8Array): { code: string; reason: string } {
  tried++;
  const result = importBytes(name, bytes);
  if (result.ok) return { code: 'imported', reason: result.doc.title };
  refused++;
  return result.error;
}

/** A page that draws a form that draws the one below it sixteen times, seven levels deep: 16⁷ strings to read. */
function manyTimesOver(): Uint8Array {
  const depth = 7;
  const forms = Array.from({ length: depth + 1 }, (_, k) =>
    stream(
      `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${k === 0 ? '/Font << /F1 4 0 R >>' : `/XObject << /X${k - 1} ${5 + k} 0 R >>`} >>`,
      k === 0 ? 'BT /F1 12 Tf 72 700 Td (Again and again.) Tj ET' : `/X${k - 1} Do `.repeat(16),
    ),
  );
  return onePage(stream('', `/X${depth} Do`), forms);
}

describe('PDFs without text or behind a password', () => {
  it('refuses a scan (a picture, no text layer) and says so', () => {
    expect(refusal('scan.pdf', fixture('scanned.pdf'))).toEqual({
      code: 'no-text-layer',
      reason: 'The PDF has no text layer (scanned); not imported.',
    });
  });

  it('refuses a password-protected PDF as such', () => {
    expect(refusal('locked.pdf', fixture('password-protected.pdf'))).toEqual({
      code: 'encrypted',
      reason: 'The PDF is password-protected; not imported.',
    });
  });

  it('imports the same page with its text', () => {
    const result = importBytes('plain.pdf', onePage(stream('', 'BT /F1 12 Tf 72 700 Td (A plain page of text.) Tj ET')));
    expect(result.ok && result.doc.blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'A plain page of text.' }], page: 1 },
    ]);
  });
});

describe('truncated and damaged PDFs', () => {
  const spec = fixture('shared-mime-info-spec.pdf');

  it('refuses a file cut short', () => {
    for (const cut of [spec.subarray(0, Math.floor(spec.length / 2)), spec.subarray(0, spec.length - 100)])
      expect(refusal('cut.pdf', cut)).toMatchObject({ code: 'parse', reason: expect.stringMatching(/truncated or damaged/u) });
  });

  it('refuses a file whose body is not PDF at all', () => {
    const junk = new TextEncoder().encode(`%PDF-1.4\n${'not an object '.repeat(200)}\n%%EOF\n`);
    expect(refusal('junk.pdf', junk)).toMatchObject({ code: 'parse', reason: expect.stringMatching(/^The PDF/u) });
  });

  it('refuses bytes with no PDF header', () => {
    expect(refusal('text.pdf', new TextEncoder().encode('Just some text in a file named .pdf'))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/^Not a PDF/u),
    });
  });
});

describe('PDF bombs', () => {
  it('refuses a page whose stream unpacks past the cap, before the reader sees it', { timeout: 30_000 }, () => {
    const spaces = new Uint8Array(MAX_EXPANDED_BYTES + 1024 * 1024).fill(0x20);
    const bomb = onePage(stream('', spaces, true));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal('bomb.pdf', bomb)).toEqual({ code: 'too-large', reason: "The PDF's streams unpack to more than 200 MB; not imported." });
  });

  it(
    'cuts a read off at the reader’s deadline where no parser watches, and reads the next file with a new reader',
    { timeout: 30_000 },
    () => {
      tried++;
      const slow = readPdfSync(manyTimesOver(), 1500);
      expect(slow).toEqual({ ok: false, code: 'too-slow', reason: 'The PDF took too long to import (over 2 s); it was skipped.' });
      refused++;
      const next = readPdfSync(fixture('unsw-thesis.pdf'), 20_000);
      expect(next.ok && next.meta.author).toBe('Olivier Mehani');
    },
  );

  it('refuses a file that takes longer than the import budget, in the parser, and imports the rest', { timeout: 60_000 }, async () => {
    const lib = tempLibrary();
    try {
      lib.write('papers/slow.pdf', manyTimesOver());
      lib.write('papers/fine.pdf', fixture('unsw-thesis.pdf'));
      const parser = new Parser();
      try {
        await syncFoldersParallel(lib.db, [{ key: 'f', root: join(lib.dir, 'articles') }], { parser });
      } finally {
        await parser.close();
      }
      tried++;
      const problems = lib.db.prepare('SELECT relpath, code, reason FROM import_errors').all() as { code: string; reason: string }[];
      expect(problems).toEqual([
        { relpath: 'papers/slow.pdf', code: 'too-slow', reason: expect.stringMatching(/took too long to import/u) },
      ]);
      refused++;
      expect(lib.db.prepare('SELECT title FROM articles').pluck().all()).toEqual([
        'Contributions to Mechanisms for Adaptive Use of Mobile Network Resources',
      ]);
    } finally {
      lib.cleanup();
    }
  });
});
