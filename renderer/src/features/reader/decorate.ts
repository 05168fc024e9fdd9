import type { BlockHit, Highlight } from '../../../../common/contract';

/** A query or find hit inside one block; `term` groups the marks of one hit. */
export interface HitRange {
  start: number;
  end: number;
  term: number;
}

/** A saved highlight inside one block. */
export interface HighlightRange {
  start: number;
  end: number;
  hid: string;
}

/** A run of text with the same decoration: at most one hit and one highlight. */
export interface Piece {
  start: number;
  end: number;
  hit: number | null;
  highlight: string | null;
}

export interface BlockDecorations {
  hits: HitRange[];
  highlights: HighlightRange[];
}

export const NO_DECORATIONS: BlockDecorations = { hits: [], highlights: [] };

/**
 * Splits the text range [start, end) of a block at every hit and highlight boundary, so each
 * piece can be rendered with its marks. A hit that crosses a formatting boundary is split by the
 * caller's leaves, and each part keeps the hit's term.
 */
export function splitRange(start: number, end: number, deco: BlockDecorations): Piece[] {
  if (end <= start) return [];
  const cuts = new Set<number>([start, end]);
  const overlapping = <T extends { start: number; end: number }>(list: readonly T[]) =>
    list.filter((r) => r.start < end && r.end > start && r.end > r.start);
  const hits = overlapping(deco.hits);
  const highlights = overlapping(deco.highlights);
  for (const r of [...hits, ...highlights]) {
    if (r.start > start) cuts.add(r.start);
    if (r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const hit = hits.find((r) => r.start <= a && r.end >= b)?.term ?? null;
    const highlight = highlights.find((r) => r.start <= a && r.end >= b)?.hid ?? null;
    const prev = pieces.at(-1);
    if (prev && prev.hit === hit && prev.highlight === highlight) prev.end = b;
    else pieces.push({ start: a, end: b, hit, highlight });
  }
  return pieces;
}

/**
 * Groups hits and highlights by block index, so each block receives only its own. A highlight over
 * several blocks marks the rest of its first block, all of those between, and its last block up to its
 * end; one whose text changed is not drawn, since its points no longer say where its words are.
 */
export function decorationsByBlock(hits: readonly BlockHit[], highlights: readonly Highlight[]): Map<number, BlockDecorations> {
  const out = new Map<number, BlockDecorations>();
  const slot = (block: number) => {
    let d = out.get(block);
    if (!d) {
      d = { hits: [], highlights: [] };
      out.set(block, d);
    }
    return d;
  };
  for (const h of hits) slot(h.block).hits.push({ start: h.start, end: h.end, term: h.term });
  for (const h of highlights) {
    if (h.textChanged) continue;
    for (let b = h.start.block; b <= h.end.block; b++) {
      const start = b === h.start.block ? h.start.offset : 0;
      const end = b === h.end.block ? h.end.offset : Number.MAX_SAFE_INTEGER;
      if (end > start) slot(b).highlights.push({ start, end, hid: h.hid });
    }
  }
  return out;
}

/** The distinct hit terms in reading order: what "N of M" counts and n / Shift+N step through. */
export function hitTerms(hits: readonly BlockHit[]): number[] {
  const sorted = [...hits].sort((a, b) => a.block - b.block || a.start - b.start);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const h of sorted) {
    if (seen.has(h.term)) continue;
    seen.add(h.term);
    out.push(h.term);
  }
  return out;
}

/** The next index when stepping through `count` hits, wrapping at both ends. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}
