/**
 * A PDF's text items (pdfText.ts) in reading order: items → lines by baseline and font size, lines cut
 * at wide gaps into pieces, pieces of a page into bands and columns (a band of two columns is read left
 * column first), and the pieces of the whole document into paragraphs, each with the page it starts on.
 */
import type { PdfItem } from './pdfText.ts';

/** A line of a page, or the part of one on one side of a wide gap. */
export interface Piece {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** 1-based. */
  page: number;
}

/** Runs further apart than this many em are not one piece (a column gutter, a table's columns). */
const SPLIT_EM = 1.2;
/** A gap wider than this many em between two runs of a piece is a space. */
const SPACE_EM = 0.12;

const LIST_MARKER = /^(?:[•◦▪‣∙·–—*-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|\[\d{1,4}\])\s/u;
const endsSentence = (text: string) => /[.!?:;)"”’]$/u.test(text);

/** The page's items as pieces, top to bottom and left to right. */
export function piecesOf(items: readonly PdfItem[], page: number): Piece[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const head = line?.[0];
    // One baseline within half the larger size: a superscript or a footnote mark stays on its line.
    if (line && head && Math.abs(head.y - item.y) <= 0.45 * Math.max(head.size, item.size)) line.push(item);
    else lines.push([item]);
  }
  const pieces: Piece[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let piece: Piece | null = null;
    let weight = 0;
    for (const item of line) {
      const size = item.size || 1;
      const gap = piece ? item.x - piece.x1 : 0;
      if (!piece || gap > SPLIT_EM * Math.max(size, piece.size)) {
        piece = { text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, size, page };
        weight = item.text.length;
        pieces.push(piece);
        continue;
      }
      const spaced = gap > SPACE_EM * size && !/\s$/u.test(piece.text) && !/^\s/u.test(item.text);
      piece.text += (spaced ? ' ' : '') + item.text;
      piece.x1 = Math.max(piece.x1, item.x + item.width);
      // The piece's size is its body text's: the size most of its characters have.
      if (item.text.length > weight) {
        piece.size = size;
        piece.y = item.y;
      }
      weight = Math.max(weight, item.text.length);
    }
  }
  for (const p of pieces) p.text = p.text.replace(/\s+/gu, ' ').trim();
  return pieces.filter((p) => p.text !== '');
}

/** A stretch of one column of one page, top to bottom. */
export interface Run {
  pieces: Piece[];
  left: number;
}

/**
 * The gutter of a two-column page: an x near the middle that few pieces cross while many lie wholly on
 * each side of it. Null for a one-column page.
 */
export function gutterOf(pieces: readonly Piece[], width: number): number | null {
  if (pieces.length < 12) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += 1) {
    let crossing = 0;
    for (const p of pieces) if (p.x0 < x && p.x1 > x) crossing++;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best) return null;
  // The middle of the widest clear stretch around the best x, so a ragged edge does not pull it aside.
  let from = best.x;
  let to = best.x;
  const clear = (x: number) => pieces.filter((p) => p.x0 < x && p.x1 > x).length <= best.crossing;
  while (from - 1 >= width * 0.25 && clear(from - 1)) from--;
  while (to + 1 <= width * 0.75 && clear(to + 1)) to++;
  const gutter = (from + to) / 2;
  const left = pieces.filter((p) => p.x1 <= gutter).length;
  const right = pieces.filter((p) => p.x0 >= gutter).length;
  const isTwoColumns = left >= 6 && right >= 6 && best.crossing <= 0.2 * pieces.length && Math.min(left, right) >= 0.2 * pieces.length;
  return isTwoColumns ? gutter : null;
}

const leftOf = (pieces: readonly Piece[]): number => {
  // The column's margin: the x most of its lines start at (an indented first line does not move it).
  const counts = new Map<number, number>();
  for (const p of pieces) counts.set(Math.round(p.x0), (counts.get(Math.round(p.x0)) ?? 0) + 1);
  let best = pieces[0]?.x0 ?? 0;
  let bestCount = 0;
  for (const [x, n] of counts) if (n > bestCount || (n === bestCount && x < best)) [best, bestCount] = [x, n];
  return best;
};

/**
 * A page in reading order: from the top, a piece that spans the gutter (a title, a wide figure's
 * caption) ends a band; each band is read left column, then right column. Footnotes go after the
 * page's text, so a sentence that runs on into the next column is not cut by them: what stands apart
 * at the foot of a column (past a gap of two lines, in the page's lower third) while the text above it
 * stops mid-sentence.
 */
export function runsOf(pieces: readonly Piece[], width: number, height: number): Run[] {
  const runs = columnRuns(pieces, width);
  const notes: Run[] = [];
  const text = runs.map((run) => {
    const cut = footOf(run.pieces, height);
    if (cut === null) return run;
    notes.push({ pieces: run.pieces.slice(cut), left: leftOf(run.pieces.slice(cut)) });
    return { pieces: run.pieces.slice(0, cut), left: run.left };
  });
  return [...text, ...notes];
}

/** Where a column's footnotes start, or null. */
function footOf(pieces: readonly Piece[], height: number): number | null {
  const steps = pieces
    .slice(1)
    .map((p, i) => pieces[i]!.y - p.y)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const spacing = steps[Math.floor(steps.length / 2)];
  if (spacing === undefined) return null;
  for (let i = pieces.length - 1; i > 0; i--) {
    const above = pieces[i - 1]!;
    if (pieces[i]!.y > height / 3) return null;
    if (above.y - pieces[i]!.y > 1.6 * spacing) return endsSentence(above.text) ? null : i;
  }
  return null;
}

function columnRuns(pieces: readonly Piece[], width: number): Run[] {
  const top = [...pieces].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const gutter = gutterOf(top, width);
  if (gutter === null) return top.length ? [{ pieces: top, left: leftOf(top) }] : [];
  const runs: Run[] = [];
  let left: Piece[] = [];
  let right: Piece[] = [];
  const flush = () => {
    for (const side of [left, right]) if (side.length) runs.push({ pieces: side, left: leftOf(side) });
    left = [];
    right = [];
  };
  for (const p of top) {
    if (p.x1 <= gutter) left.push(p);
    else if (p.x0 >= gutter) right.push(p);
    else {
      flush();
      runs.push({ pieces: [p], left: p.x0 });
    }
  }
  flush();
  return runs;
}

/** A paragraph (or heading) in the making: its pieces in reading order. */
export interface Paragraph {
  pieces: Piece[];
  page: number;
  size: number;
}

/** The size most of the document's characters are set in. */
export function bodySize(pieces: readonly Piece[]): number {
  const weight = new Map<number, number>();
  for (const p of pieces) weight.set(Math.round(p.size * 2) / 2, (weight.get(Math.round(p.size * 2) / 2) ?? 0) + p.text.length);
  let best = 10;
  let most = 0;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

const isSameSize = (a: number, b: number) => Math.abs(a - b) <= 0.12 * Math.max(a, b);

/**
 * The document's runs as paragraphs (`body`: the body text's size, bodySize). A new paragraph starts at an indented line, after a line that ends
 * short of its column's edge with a sentence's end, after a gap wider than the lines' spacing, and where
 * the size changes; a paragraph that goes on past the foot of a column or a page keeps going, with the
 * page it started on.
 */
export function paragraphsOf(runs: readonly Run[], body: number): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let prev: Piece | null = null;
  let prevRight = 0;
  for (const run of runs) {
    const right = Math.max(...run.pieces.map((p) => p.x1));
    run.pieces.forEach((p, i) => {
      const em = p.size;
      // Display type (a title, a heading) is often centred: only its size and spacing part its lines.
      const isDisplay = p.size > body * 1.15;
      // Against the line before in the column (an inset block is not a paragraph per line), or at a
      // column's head against its margin.
      // A list item's lines hang under its text, past its marker: they go on with it.
      const isHanging = i > 0 && prev !== null && LIST_MARKER.test(prev.text) && p.x0 <= prev.x0 + 3 * em;
      const isIndented = !isHanging && p.x0 > (i > 0 && prev ? prev.x0 : run.left) + 0.8 * em;
      // A heading does not run on into the next column or page.
      let isNew = current === null || prev === null || !isSameSize(prev.size, p.size) || (i === 0 && isDisplay);
      if (!isNew && prev) {
        const isShort = prev.x1 < prevRight - 2 * em;
        if (isIndented && !isDisplay) isNew = true;
        else if (isShort && !isDisplay && endsSentence(prev.text)) isNew = true;
        else if (i > 0) {
          const gap = prev.y - p.y;
          // Within a column: more than one and a half lines' worth of space is a break.
          isNew = gap > 1.75 * em || gap < 0;
        }
      }
      if (isNew || !current) {
        current = { pieces: [p], page: p.page, size: p.size };
        out.push(current);
      } else current.pieces.push(p);
      prev = p;
      prevRight = right;
    });
  }
  return out;
}

/**
 * The compounds a document writes with a hyphen inside a line ("first-level"), lowercased: a line that
 * breaks after such a hyphen keeps it, where any other hyphen at a line end was the typesetter's.
 */
export function hyphenatedWords(lines: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(m[0].toLowerCase());
  return words;
}

const HYPHEN_AT_END = /(\p{L}+)[-\u2010]$/u;
const FIRST_WORD = /^\p{L}+/u;

/**
 * The lines of a paragraph as one text. A line that ends in a hyphen after a letter, followed by a line
 * that starts with a lowercase letter, was hyphenated by the typesetter: the word is joined again
 * ("exam-" + "ple" → "example") — unless the document writes that compound with its hyphen elsewhere
 * (`compounds`, from hyphenatedWords), when the hyphen stays ("first-" + "level" → "first-level"). Before
 * a capital or a digit the hyphen is the word's own ("Anglo-" + "Saxon", "10-" + "12"), and stays, joined.
 */
export function joinLines(lines: readonly string[], compounds: ReadonlySet<string> = new Set()): string {
  let text = '';
  for (const line of lines) {
    const end = HYPHEN_AT_END.exec(text);
    if (text === '') text = line;
    else if (end && /^\p{Ll}/u.test(line)) {
      const compound = `${end[1]!}-${FIRST_WORD.exec(line)?.[0] ?? ''}`.toLowerCase();
      text = compounds.has(compound) ? text + line : text.slice(0, -1) + line;
    } else if (/[\p{L}\p{N}][-\u2010]$/u.test(text) && /^[\p{Lu}\p{N}]/u.test(line)) text += line;
    else if (/\u00ad$/u.test(text)) text = text.slice(0, -1) + line;
    else text += ` ${line}`;
  }
  return text;
}
