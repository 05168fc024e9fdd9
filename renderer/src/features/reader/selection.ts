import type { BlockPoint } from './anchor';

export interface BlockRange {
  block: number;
  start: number;
  end: number;
}

/**
 * Turns the two ends of a selection into one highlight range. Ends may come in either order;
 * a selection over several blocks keeps the part in its first block; surrounding whitespace is
 * left out. Returns null when nothing but whitespace is selected.
 */
export function toBlockRange(a: BlockPoint, b: BlockPoint, blockTextOf: (block: number) => string): BlockRange | null {
  const [first, last] = a.block < b.block || (a.block === b.block && a.offset <= b.offset) ? [a, b] : [b, a];
  const text = blockTextOf(first.block);
  let start = Math.max(0, Math.min(first.offset, text.length));
  let end = last.block === first.block ? Math.min(last.offset, text.length) : text.length;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { block: first.block, start, end } : null;
}
