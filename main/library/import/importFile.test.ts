import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOf, guessScript, importBytes } from './importFile.ts';
import { checkImport, importInput, loadSeeds } from '../../../test/fuzz/importFuzz.ts';
import { recordHardening } from '../../../test/hardening/summary.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('importBytes', () => {
  it('dispatches on the extension, in any case', () => {
    expect(formatOf('a/b.TXT')).toBe('txt');
    expect(formatOf('x.text')).toBe('txt');
    expect(formatOf('x.Markdown')).toBe('markdown');
    expect(formatOf('x.htm')).toBe('html');
    expect(formatOf('x.PDF')).toBe('pdf');
    expect(formatOf('x.docx')).toBeNull();
    expect(formatOf('README')).toBeNull();
  });

  it('refuses a file it does not read, naming the extension', () => {
    expect(importBytes('paper.docx', utf8('PK'))).toEqual({
      ok: false,
      error: { code: 'unsupported', reason: 'Offprint does not read .docx.' },
    });
    expect(importBytes('Makefile', utf8('all:'))).toEqual({
      ok: false,
      error: { code: 'unsupported', reason: 'Offprint does not read files without an extension.' },
    });
  });

  it('passes decoding errors through as values', () => {
    expect(importBytes('a.md', new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(importBytes('a.html', Uint8Array.from([0x3c, 0x00, 0x3e]))).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('uses the file name as the title when the content has none', () => {
    expect(importBytes('dir/My notes.md', utf8('Just a paragraph.'))).toMatchObject({ ok: true, doc: { title: 'My notes' } });
  });

  it('cuts a title to 500 characters', () => {
    const result = importBytes('a.txt', utf8(`${'t'.repeat(2000)}\n\nBody.`));
    expect(result.ok && result.doc.title.length).toBe(500);
  });

  it('guesses language and direction from the script when the file does not say', () => {
    expect(importBytes('a.txt', utf8('שלום\n\nזה מאמר בעברית.'))).toMatchObject({ ok: true, doc: { language: 'he', dir: 'rtl' } });
    expect(importBytes('a.md', utf8('---\nlanguage: fa\n---\nمتن'))).toMatchObject({ ok: true, doc: { language: 'fa', dir: 'rtl' } });
    expect(importBytes('a.html', utf8('<html lang="en" dir="ltr"><body><p>عربي عربي عربي</p></body></html>'))).toMatchObject({
      ok: true,
      doc: { language: 'en', dir: 'ltr' },
    });
  });
});

describe('guessScript', () => {
  it.each([
    ['吾輩は猫である', 'ja', 'ltr'],
    ['中华人民共和国', 'zh', 'ltr'],
    ['대한민국', 'ko', 'ltr'],
    ['ภาษาไทย', 'th', 'ltr'],
    ['مرحبا بالعالم', 'ar', 'rtl'],
    ['שלום עולם', 'he', 'rtl'],
    ['Hello world', null, null],
    ['Hello عربي world and more English words here', null, null],
  ])('reads %j as %s, %s', (text, language, dir) => {
    expect(guessScript(text)).toEqual({ language, dir });
  });
});

describe('importBytes under fuzzing', () => {
  const seeds = loadSeeds();

  it('has real articles and hostile fixtures to mutate', () => {
    expect(seeds.length).toBeGreaterThan(100);
  });

  it('never throws and returns a sound document or an error value for random, soup and mutated input (seeded)', () => {
    fc.assert(
      fc.property(importInput(seeds), ({ path, bytes }) => {
        checkImport(path, bytes);
      }),
      { seed: 20240603, numRuns: 1500 },
    );
    recordHardening({ fuzzInputs: 1500 });
  });
});
