import type { Segment } from '../../../common/contract.ts';
import type { Hit } from './matcher.ts';

const WINDOW = 180;

/** Cuts a window of `text` around its densest run of hits and marks the hits; never HTML. */
export function snippet(text: string, hits: readonly Hit[], window = WINDOW): Segment[] {
  if (text === '') return [];
  const lead = snippetHit(hits, window);
  let from = lead ? Math.max(0, lead.start - Math.floor(window / 4)) : 0;
  let to = Math.min(text.length, from + window);
  // Snap to word boundaries so the snippet never starts or ends mid-word.
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    from = space > from - 20 && space !== -1 ? space + 1 : from;
  }
  if (to < text.length) {
    const space = text.indexOf(' ', to);
    to = space !== -1 && space < to + 20 ? space : to;
  }
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  const segments: Segment[] = [];
  const push = (s: string, hit: boolean): void => {
    const clean = s.replace(/\s+/gu, ' ');
    if (clean !== '') segments.push({ text: clean, hit });
  };
  if (from > 0) segments.push({ text: '…', hit: false });
  let pos = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    const s = Math.max(h.start, from);
    const e = Math.min(h.end, to);
    if (s > pos) push(text.slice(pos, s), false);
    push(text.slice(s, e), true);
    pos = e;
  }
  if (pos < to) push(text.slice(pos, to), false);
  if (to < text.length) segments.push({ text: '…', hit: false });
  return segments;
}

/** The whole of a short text (a title) with its hits marked. */
export function marked(text: string, hits: readonly Hit[]): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.start < pos) continue;
    if (h.start > pos) segments.push({ text: text.slice(pos, h.start), hit: false });
    segments.push({ text: text.slice(h.start, h.end), hit: true });
    pos = h.end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), hit: false });
  return segments;
}

/** The hit a snippet is cut around: the one whose window holds the most distinct terms. */
export function snippetHit(hits: readonly Hit[], window = WINDOW): Hit | null {
  let best: Hit | null = null;
  let bestScore = -1;
  for (let i = 0; i < hits.length && i < 50; i++) {
    const terms = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.end <= hits[i]!.start + window; j++) terms.add(hits[j]!.term);
    if (terms.size > bestScore) {
      bestScore = terms.size;
      best = hits[i]!;
    }
  }
  return best;
}
