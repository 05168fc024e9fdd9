import { BLOCK_JOIN, textBetween } from '../../common/blocks.ts';
import type { BlockPoint } from '../../common/contract.ts';

/**
 * Finding a highlight again in an article that changed: its points are trusted while the text between
 * them is still its quote; otherwise the quote is looked for in the whole article (as it is, then with
 * runs of white space counted as one), and the occurrence nearest the old place wins. A quote that is
 * no longer there keeps its old points and is marked as changed: it is never dropped.
 */

export interface Anchored {
  start: BlockPoint;
  end: BlockPoint;
  textChanged: boolean;
}

/** An article's text as one string (blocks joined as in a quote), with where each block starts in it. */
class JoinedText {
  readonly text: string;
  private readonly starts: number[] = [];
  private squeezed: { text: string; at: number[] } | null = null;

  constructor(readonly texts: readonly string[]) {
    let at = 0;
    for (const t of texts) {
      this.starts.push(at);
      at += t.length + BLOCK_JOIN.length;
    }
    this.text = texts.join(BLOCK_JOIN);
  }

  offsetOf(p: BlockPoint): number {
    return (this.starts[p.block] ?? 0) + p.offset;
  }

  /** The point at an offset of the joined text; `isStart` puts an offset on a block boundary into the next block. */
  pointAt(offset: number, isStart: boolean): BlockPoint {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const inBlock = Math.min(offset - this.starts[lo]!, this.texts[lo]!.length);
    if (isStart && inBlock === this.texts[lo]!.length && lo + 1 < this.texts.length) return { block: lo + 1, offset: 0 };
    return { block: lo, offset: inBlock };
  }

  /** The text with each run of white space as one space, and for each of its characters where it was. */
  get withSqueezedSpace(): { text: string; at: number[] } {
    if (!this.squeezed) this.squeezed = squeezeSpace(this.text);
    return this.squeezed;
  }
}

function squeezeSpace(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let wasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const isSpace = /\s/u.test(text[i]!);
    if (isSpace && wasSpace) continue;
    out += isSpace ? ' ' : text[i]!;
    at.push(i);
    wasSpace = isSpace;
  }
  return { text: out, at };
}

/** How many occurrences are weighed before the nearest so far is taken: bounds a quote that repeats endlessly. */
const MAX_OCCURRENCES = 1000;

function nearest(haystack: string, needle: string, near: number): number {
  let best = -1;
  let seen = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && seen < MAX_OCCURRENCES; at = haystack.indexOf(needle, at + 1), seen++) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

/** Where a quote is in the article now, nearest to where it was; null when it is not there. */
function locate(article: JoinedText, quote: string, was: BlockPoint): { start: BlockPoint; end: BlockPoint } | null {
  if (quote.trim() === '') return null;
  const near = article.offsetOf(was);
  const exact = nearest(article.text, quote, near);
  if (exact !== -1) return { start: article.pointAt(exact, true), end: article.pointAt(exact + quote.length, false) };
  const squeezed = article.withSqueezedSpace;
  const needle = squeezeSpace(quote.trim()).text;
  const nearSqueezed = squeezed.at.findIndex((o) => o >= near);
  const found = nearest(squeezed.text, needle, nearSqueezed === -1 ? squeezed.text.length : nearSqueezed);
  if (found === -1) return null;
  const from = squeezed.at[found]!;
  const to = squeezed.at[found + needle.length - 1]! + 1;
  return { start: article.pointAt(from, true), end: article.pointAt(to, false) };
}

/** Checks highlights against an article's block texts, building what the search needs once per article. */
export function anchorer(texts: readonly string[]): (h: { start: BlockPoint; end: BlockPoint; quote: string }) => Anchored {
  let article: JoinedText | null = null;
  return (h) => {
    if (textBetween(texts, h.start, h.end) === h.quote) return { start: h.start, end: h.end, textChanged: false };
    article ??= new JoinedText(texts);
    const found = locate(article, h.quote, h.start);
    return found ? { ...found, textChanged: false } : { start: h.start, end: h.end, textChanged: true };
  };
}
