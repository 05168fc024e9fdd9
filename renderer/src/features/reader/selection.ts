import { comparePoints } from '../../../../common/blocks';
import type { BlockPoint } from '../../../../common/contract';

/** What a selection becomes as a highlight: from `start` to `end`, possibly in different blocks. */
export interface HighlightRange {
  start: BlockPoint;
  end: BlockPoint;
}

/** How far either side of a selection end the text is cut into words: longer than any word, short enough for any block. */
const WORD_REACH = 64;

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The word (as Intl.Segmenter cuts words, so also in scripts without spaces) that `offset` falls inside. */
function wordAround(text: string, offset: number): { start: number; end: number } | null {
  const from = Math.max(0, offset - WORD_REACH);
  const part = text.slice(from, Math.min(text.length, offset + WORD_REACH));
  const seg = words.segment(part).containing(offset - from);
  if (!seg?.isWordLike) return null;
  return { start: from + seg.index, end: from + seg.index + seg.segment.length };
}

/** A start inside a word moves back to where the word begins. */
function snapStart(text: string, offset: number): number {
  const w = offset < text.length ? wordAround(text, offset) : null;
  return w && w.start < offset ? w.start : offset;
}

/** An end inside a word moves on to where the word ends. */
function snapEnd(text: string, offset: number): number {
  const w = offset > 0 ? wordAround(text, offset - 1) : null;
  return w && w.end > offset ? w.end : offset;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/**
 * Turns the two ends of a selection into a highlight range. Ends may come in either order and in
 * different blocks; an end inside a word takes in the whole word ("…serve Americ" marks "American");
 * white space at either end, and blocks that hold only it, are left out. Returns null when nothing but
 * white space is selected.
 */
export function toHighlightRange(a: BlockPoint, b: BlockPoint, blockTextOf: (block: number) => string): HighlightRange | null {
  if (comparePoints(a, b) === 0) return null;
  const [first, last] = comparePoints(a, b) < 0 ? [a, b] : [b, a];
  const firstText = blockTextOf(first.block);
  const lastText = blockTextOf(last.block);
  let start = { block: first.block, offset: snapStart(firstText, Math.max(0, Math.min(first.offset, firstText.length))) };
  let end = { block: last.block, offset: snapEnd(lastText, Math.max(0, Math.min(last.offset, lastText.length))) };
  for (;;) {
    const text = blockTextOf(start.block);
    if (isSpace(text[start.offset])) start = { ...start, offset: start.offset + 1 };
    else if (start.offset >= text.length && start.block < end.block) start = { block: start.block + 1, offset: 0 };
    else break;
  }
  for (;;) {
    const text = blockTextOf(end.block);
    if (end.offset > 0 && isSpace(text[end.offset - 1])) end = { ...end, offset: end.offset - 1 };
    else if (end.offset === 0 && end.block > start.block) end = { block: end.block - 1, offset: blockTextOf(end.block - 1).length };
    else break;
  }
  return comparePoints(start, end) < 0 ? { start, end } : null;
}
