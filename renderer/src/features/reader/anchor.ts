import type { TextAnchor } from '../../../../common/contract';

/** How many characters of text a saved position keeps to find its place again. */
export const QUOTE_LENGTH = 40;

export interface BlockPoint {
  block: number;
  offset: number;
}

/** The anchor for a point in the article: block, offset and the text that follows it. */
export function makeAnchor(texts: readonly string[], point: BlockPoint): TextAnchor {
  const text = texts[point.block] ?? '';
  const offset = Math.max(0, Math.min(point.offset, text.length));
  return { block: point.block, offset, quote: text.slice(offset, offset + QUOTE_LENGTH) };
}

function nearestIndex(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

function search(texts: readonly string[], quote: string, anchor: TextAnchor, reach: number): BlockPoint | null {
  const from = Math.min(Math.max(anchor.block, 0), texts.length - 1);
  for (let d = 0; d <= reach; d++) {
    for (const b of d === 0 ? [from] : [from - d, from + d]) {
      const text = texts[b];
      if (text === undefined) continue;
      const at = nearestIndex(text, quote, b === anchor.block ? anchor.offset : 0);
      if (at !== -1) return { block: b, offset: at };
    }
  }
  return null;
}

/**
 * Finds a saved position again in the article as it is now. The block and offset are trusted
 * when the quote is still there; otherwise the quote (then its first half) is searched for in the
 * block and ever further blocks around it; failing that, the position falls back to the block.
 */
export function resolveAnchor(texts: readonly string[], anchor: TextAnchor): BlockPoint & { isExact: boolean } {
  if (texts.length === 0) return { block: 0, offset: 0, isExact: false };
  const here = texts[anchor.block];
  if (here !== undefined && here.startsWith(anchor.quote, anchor.offset) && (anchor.quote !== '' || anchor.offset <= here.length)) {
    return { block: anchor.block, offset: anchor.offset, isExact: true };
  }
  const quote = anchor.quote.trim();
  const tries = [quote, quote.slice(0, Math.ceil(quote.length / 2))].filter((q) => q.length >= 8);
  for (const q of tries) {
    const found = search(texts, q, anchor, texts.length);
    if (found) return { ...found, isExact: q === quote };
  }
  const block = Math.min(Math.max(anchor.block, 0), texts.length - 1);
  return { block, offset: Math.min(anchor.offset, texts[block]!.length), isExact: false };
}

/** How far through a scrolled article the reader is, from 0 to 1; an article that fits is read. */
export function scrollProgress(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const max = scrollHeight - clientHeight;
  if (max <= 1) return 1;
  return Math.min(1, Math.max(0, scrollTop / max));
}
