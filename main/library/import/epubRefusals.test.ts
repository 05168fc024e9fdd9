import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { recordHardening } from '../../../test/hardening/summary.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { CONTAINER, chapter, makeEpub, packageDocument, simpleBook } from './epubTestBook.ts';
import { declaresEntities } from './epubXml.ts';
import { MAX_ENTRIES, unzipBook } from './epubZip.ts';

const wasteland = readFileSync(fileURLToPath(new URL('../../../test/fixtures/epub/wasteland.epub', import.meta.url)));

let tried = 0;
let refused = 0;
afterAll(() => recordHardening({ bombsTried: tried, bombsRefused: refused }));

/** Imports a hostile book and returns its refusal; counts it for the hardening summary. */
function refusal(bytes: Uint8Array): { code: string; reason: string } {
  tried++;
  const result = importBytes('hostile.epub', bytes);
  if (result.ok) return { code: 'imported', reason: result.doc.title };
  refused++;
  return result.error;
}

/** The zip's central directory, each entry's declared uncompressed size set to `size`: a header that lies. */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

const plainBook = (chapters = ['<p>Plain text.</p>']): Uint8Array => simpleBook('<dc:title>Plain</dc:title>', chapters);

describe('damaged zips', () => {
  it('refuses a truncated book as not a readable zip', () => {
    expect(refusal(wasteland.subarray(0, wasteland.length - 200))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/truncated or damaged/u),
    });
    expect(refusal(wasteland.subarray(0, Math.floor(wasteland.length / 2)))).toMatchObject({ code: 'parse' });
  });

  it('refuses bytes that are no zip at all', () => {
    expect(refusal(strToU8('<html><body>not a zip</body></html>'))).toMatchObject({ code: 'parse' });
  });

  it('refuses a zip without a container as not an EPUB', () => {
    expect(refusal(zipSync({ 'readme.txt': strToU8('hello') }))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/^Not an EPUB/u),
    });
  });
});

describe('zip bombs', () => {
  it('refuses an entry that unpacks far beyond its packed size', () => {
    const book = makeEpub({
      'META-INF/container.xml': CONTAINER,
      'OEBPS/book.opf': packageDocument('<dc:title>Bomb</dc:title>', ['<p>x</p>']),
      'OEBPS/text/ch0.xhtml': chapter('<p>x</p>'),
      'OEBPS/text/filler.xhtml': new Uint8Array(4 * 1024 * 1024),
    });
    // Four megabytes of zeros pack into a few kilobytes: a ratio of about a thousand.
    expect(book.length).toBeLessThan(64 * 1024);
    expect(refusal(book)).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/times its packed size/u) });
  });

  it('refuses a book whose entries declare more than the cap in all, before unpacking any', () => {
    expect(refusal(declareSizes(plainBook(), 250 * 1024 * 1024))).toMatchObject({
      code: 'too-large',
      reason: expect.stringMatching(/unpacks to more than 200 MB/u),
    });
  });

  it('counts every entry towards the total, however honest each one is', () => {
    const noise = (seed: number): Uint8Array =>
      strToU8(Array.from({ length: 50_000 }, (_, i) => ((i * 7919 + seed) % 9973).toString(36)).join(' '));
    const book = makeEpub({ 'META-INF/container.xml': CONTAINER, a: noise(1), b: noise(2), c: noise(3) });
    const result = unzipBook(book, () => true, { maxUnpackedBytes: 500_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(unzipBook(book, () => true, { maxUnpackedBytes: 2_000_000 }).ok).toBe(true);
  });
});

describe('a book of too many files', () => {
  it('is refused, however small each file is', () => {
    const files: Record<string, string> = { 'META-INF/container.xml': CONTAINER };
    for (let i = 0; i <= MAX_ENTRIES; i++) files[`OEBPS/empty/${i}.xhtml`] = '';
    expect(refusal(makeEpub(files))).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/more than 10000 files/u) });
  });
});

describe('entry names that leave the book', () => {
  it.each(['../evil.xhtml', 'OEBPS/../../evil.xhtml', '/etc/evil.xhtml', 'C:/evil.xhtml', 'OEBPS\\..\\evil.xhtml'])(
    'refuses a book with an entry named %s',
    (name) => {
      const book = makeEpub({
        'META-INF/container.xml': CONTAINER,
        'OEBPS/book.opf': packageDocument('<dc:title>Escape</dc:title>', ['<p>x</p>']),
        'OEBPS/text/ch0.xhtml': chapter('<p>x</p>'),
        [name]: '<p>escaped</p>',
      });
      expect(refusal(book)).toMatchObject({ code: 'unsafe', reason: expect.stringContaining(name) });
    },
  );
});

describe('DRM', () => {
  const encryption = (algorithm: string, uri: string): string => `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/>
  <enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData>
</encryption>`;

  it('refuses a book whose encryption.xml encrypts a content document', () => {
    const book = simpleBook('<dc:title>Locked</dc:title>', ['<p>x</p>'], {
      'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/text/ch0.xhtml'),
    });
    expect(refusal(book)).toMatchObject({ code: 'encrypted', reason: expect.stringMatching(/DRM-protected.*OEBPS\/text\/ch0\.xhtml/u) });
  });

  it('reads a book whose only encryption is font obfuscation', () => {
    for (const algorithm of ['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']) {
      const book = simpleBook('<dc:title>Fonts</dc:title>', ['<p>Readable.</p>'], {
        'META-INF/encryption.xml': encryption(algorithm, 'OEBPS/fonts/serif.otf'),
        'OEBPS/fonts/serif.otf': new Uint8Array([1, 2, 3]),
      });
      expect(importBytes('fonts.epub', book)).toMatchObject({ ok: true, doc: { title: 'Fonts' } });
    }
  });
});

describe('XML entities', () => {
  const laughs = `<!DOCTYPE package [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`;

  it('refuses a package document that declares entities', () => {
    const opf = packageDocument('<dc:title>&lol2;</dc:title>', ['<p>x</p>']).replace('?>', `?>\n${laughs}`);
    const book = makeEpub({ 'META-INF/container.xml': CONTAINER, 'OEBPS/book.opf': opf, 'OEBPS/text/ch0.xhtml': chapter('<p>x</p>') });
    expect(refusal(book)).toMatchObject({ code: 'unsafe', reason: expect.stringMatching(/OEBPS\/book\.opf.*declares XML entities/u) });
  });

  it('refuses a chapter that declares an external entity', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&secret;</p></body></html>`;
    const book = simpleBook('<dc:title>XXE</dc:title>', ['<p>x</p>'], { 'OEBPS/text/ch0.xhtml': xxe });
    expect(refusal(book)).toMatchObject({ code: 'unsafe', reason: expect.stringMatching(/ch0\.xhtml.*declares XML entities/u) });
  });

  it('checks a document of many doctypes in time', { timeout: 5000 }, () => {
    // Each doctype once made the check scan on to the end: 550 kB of them took 15 to 28 s. (Packed in a book, this much
    // repetition is refused as a zip bomb first, so the check is tested on its own.)
    for (const junk of ['<!DOCTYPE ['.repeat(50_000), '<!DOCTYPE x'.repeat(50_000)]) expect(declaresEntities(junk)).toBe(false);
    expect(declaresEntities(`${'<!DOCTYPE x'.repeat(50_000)}<!ENTITY a "b">`)).toBe(true);
  });

  it('reads a chapter with a plain XHTML doctype', () => {
    const xhtml = `<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Doctype&#160;kept.</p></body></html>`;
    const book = simpleBook('<dc:title>Doctype</dc:title>', ['<p>x</p>'], { 'OEBPS/text/ch0.xhtml': xhtml });
    expect(importBytes('doctype.epub', book)).toMatchObject({ ok: true, doc: { blocks: [{ type: 'paragraph' }] } });
  });
});

describe('a refused book in a folder', () => {
  it('is listed among the import problems with its reason', () => {
    const lib = tempLibrary();
    try {
      lib.write('locked.epub', declareSizes(plainBook(), 300 * 1024 * 1024));
      const report = syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
      expect(report.failed).toEqual([{ path: expect.stringMatching(/locked\.epub$/u), reason: expect.stringMatching(/zip bomb/u) }]);
    } finally {
      lib.cleanup();
    }
  });
});
