/**
 * Running headers, footers and page numbers: pieces near the top or bottom edge whose text, digits
 * aside, stands at the same height on many pages. They are dropped from every page but the first they
 * appear on, where the words are kept once (a page number, nothing but digits, is dropped there too).
 */
import type { Piece } from './pdfLayout.ts';

/** How far from the top or bottom edge a running line may stand, as a share of the page's height. */
const EDGE = 0.12;

/** A running line's words: digits as #, without the page number before or after them (it swaps sides on facing pages). */
const wordsOf = (text: string): string =>
  text
    .replace(/\d+/gu, '#')
    .replace(/\s+/gu, ' ')
    .replace(/^(?:# )+|(?: #)+$/gu, '')
    .toLowerCase();
const keyOf = (p: Piece): string => `${Math.round(p.y / 4)}|${wordsOf(p.text)}`;
/** A running line as first seen, without the number at its start or end that changes from page to page. */
function withoutNumber(text: string, all: readonly string[]): string {
  const tokens = text.split(' ');
  const varies = (pick: (t: string[]) => string | undefined) => new Set(all.map((t) => pick(t.split(' ')))).size > 1;
  if (tokens.length > 1 && /^\d+$/u.test(tokens.at(-1)!) && varies((t) => t.at(-1))) tokens.pop();
  if (tokens.length > 1 && /^\d+$/u.test(tokens[0]!) && varies((t) => t[0])) tokens.shift();
  return tokens.join(' ');
}
const isPageNumber = (text: string): boolean => /^(?:(?:page|p\.)\s*)?(?:\d+|[ivxlc]+)(?:\s*(?:of|\/)\s*\d+)?$/iu.test(text.trim());

/** The pages' pieces without their running lines. */
export function withoutRunning(pages: readonly { pieces: Piece[]; height: number }[]): Piece[][] {
  if (pages.length < 3) return pages.map((p) => p.pieces);
  const onPages = new Map<string, Set<number>>();
  pages.forEach((page, i) => {
    for (const p of page.pieces) {
      if (p.y < page.height * (1 - EDGE) && p.y > page.height * EDGE) continue;
      const key = keyOf(p);
      const seen = onPages.get(key) ?? new Set<number>();
      seen.add(i);
      onPages.set(key, seen);
    }
  });
  // On at least three pages and a third of them: a header that names the chapter repeats per chapter.
  const least = Math.max(3, Math.ceil(pages.length / 3));
  const running = new Set([...onPages].filter(([, seen]) => seen.size >= least).map(([key]) => key));
  // A page number moves with the digits' width: any digits-only line at an edge on as many pages is one.
  const numbered = pages.filter((page) => page.pieces.some((p) => isEdge(p, page.height) && isPageNumber(p.text))).length >= least;
  const texts = new Map<string, string[]>();
  pages.forEach((page) => {
    for (const p of page.pieces)
      if (isEdge(p, page.height) && running.has(keyOf(p))) texts.set(wordsOf(p.text), [...(texts.get(wordsOf(p.text)) ?? []), p.text]);
  });
  // Words the pages say elsewhere (a header that repeats the title) are not kept again.
  const kept = new Set(pages.flatMap((page) => page.pieces.filter((p) => !running.has(keyOf(p))).map((p) => wordsOf(p.text))));
  return pages.map((page) =>
    page.pieces.filter((p) => {
      if (!isEdge(p, page.height)) return true;
      if (numbered && isPageNumber(p.text)) return false;
      const key = keyOf(p);
      if (!running.has(key)) return true;
      const words = key.slice(key.indexOf('|') + 1);
      if (isPageNumber(p.text) || kept.has(words)) return false;
      kept.add(words);
      p.text = withoutNumber(p.text, texts.get(words) ?? []);
      return true;
    }),
  );
}

const isEdge = (p: Piece, height: number) => p.y >= height * (1 - EDGE) || p.y <= height * EDGE;
