import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../../common/blocks.ts';
import { getArticle } from '../article.ts';
import { openAsset } from '../assets.ts';
import { searchArticles } from '../search.ts';
import { documentId, syncFolders } from '../sync.ts';
import { assetBytes, tempLibrary, type TempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/saved-pages/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(`${fixtures}${name}`);

function imported(name: string, bytes: Uint8Array = fixture(name)) {
  const result = importBytes(name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.reason}`);
  return result.doc;
}

const text = (blocks: Block[]): string => blocks.map(blockText).join('\n');
const figures = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'figure' ? [b] : []));

describe('a Wikipedia article saved by Chrome', () => {
  const doc = imported('chrome-wikipedia-nodejs.mhtml');

  it('takes the title from the page, the date from the Date header and the source from Snapshot-Content-Location', () => {
    expect(doc).toMatchObject({
      title: 'Node.js - Wikipedia',
      author: null,
      date: '2018-12-17',
      source: 'https://en.wikipedia.org/wiki/Node.js',
      language: 'en',
      format: 'mhtml',
    });
  });

  it('reads the article (quoted-printable decoded) and leaves the styles out', () => {
    expect(text(doc.blocks)).toContain('Node.js was originally written by Ryan Dahl in 2009');
    expect(text(doc.blocks)).not.toMatch(/=3D|=\n|mw-parser-output\s*\{/u);
  });

  it('points the pictures stored in the file at their parts, and leaves those not saved remote', () => {
    const srcs = figures(doc.blocks).map((f) => f.src);
    expect(srcs).toContain('mhtml-part/1.png');
    expect(srcs).toContain('mhtml-part/2.jpg');
    expect(srcs.filter((s) => !s.startsWith('mhtml-part/')).every((s) => s.startsWith('https://upload.wikimedia.org/'))).toBe(true);
  });
});

describe('a page saved by Chrome with no picture (example.com)', () => {
  it('takes title, date and source, and the text', () => {
    const doc = imported('chrome-example-domain.mhtml');
    expect(doc).toMatchObject({ title: 'Example Domain', author: null, date: '2018-12-17', source: 'http://example.com/' });
    expect(text(doc.blocks)).toContain('This domain is established to be used for illustrative examples');
  });
});

describe('a page saved by a Firefox add-on (Mozilla Archive Format)', () => {
  const doc = imported('firefox-maf-test-doc.mht');

  it('reads past the preamble, CRLF line ends and a windows-1252 part', () => {
    expect(doc).toMatchObject({ title: 'Test Doc', author: null, date: '2017-05-06', source: 'http://localhost:3000/' });
  });

  it('finds its picture by Content-Location', () => {
    expect(figures(doc.blocks).map((f) => f.src)).toEqual(['mhtml-part/1.png']);
  });
});

describe('a page saved by Internet Explorer 7 (multipart/related, quoted-printable)', () => {
  const doc = imported('ie7-epa-air-permit-programs.mht');

  it('takes title, date and source from the page and the headers', () => {
    expect(doc).toMatchObject({
      // Readability drops the site's name after the last separator.
      title: 'Air Permit Programs | Air & Radiation',
      author: null,
      date: '2008-02-15',
      source: 'http://www.epa.gov/air/oaqps/permjmp.html',
    });
  });

  it('decodes quoted-printable soft breaks and =20 spaces in an iso-8859-1 part', () => {
    expect(text(doc.blocks)).toContain('industrial operations emit nearly 100 million tons of pollutants into the air');
  });
});

describe('saved pages in a folder', () => {
  let lib: TempLibrary;
  const folder = 'saved';
  beforeAll(() => {
    lib = tempLibrary();
    for (const name of [
      'chrome-wikipedia-nodejs.mhtml',
      'chrome-example-domain.mhtml',
      'firefox-maf-test-doc.mht',
      'ie7-epa-air-permit-programs.mht',
    ])
      lib.write(name, fixture(name));
    lib.write('notes/dahl.md', '# Ryan Dahl\n\nRyan Dahl wrote a runtime; this note mentions him but not the phrase.');
    syncFolders(lib.db, [{ key: folder, root: `${lib.dir}/articles` }]);
  });
  afterAll(() => lib.cleanup());

  it('finds each page first by a phrase from the middle of its body', () => {
    expect(searchArticles(lib.db, '"Node.js was originally written by Ryan Dahl in 2009"').results.map((r) => r.title)).toEqual([
      'Node.js - Wikipedia',
    ]);
    expect(searchArticles(lib.db, '"emit nearly 100 million tons of pollutants"').results[0]?.title).toBe(
      'Air Permit Programs | Air & Radiation',
    );
    expect(searchArticles(lib.db, '"without prior coordination or asking for permission"').results[0]?.title).toBe('Example Domain');
  });

  it('opens the hit in the page', () => {
    const id = documentId(folder, 'chrome-wikipedia-nodejs.mhtml');
    const article = getArticle(lib.db, id, '"originally written by Ryan Dahl"');
    const hit = article?.hits[0];
    expect(hit).toBeDefined();
    expect(blockText(article!.blocks[hit!.block]!)).toContain('Node.js was originally written by Ryan Dahl in 2009');
  });

  it('serves the pictures from inside the file through openAsset, with their types', () => {
    const id = documentId(folder, 'chrome-wikipedia-nodejs.mhtml');
    const jpeg = openAsset(lib.db, id, 'mhtml-part/2.jpg');
    expect(jpeg?.type).toBe('image/jpeg');
    expect([...assetBytes(jpeg)!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const png = assetBytes(openAsset(lib.db, id, 'mhtml-part/1.png'));
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
    const maf = assetBytes(openAsset(lib.db, documentId(folder, 'firefox-maf-test-doc.mht'), 'mhtml-part/1.png'));
    expect(maf?.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('serves nothing for a key whose type is not its part’s, or that names no part', () => {
    const id = documentId(folder, 'chrome-wikipedia-nodejs.mhtml');
    expect(openAsset(lib.db, id, 'mhtml-part/2.png')).toBeNull();
    expect(openAsset(lib.db, id, 'mhtml-part/0.png')).toBeNull();
    expect(openAsset(lib.db, id, 'mhtml-part/99.jpg')).toBeNull();
  });
});
