import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockHref, blockText, inlineText, type Block, type Inline } from '../../../common/blocks.ts';
import { getArticle } from '../article.ts';
import { searchArticles } from '../search.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { packageDocument, simpleBook } from './epubTestBook.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/epub/', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(`${fixtures}${name}`);

function imported(name: string, bytes: Uint8Array) {
  const result = importBytes(name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.reason}`);
  return result.doc;
}

const headings = (blocks: Block[]): string[] => blocks.filter((b) => b.type === 'heading').map((b) => blockText(b).trim());
const indexOfText = (blocks: Block[], text: string): number => blocks.findIndex((b) => blockText(b).includes(text));

describe('an EPUB 3 book with a navigation document (The Waste Land, IDPF sample)', () => {
  const doc = imported('wasteland.epub', fixture('wasteland.epub'));

  it('takes title, author, date and language from the package document', () => {
    expect(doc).toMatchObject({ title: 'The Waste Land', author: 'T.S. Eliot', date: '2011-09-01', language: 'en-US', format: 'epub' });
  });

  it('keeps the identifier the package names as unique, as its source', () => {
    expect(doc.source).toBe('code.google.com.epub-samples.wasteland-basic');
  });

  it('keeps the chapters the navigation document lists as headings, once each, in reading order', () => {
    const list = headings(doc.blocks);
    const burial = list.indexOf('I. THE BURIAL OF THE DEAD');
    const chess = list.indexOf('II. A GAME OF CHESS');
    expect(burial).toBeGreaterThanOrEqual(0);
    expect(chess).toBeGreaterThan(burial);
    // The book has its own headings there; the contents must not say each chapter twice in a row.
    expect(list[burial + 1]).not.toBe('I. THE BURIAL OF THE DEAD');
  });

  it('reads the poem, not the styles or the cover', () => {
    expect(indexOfText(doc.blocks, 'April is the cruellest month')).toBeGreaterThan(0);
    expect(doc.blocks.some((b) => b.type === 'figure')).toBe(false);
    expect(doc.blocks.map(blockText).join('\n')).not.toMatch(/stylesheet|wasteland\.css|\{/u);
  });
});

describe('an EPUB 2 book with an NCX (the Live Systems Manual, Debian)', () => {
  const doc = imported('live-manual.en.epub', fixture('live-manual.en.epub'));

  it('takes title, author, date and language from the package document', () => {
    expect(doc).toMatchObject({
      title: 'Live Systems Manual',
      author: 'Live Systems Project <debian-live@lists.debian.org>',
      date: '2015-09-22',
      language: 'en',
    });
  });

  it('reads the spine in order, each document once', () => {
    const order = ['About this manual', 'About the Live Systems Project', 'Installation', 'Customizing package installation'].map((t) =>
      headings(doc.blocks).findIndex((h) => h.includes(t)),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The spine lists each chapter once per section fragment; the text must not repeat.
    const phrase = 'This chapter discusses fine-tuning customization of the live system contents';
    expect(doc.blocks.filter((b) => blockText(b).includes(phrase)).length).toBe(1);
  });
});

describe('chapter headings from the table of contents', () => {
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>
<nav epub:type="toc"><ol>
  <li><a href="text/ch0.xhtml">Morning</a><ol><li><a href="text/ch0.xhtml#noon">Noon</a></li></ol></li>
  <li><a href="text/ch1.xhtml">Evening</a></li>
</ol></nav>
<nav epub:type="landmarks"><ol><li><a href="text/ch1.xhtml">Landmark, not a chapter</a></li></ol></nav></body></html>`;
  const book = simpleBook(
    `<dc:identifier id="uid">urn:isbn:9780000000000</dc:identifier>
     <dc:title id="t">A Day</dc:title><dc:title id="s">In Three Parts</dc:title>
     <meta refines="#t" property="title-type">main</meta><meta refines="#s" property="title-type">subtitle</meta>
     <dc:creator id="a">Ada Writer</dc:creator><meta refines="#a" property="role" scheme="marc:relators">aut</meta>
     <dc:creator id="e">Ed Itor</dc:creator><meta refines="#e" property="role" scheme="marc:relators">edt</meta>
     <dc:date>2003-05-17</dc:date><dc:language>fr</dc:language>`,
    [
      '<p>The sun came up over the hill.</p><p><a id="noon"/>At noon the shadows were short.</p>',
      '<section><h1>Evening</h1><p>Night fell.</p></section>',
    ],
    { 'OEBPS/nav.xhtml': nav },
  );
  const doc = imported('day.epub', book);

  it('joins title and subtitle, and names the authors but not the editor', () => {
    expect(doc).toMatchObject({ title: 'A Day: In Three Parts', author: 'Ada Writer', date: '2003-05-17', language: 'fr' });
  });

  it('keeps the ISBN as a urn:isbn source', () => {
    expect(doc.source).toBe('urn:isbn:9780000000000');
  });

  it('puts a heading where each entry points, nested entries a level lower, and none where the chapter has it', () => {
    const list = doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.type === 'heading' && b.level, blockText(b)]);
    expect(list).toEqual([
      [1, 'Morning'],
      [2, 'Noon'],
      [1, 'Evening'],
    ]);
    expect(indexOfText(doc.blocks, 'Noon')).toBe(indexOfText(doc.blocks, 'At noon') - 1);
  });
});

describe('links between chapters', () => {
  const doc = imported(
    'linked.epub',
    simpleBook('<dc:title>Linked</dc:title>', [
      `<h1>Start</h1><p>See <a href="ch1.xhtml#sec3">the third section</a>, <a href="ch1.xhtml">chapter two</a>,
       a note<a href="ch2.xhtml#n1">1</a>, <a href="#here">here</a>, <a href="ch1.xhtml#gone">a lost anchor</a>,
       <a href="../images/x.png">a picture</a>, <a href="missing.xhtml">a lost page</a> and <a href="https://example.org/">the web</a>.</p>
       <p>Filler.</p><p id="here">Here it is.</p>`,
      '<h1>Two</h1><p>Intro.</p><section id="sec3"><h2>Third section</h2><p>Body of three.</p></section>',
      '<p>Notes follow.</p><aside epub:type="footnote" id="n1"><p>The note itself.</p></aside>',
    ]),
  );
  const links = new Map<string, string>();
  const collect = (runs: readonly Inline[]): void => {
    for (const r of runs) {
      if (r.type === 'link') links.set(inlineText(r.children), r.href);
      if ('children' in r) collect(r.children);
    }
  };
  for (const b of doc.blocks) if ('children' in b) collect(b.children);

  it('point at the block their target begins in, in the one article', () => {
    expect(links.get('the third section')).toBe(blockHref(indexOfText(doc.blocks, 'Third section')));
    expect(links.get('chapter two')).toBe(blockHref(indexOfText(doc.blocks, 'Two')));
    expect(links.get('here')).toBe(blockHref(indexOfText(doc.blocks, 'Here it is.')));
  });

  it('reach a note kept from an aside', () => {
    expect(links.get('1')).toBe(blockHref(indexOfText(doc.blocks, 'The note itself.')));
  });

  it('go to the start of their chapter when the anchor is not there, and are text when the target is not a chapter', () => {
    expect(links.get('a lost anchor')).toBe(blockHref(indexOfText(doc.blocks, 'Two')));
    expect(links.has('a picture')).toBe(false);
    expect(links.has('a lost page')).toBe(false);
    expect(blockText(doc.blocks[0]!) + blockText(doc.blocks[1]!)).toContain('a picture, a lost page and the web.');
    expect(links.get('the web')).toBe('https://example.org/');
  });
});

describe('a link to a chapter whose contents entry names its heading', () => {
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc"><ol><li><a href="text/ch0.xhtml">First part</a></li><li><a href="text/ch1.xhtml">Second part</a></li></ol></nav></body></html>`;
  const doc = imported(
    'headed.epub',
    simpleBook(
      '<dc:title>Headed</dc:title>',
      [
        '<h1>First part</h1><p>On to <a href="ch1.xhtml">the second part</a>.</p>',
        '<div class="page"><div class="nav"><span>Previous</span> | <span>Next</span></div><h1>Second part</h1><p>Text.</p></div>',
      ],
      { 'OEBPS/nav.xhtml': nav },
    ),
  );

  it('goes to that heading, past what the document has before it', () => {
    const link = doc.blocks.flatMap((b) => ('children' in b ? b.children : [])).find((r) => r.type === 'link');
    expect(link).toMatchObject({ href: blockHref(indexOfText(doc.blocks, 'Second part')) });
    expect(indexOfText(doc.blocks, 'Previous')).toBeLessThan(indexOfText(doc.blocks, 'Second part'));
  });
});

describe('spine documents marked linear="no"', () => {
  const chapters = [
    '<h1>Answers</h1><p>The answer to the first question is seven.</p>',
    '<h1>One</h1><p>First question.</p>',
    '<h1>Two</h1><p>Second question.</p>',
  ];
  const opf = packageDocument('<dc:title>Quiz</dc:title>', chapters).replace('<itemref idref="c0"/>', '<itemref idref="c0" linear="no"/>');
  const doc = imported('quiz.epub', simpleBook('<dc:title>Quiz</dc:title>', chapters, { 'OEBPS/book.opf': opf }));

  it('are kept, after the chapters of the reading order', () => {
    expect(headings(doc.blocks)).toEqual(['One', 'Two', 'Answers']);
    expect(indexOfText(doc.blocks, 'is seven')).toBeGreaterThan(indexOfText(doc.blocks, 'Second question.'));
  });
});

describe('what a chapter may not bring in', () => {
  const doc = imported(
    'hostile.epub',
    simpleBook('<dc:title>Inert</dc:title>', [
      `<p>Before.</p><script>document.title = 'ran'</script><style>p { color: red }</style>
       <link rel="stylesheet" href="http://example.com/x.css"/><iframe src="http://example.com/"></iframe>
       <p><img src="http://example.com/pixel.png" alt="A remote pixel"/><img src="../images/local.png" alt=""/>After.</p>`,
    ]),
  );

  it('keeps the text and drops scripts, styles, frames and images (remote or inside the book)', () => {
    const text = doc.blocks.map(blockText).join('\n');
    expect(text).toContain('Before.');
    expect(text).toContain('After.');
    expect(text).not.toMatch(/document\.title|color: red|example\.com/u);
    expect(doc.blocks.some((b) => b.type === 'figure')).toBe(false);
  });

  it('reads an XHTML self-closing title as an empty element, not as the start of a title that swallows the body', () => {
    const book = simpleBook('<dc:title>Short</dc:title>', []);
    expect(book.length).toBeGreaterThan(0);
    const withTitle = imported(
      'title.epub',
      simpleBook('<dc:title>Short</dc:title>', ['<p>Visible text.</p>'], {
        'OEBPS/text/ch0.xhtml':
          '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body><p>Visible text.</p></body></html>',
      }),
    );
    expect(withTitle.blocks.map(blockText)).toEqual(['Visible text.']);
  });
});

describe('a chapter of runaway tags', () => {
  // Tags that never close, each running on into the next: the self-closing pass once went quadratic on them (200 kB: 15 s).
  it('imports in time', { timeout: 5000 }, () => {
    const runaway = '<a b="x" c'.repeat(20_000);
    const doc = imported('runaway.epub', simpleBook('<dc:title>Runaway</dc:title>', [`<p>Start.</p>${runaway}`]));
    expect(doc.blocks.map(blockText)[0]).toBe('Start.');
  });
});

describe('a table of contents with an entry for every paragraph', () => {
  it('imports in time, each entry found in one walk over the chapter', { timeout: 15_000 }, () => {
    const count = 20_000;
    const paragraphs = Array.from({ length: count }, (_, i) => `<p id="p${i}">Paragraph ${i}.</p>`).join('');
    const items = Array.from({ length: count }, (_, i) => `<li><a href="text/ch0.xhtml#p${i}">Entry ${i}</a></li>`).join('');
    const nav = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${items}</ol></nav></body></html>`;
    const doc = imported('dense.epub', simpleBook('<dc:title>Dense</dc:title>', [paragraphs], { 'OEBPS/nav.xhtml': nav }));
    const list = headings(doc.blocks);
    expect(list.length).toBe(count);
    expect(list[count - 1]).toBe(`Entry ${count - 1}`);
    expect(indexOfText(doc.blocks, `Paragraph ${count - 1}.`)).toBe(indexOfText(doc.blocks, `Entry ${count - 1}`) + 1);
  });
});

describe('a book in a folder', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    lib.write('books/wasteland.epub', fixture('wasteland.epub'));
    lib.write('books/live-manual.en.epub', fixture('live-manual.en.epub'));
    lib.write('notes/bridge.md', '# London Bridge\n\nA crowd flowed over the old London Bridge, so many had come.');
    syncFolders(lib.db, [{ key: 'extra', root: `${lib.dir}/articles` }]);
  });
  afterAll(() => lib.cleanup());

  it('is one article, found first by a phrase from the middle of the book', () => {
    const poem = searchArticles(lib.db, '"A crowd flowed over London Bridge, so many"');
    expect(poem.results.map((r) => r.title)).toEqual(['The Waste Land']);
    const manual = searchArticles(lib.db, '"chroot local includes can be used to add or replace files"');
    expect(manual.results[0]?.title).toBe('Live Systems Manual');
  });

  it('carries the book identifier into the article', () => {
    const [hit] = searchArticles(lib.db, '"A crowd flowed over London Bridge, so many"').results;
    expect(getArticle(lib.db, hit!.id)?.source).toBe('code.google.com.epub-samples.wasteland-basic');
  });
});
