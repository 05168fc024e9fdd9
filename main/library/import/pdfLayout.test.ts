import { describe, expect, it } from 'vitest';
import { gutterOf, hyphenatedWords, joinLines, paragraphsOf, piecesOf, runsOf, type Piece } from './pdfLayout.ts';
import { pdfDate } from './pdf.ts';
import { withoutRunning } from './pdfRunning.ts';

const line = (text: string, x: number, y: number, width = text.length * 5, size = 10, page = 1): Piece => ({
  text,
  x0: x,
  x1: x + width,
  y,
  size,
  page,
});

describe('lines', () => {
  it('puts runs on one baseline into one line, a space where they stand apart, and cuts it at a gutter', () => {
    const items = [
      { text: 'Hello', x: 72, y: 700, width: 25, size: 10 },
      { text: 'world.', x: 100, y: 700.4, width: 30, size: 10 },
      { text: 'Right', x: 320, y: 700, width: 25, size: 10 },
      { text: 'Next', x: 72, y: 688, width: 20, size: 10 },
    ];
    expect(piecesOf(items, 1).map((p) => p.text)).toEqual(['Hello world.', 'Right', 'Next']);
  });
});

describe('hyphenation at line ends', () => {
  it('joins a word broken after a letter when the next line goes on in lowercase', () => {
    expect(joinLines(['a simple list hier-', 'archy can'])).toBe('a simple list hierarchy can');
    expect(joinLines(['articles of TUG-', 'boat'])).toBe('articles of TUGboat');
  });

  it('keeps the hyphen before a capital or a digit, joined, and a dash between words', () => {
    expect(joinLines(['the Anglo-', 'Saxon'])).toBe('the Anglo-Saxon');
    expect(joinLines(['pages 10-', '12'])).toBe('pages 10-12');
    expect(joinLines(['one –', 'two'])).toBe('one – two');
  });

  it('keeps the hyphen of a compound the document writes with one elsewhere', () => {
    const compounds = hyphenatedWords(['after a first-level head', 'a simple list hier-', 'archy can']);
    expect([...compounds]).toEqual(['first-level']);
    expect(joinLines(['the indent after a first-', 'level head'], compounds)).toBe('the indent after a first-level head');
    expect(joinLines(['a simple list hier-', 'archy can'], compounds)).toBe('a simple list hierarchy can');
  });
});

describe('columns', () => {
  // A page of two columns of ten lines each, and a title across both.
  const page = [
    line('A title across both columns of the page', 150, 740, 300, 14),
    ...Array.from({ length: 10 }, (_, i) => line(`left ${i} words words words words words`, 72, 700 - 12 * i, 220)),
    ...Array.from({ length: 10 }, (_, i) => line(`right ${i} words words words words words`, 320, 700 - 12 * i, 220)),
  ];

  it('finds the gutter between them', () => {
    const gutter = gutterOf(page, 612);
    expect(gutter).toBeGreaterThan(292);
    expect(gutter).toBeLessThan(320);
  });

  it('reads the title, then the left column, then the right', () => {
    const order = runsOf(page, 612, 792).flatMap((r) => r.pieces.map((p) => p.text.split(' ').slice(0, 2).join(' ')));
    expect(order.slice(0, 3)).toEqual(['A title', 'left 0', 'left 1']);
    expect(order.indexOf('right 0')).toBe(order.indexOf('left 9') + 1);
  });

  it('finds no gutter in one column of ragged lines', () => {
    const one = Array.from({ length: 20 }, (_, i) => line(`line ${i} of one wide column of text`, 72, 700 - 12 * i, 300 + (i % 4) * 40));
    expect(gutterOf(one, 612)).toBeNull();
  });

  it('goes on with a paragraph from the foot of the left column to the head of the right', () => {
    const runs = runsOf(
      [
        ...Array.from({ length: 8 }, (_, i) =>
          line(i === 7 ? 'ends the column with' : `full line ${i} of the left column`, 72, 700 - 12 * i, 220),
        ),
        ...Array.from({ length: 8 }, (_, i) =>
          line(i === 0 ? 'its sentence on the right.' : `full line ${i} of the right column`, 320, 700 - 12 * i, 220),
        ),
      ],
      612,
      792,
    );
    const texts = paragraphsOf(runs, 10).map((p) => joinLines(p.pieces.map((x) => x.text)));
    expect(texts.filter((t) => t.includes('ends the column with its sentence on the right.'))).toHaveLength(1);
  });
});

describe('running headers and page numbers', () => {
  const pages = Array.from({ length: 6 }, (_, i) => ({
    height: 792,
    pieces: [
      // Facing pages: the number swaps sides.
      line(i % 2 === 0 ? `Journal of Tests, May 2024 ${i + 1}` : `${i + 1} Journal of Tests, May 2024`, 72, 760, 300, 10, i + 1),
      line(`Body text of page ${i + 1}.`, 72, 500, 200, 10, i + 1),
      line(String(i + 1), 300, 40, 5, 10, i + 1),
    ],
  }));

  it('keeps the header once, without its page number, and drops the page numbers', () => {
    const kept = withoutRunning(pages)
      .flat()
      .map((p) => p.text);
    expect(kept.filter((t) => t.includes('Journal of Tests'))).toEqual(['Journal of Tests, May 2024']);
    expect(kept.filter((t) => /^\d+$/u.test(t))).toEqual([]);
    expect(kept.filter((t) => t.startsWith('Body text'))).toHaveLength(6);
  });

  it('leaves a short document alone', () => {
    expect(withoutRunning(pages.slice(0, 2)).flat()).toHaveLength(6);
  });
});

describe('dates', () => {
  it('reads a PDF date and an XMP one as the day they name', () => {
    expect(pdfDate("D:20220519155133-07'00'")).toBe('2022-05-19');
    expect(pdfDate("D:20130322113016+11'00'")).toBe('2013-03-22');
    expect(pdfDate('2013-03-22T11:30:16+11:00')).toBe('2013-03-22');
    expect(pdfDate('D:199912')).toBe('1999-12-01');
    expect(pdfDate('D:20221340')).toBeNull();
    expect(pdfDate('yesterday')).toBeNull();
  });
});
