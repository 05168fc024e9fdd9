/**
 * The document model every importer produces, main stores and the renderer draws, and the one
 * definition of a block's plain text: hit and highlight offsets (UTF-16) cross the bridge as positions
 * in that text, so main (which finds them) and the renderer (which marks them) must agree exactly.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

/** A table cell: a header (th) or data cell, its alignment when the source set one, and how far it spans. */
export interface TableCell {
  header: boolean;
  children: Inline[];
  align?: 'left' | 'center' | 'right';
  colSpan?: number;
  rowSpan?: number;
}

/**
 * Where a block stands in a paged source (a PDF): the page it starts on, 1-based. The reader shows a
 * page marker where the page changes, and a hit's page is its block's.
 */
export interface BlockPlace {
  page?: number;
}

export type Block = (
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; language: string | null; text: string }
  | { type: 'figure'; src: string; alt: string; caption: Inline[] }
  | { type: 'table'; rows: TableCell[][] }
  | { type: 'rule' }
) &
  BlockPlace;

/** Between two cells of a row in a table's text, and between two rows. */
export const CELL_JOIN = '\t';
export const ROW_JOIN = '\n';

/** The plain text of inline runs: text and code as they are, a break as '\n'. */
export function inlineText(runs: readonly Inline[]): string {
  let out = '';
  for (const run of runs) {
    switch (run.type) {
      case 'text':
      case 'code':
        out += run.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
      case 'link':
        out += inlineText(run.children);
        break;
      default:
        run satisfies never;
    }
  }
  return out;
}

/**
 * A link from one place in an article to a block of the same article (a book's link from one chapter to
 * another, all of them one article): the fragment names the block by its index, which the reader scrolls to.
 */
const BLOCK_FRAGMENT = /^offprint-block-(\d{1,9})$/u;

export const blockHref = (block: number): string => `#offprint-block-${block}`;

/** The block a fragment (without its `#`) names, or null when it names none (a heading's slug, say). */
export function fragmentBlock(fragment: string): number | null {
  const index = BLOCK_FRAGMENT.exec(fragment)?.[1];
  return index === undefined ? null : Number(index);
}

/** What a figure shows as its text: the caption, or the alt text when there is no caption. */
export function figureTextRuns(block: Extract<Block, { type: 'figure' }>): Inline[] {
  if (inlineText(block.caption) !== '') return block.caption;
  return block.alt === '' ? [] : [{ type: 'text', text: block.alt }];
}

/** The plain text of one block; the rendered block produces the same text, and offsets point into it. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return inlineText(block.children);
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'code':
      return block.text;
    case 'figure':
      return inlineText(figureTextRuns(block));
    case 'table':
      return block.rows.map((row) => row.map((cell) => inlineText(cell.children)).join(CELL_JOIN)).join(ROW_JOIN);
    case 'rule':
      return '';
    default:
      return block satisfies never;
  }
}

/** What stands between two blocks in text that spans them (a highlight's quote). */
export const BLOCK_JOIN = '\n';

/** Orders two points of an article: negative when `a` comes first. */
export function comparePoints(a: { block: number; offset: number }, b: { block: number; offset: number }): number {
  return a.block - b.block || a.offset - b.offset;
}

/**
 * The text from `start` to `end` over the blocks' texts, blocks joined by BLOCK_JOIN; null when the
 * points are out of order or outside the text.
 */
export function textBetween(
  texts: readonly string[],
  start: { block: number; offset: number },
  end: { block: number; offset: number },
): string | null {
  const first = texts[start.block];
  const last = texts[end.block];
  if (first === undefined || last === undefined || start.offset > first.length || end.offset > last.length) return null;
  if (comparePoints(start, end) > 0) return null;
  if (start.block === end.block) return first.slice(start.offset, end.offset);
  const parts = [first.slice(start.offset), ...texts.slice(start.block + 1, end.block), last.slice(0, end.offset)];
  return parts.join(BLOCK_JOIN);
}

/**
 * How a long article opens: past `from` blocks, the reader is sent and renders first the blocks from
 * `before` ahead of where it opens (the best hit, or the saved position) to `after` past it, and the
 * rest once that is on screen. Main and the renderer both cut the same window from it.
 */
export const OPENING_WINDOW = { from: 300, before: 8, after: 60 } as const;

/** The blocks a long article opens with, around block `target` of `count` (all of them for a short one). */
export function openingWindow(count: number, target: number): { start: number; end: number } {
  if (count <= OPENING_WINDOW.from) return { start: 0, end: count };
  const at = Math.min(Math.max(0, target), count - 1);
  return { start: Math.max(0, at - OPENING_WINDOW.before), end: Math.min(count, at + OPENING_WINDOW.after) };
}
