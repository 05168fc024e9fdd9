import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHardening } from '../../../test/hardening/summary.ts';
import { getArticle } from '../article.ts';
import { openAsset } from '../assets.ts';
import { documentId, syncFolders } from '../sync.ts';
import { assetBytes, tempLibrary, type TempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { MAX_PARTS } from './mime.ts';
import { mhtmlFile, PIXEL_PNG, type TestPart } from './mhtmlTestFile.ts';

const wikipedia = readFileSync(fileURLToPath(new URL('../../../test/fixtures/saved-pages/chrome-wikipedia-nodejs.mhtml', import.meta.url)));

let tried = 0;
let refused = 0;
let escapesTried = 0;
let escaped = 0;
afterAll(() => recordHardening({ bombsTried: tried, bombsRefused: refused, hostileTried: escapesTried, hostileExecuted: escaped }));

/** Imports a hostile MHTML file and returns its refusal; counts it for the hardening summary. */
function refusal(bytes: Uint8Array | string): { code: string; reason: string } {
  tried++;
  const result = importBytes('hostile.mhtml', typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  if (result.ok) return { code: 'imported', reason: result.doc.title };
  refused++;
  return result.error;
}

const page = (body: string): TestPart => ({
  type: 'text/html',
  body: `<html><head><title>T</title></head><body>${body}</body></html>`,
  location: 'https://example.org/',
});

describe('damaged MHTML files', () => {
  it('refuses a file cut short, in the middle of a part or just before its closing boundary', () => {
    expect(refusal(wikipedia.subarray(0, Math.floor(wikipedia.length / 2)))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/ends before its closing boundary.*cut short/u),
    });
    expect(refusal(wikipedia.subarray(0, wikipedia.length - 12))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/cut short/u),
    });
  });

  it('refuses a multipart that names no boundary, and one whose boundary never comes', () => {
    const noBoundary = mhtmlFile([page('<p>x</p>')], { 'Content-Type': 'multipart/related; type="text/html"' });
    expect(refusal(noBoundary)).toMatchObject({ code: 'parse', reason: expect.stringMatching(/names no boundary/u) });
    const wrongBoundary = mhtmlFile([page('<p>x</p>')], { 'Content-Type': 'multipart/related; boundary="elsewhere"' });
    expect(refusal(wrongBoundary)).toMatchObject({ code: 'parse', reason: expect.stringMatching(/never uses its boundary "elsewhere"/u) });
  });

  it('refuses a file with no MIME headers, and one with no HTML part', () => {
    expect(refusal('<html><body>just a page named .mhtml</body></html>')).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/no MIME headers/u),
    });
    expect(refusal(mhtmlFile([{ type: 'image/png', body: PIXEL_PNG, encoding: 'base64' }]))).toMatchObject({
      code: 'parse',
      reason: expect.stringMatching(/holds no HTML page among its 1 parts/u),
    });
  });
});

describe('MHTML bombs', () => {
  it('refuses a file of more parts than a page has, in linear time', { timeout: 5000 }, () => {
    const many = Array.from({ length: MAX_PARTS + 1 }, (_, i): TestPart => ({ type: 'text/css', body: `p${i}{}` }));
    const started = performance.now();
    expect(refusal(mhtmlFile([page('<p>x</p>'), ...many]))).toMatchObject({
      code: 'too-large',
      reason: expect.stringMatching(/more than 5,000 parts/u),
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a page part that decodes past the cap, before decoding it', () => {
    const huge: TestPart = { type: 'text/html', body: Buffer.alloc(21 * 1024 * 1024, 0x61), encoding: 'base64' };
    expect(refusal(mhtmlFile([huge]))).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/over 20 MB/u) });
  });

  it('refuses multiparts nested deeper than saving programs nest them', () => {
    let body = mhtmlFile([page('<p>deep</p>')], {}, 'b0');
    for (let level = 1; level <= 6; level++) {
      const inner = body.slice(body.indexOf('\r\n\r\n') + 4);
      body = mhtmlFile([], { 'Content-Type': `multipart/related; boundary="b${level}"` }, `b${level}`).replace(
        `--b${level}--`,
        `--b${level}\r\nContent-Type: multipart/alternative; boundary="b${level - 1}"\r\n\r\n${inner}\r\n--b${level}--`,
      );
    }
    expect(refusal(body)).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/nests multiparts more than 4 deep/u) });
  });

  it('reads a page full of the boundary in mid-line (not a delimiter) without slowing down', { timeout: 5000 }, () => {
    const noise = `${'x------MultipartBoundary--test----'.repeat(50_000)}\n`;
    const file = mhtmlFile([page(`<p>${noise}Real text after the noise.</p>`)]);
    const started = performance.now();
    const result = importBytes('noise.mhtml', Buffer.from(file, 'latin1'));
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('what a saved page may point its pictures at', () => {
  let lib: TempLibrary;
  let id: string;
  const PART_BYTES = Buffer.concat([PIXEL_PNG, Buffer.from('part')]);

  beforeAll(() => {
    lib = tempLibrary();
    // Real pictures on the disk, inside the folder and outside it, that a path in the page would name.
    lib.write('secret.png', 'inside the folder, not in the page');
    writeFileSync(join(lib.dir, 'outside.png'), 'outside the folder');
    lib.write(
      'pages/evil.mhtml',
      mhtmlFile([
        {
          type: 'text/html',
          body: `<html><head><title>Evil</title></head><body><p>A page whose pictures try to leave it, long enough to be an article.</p>
            <p><img src="../secret.png" alt="dot-dot in the archive"><img src="../../outside.png" alt="dot-dot not in it">
            <img src="${join(lib.dir, 'outside.png')}" alt="absolute"><img src="cid:missing@mhtml.blink" alt="no such cid">
            <img src="mhtml-part/0.png" alt="a key that names the page"></p></body></html>`,
        },
        { type: 'image/png', body: PART_BYTES, encoding: 'base64', location: '../secret.png' },
      ]),
    );
    syncFolders(lib.db, [{ key: 'f', root: join(lib.dir, 'articles') }]);
    id = documentId('f', 'pages/evil.mhtml');
  });
  afterAll(() => lib.cleanup());

  /** Serves `src` for the page and counts it: reading any file on the disk is an escape. */
  const serve = (src: string): Buffer | null => {
    escapesTried++;
    const bytes = assetBytes(openAsset(lib.db, id, src));
    if (bytes && /folder/u.test(bytes.toString('latin1'))) escaped++;
    return bytes;
  };

  it('serves a part whose Content-Location has `..` from the file, never the disk', () => {
    const srcs = getArticle(lib.db, id)!.blocks.flatMap((b) => (b.type === 'figure' ? [b.src] : []));
    expect(srcs[0]).toBe('mhtml-part/1.png');
    expect(serve(srcs[0]!)).toEqual(PART_BYTES);
  });

  it('serves nothing for a relative or absolute path that no part has, though a file is there', () => {
    expect(serve('../secret.png')).toBeNull();
    expect(serve('../../outside.png')).toBeNull();
    expect(serve(join(lib.dir, 'outside.png'))).toBeNull();
    expect(serve('secret.png')).toBeNull();
  });

  it('imports the page without the picture whose cid is not in the file', () => {
    const article = getArticle(lib.db, id)!;
    const alts = article.blocks.flatMap((b) => (b.type === 'figure' ? [b.alt] : []));
    expect(alts).not.toContain('no such cid');
    expect(serve('mhtml-part/0.png')).toBeNull();
    expect(escaped).toBe(0);
  });
});
