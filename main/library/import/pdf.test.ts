import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../../common/blocks.ts';
import { getArticle } from '../article.ts';
import { searchArticles } from '../search.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { makePdf, stream } from './pdfTestFile.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/pdf/', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(`${fixtures}${name}`);

function imported(name: string) {
  const result = importBytes(name, fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.reason}`);
  return result.doc;
}

const texts = (blocks: Block[]): string[] => blocks.map(blockText);
const count = (blocks: Block[], text: string): number => texts(blocks).filter((t) => t.includes(text)).length;

describe('a two-column paper with a running header (the TUGboat Authors’ Guide)', () => {
  const doc = imported('tubguide.pdf');

  it('has no title in its metadata nor a larger one on its first page: the file name, and the date from its info', () => {
    expect(doc).toMatchObject({ title: 'tubguide', author: null, date: '2022-05-19', format: 'pdf' });
  });

  it('reads the left column, then the right one: a sentence that crosses the break is one paragraph', () => {
    // "…the markup of their information if we" ends the left column of page 1; footnotes stand below it.
    const paragraph = texts(doc.blocks).find((t) => t.includes('information if we only provide a bag of widgets'));
    expect(paragraph).toMatch(
      /It seems unfair to expect much thought from authors concerning the markup of their information if we only provide/u,
    );
  });

  it('joins words the typesetter hyphenated at a line end', () => {
    expect(count(doc.blocks, 'a simple list hierarchy can transform')).toBe(1);
    expect(count(doc.blocks, 'hier- archy')).toBe(0);
    // A hyphen after a capital, then lowercase: the journal's name, broken across two lines.
    expect(count(doc.blocks, 'TUG- boat')).toBe(0);
  });

  it('keeps the running header once, and drops the page numbers', () => {
    expect(count(doc.blocks, 'TUGboat Authors’ Guide, March 2022')).toBe(1);
    expect(texts(doc.blocks).filter((t) => /^\d+$/u.test(t)).length).toBeLessThan(4);
  });

  it('marks every block with the page it starts on, in order, from 1 to the last', () => {
    const pages = doc.blocks.map((b) => b.page ?? 0);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(8);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
  });
});

describe('a one-column specification whose info dictionary has an empty title', () => {
  const doc = imported('shared-mime-info-spec.pdf');

  it('takes the first page’s largest text as its title', () => {
    expect(doc).toMatchObject({ title: 'Shared MIME-info Database', author: null, date: '2022-04-29' });
  });

  it('does not repeat the running header (the title again) on every page', () => {
    expect(texts(doc.blocks).filter((t) => t === 'Shared MIME-info Database').length).toBe(1);
  });

  it('keeps a list item’s hanging lines with it', () => {
    expect(count(doc.blocks, 'generic icon for this particular mime-type, given by the name attribute.')).toBe(1);
  });
});

describe('a thesis with title, author and date in its info dictionary', () => {
  const doc = imported('unsw-thesis.pdf');

  it('takes them from there', () => {
    expect(doc).toMatchObject({
      title: 'Contributions to Mechanisms for Adaptive Use of Mobile Network Resources',
      author: 'Olivier Mehani',
      date: '2013-03-22',
    });
  });

  it('keeps a heading to its page: one per page, not run on into the next', () => {
    expect(texts(doc.blocks)).toContain('Acknowledgements');
    expect(texts(doc.blocks)).toContain('Bibliography');
  });
});

describe('metadata in XMP only', () => {
  it('takes title, authors and date from the XMP packet when the info dictionary has none', () => {
    const xmp = `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Tides of the Northern Sea</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Ada Lovelace</rdf:li><rdf:li>Mary Somerville</rdf:li></rdf:Seq></dc:creator>
<xmp:CreateDate>2019-06-30T10:00:00+02:00</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    const pdf = makePdf([
      '<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream('', 'BT /F1 12 Tf 72 700 Td (Body text.) Tj ET'),
      stream('/Type /Metadata /Subtype /XML', xmp),
    ]);
    const result = importBytes('untitled.pdf', pdf);
    expect(result.ok && result.doc).toMatchObject({
      title: 'Tides of the Northern Sea',
      author: 'Ada Lovelace; Mary Somerville',
      date: '2019-06-30',
    });
  });
});

describe('text in a font without its own character map', () => {
  it('is read through the predefined CMap it names, from pdf.js’s own folder', () => {
    // A Japanese font the file does not embed, with no ToUnicode: only UniJIS-UCS2-H says what the codes are.
    const pdf = makePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
      stream('', 'BT /F1 24 Tf 72 700 Td <65E5672C8A9E> Tj ET'),
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    ]);
    const result = importBytes('nihongo.pdf', pdf);
    expect(result.ok && texts(result.doc.blocks)).toEqual(['日本語']);
  });
});

describe('PDFs in a folder, through the real index', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    for (const name of ['tubguide.pdf', 'shared-mime-info-spec.pdf', 'unsw-thesis.pdf']) lib.write(`papers/${name}`, fixture(name));
    lib.write('notes/lists.md', '# Lists\n\nA simple list of things to read, with no hierarchy at all.');
    syncFolders(lib.db, [{ key: 'extra', root: `${lib.dir}/articles` }]);
  });
  afterAll(() => lib.cleanup());

  const cases = [
    { q: '"a simple list hierarchy can transform a one-dimensional typesetting"', title: 'tubguide', page: 3 },
    { q: '"information if we only provide a bag of widgets"', title: 'tubguide', page: 1 },
    { q: '"creating both the current magic file and a newer magic2"', title: 'Shared MIME-info Database', page: 9 },
    { q: '"latest revision is available at"', title: 'Contributions to Mechanisms for Adaptive Use of Mobile Network Resources', page: 6 },
  ];

  it.each(cases)('finds $q first, on page $page', ({ q, title, page }) => {
    const { results } = searchArticles(lib.db, q);
    expect(results[0]).toMatchObject({ title, page });
    expect(results[0]!.snippet.some((s) => s.hit)).toBe(true);
  });

  it('opens the article at the hit, in a block on that page', () => {
    const hit = searchArticles(lib.db, cases[0]!.q).results[0]!;
    const article = getArticle(lib.db, hit.id, cases[0]!.q)!;
    const best = article.hits[article.bestHit]!;
    expect(article.blocks[best.block - article.firstBlock]?.page).toBe(3);
  });

  it('gives a non-paged article no page', () => {
    const { results } = searchArticles(lib.db, '"no hierarchy at all"');
    expect(results[0]?.title).toBe('Lists');
    expect(results[0]).not.toHaveProperty('page');
  });
});
