import type { BlockPoint } from './anchor';
import { plainLength, toDomOffset, toPlainOffset } from './softHyphens';

/**
 * Maps between DOM positions and {block, offset} in a block's plain text. Every rendered block
 * carries data-block, and every piece of its text is a leaf element with data-o (its offset in the
 * block's plain text) holding one text node; a <br data-o> stands for one '\n'. Anything without
 * data-o (labels, placeholders) is not part of the text and is skipped.
 */

/** Pixels between the top of the reader and the line a saved position is shown on. */
export const TOP_MARGIN = 24;

const leafOffset = (leaf: Element) => Number(leaf.getAttribute('data-o'));
// Soft hyphens in justified text are the DOM's alone (softHyphens.ts): lengths and offsets skip them.
const leafLength = (leaf: Element) => (leaf.tagName === 'BR' ? 1 : plainLength(leaf.textContent ?? ''));

export function blockElement(root: ParentNode, block: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-block="${block}"]`);
}

/** The block offset of a DOM point (a selection end, a caret), or null outside any block. */
export function pointToOffset(node: Node, offset: number): BlockPoint | null {
  const el = node instanceof Element ? node : node.parentElement;
  const blockEl = el?.closest('[data-block]');
  if (!el || !blockEl) return null;
  const block = Number(blockEl.getAttribute('data-block'));
  if (node.nodeType === Node.TEXT_NODE) {
    const leaf = el.closest('[data-o]');
    if (leaf && blockEl.contains(leaf)) {
      const text = node.textContent ?? '';
      return { block, offset: leafOffset(leaf) + toPlainOffset(text, Math.min(offset, text.length)) };
    }
  }
  // Between elements or in text that is not the block's own: the first leaf at or after the point.
  const point = document.createRange();
  point.setStart(node, offset);
  const leaves = blockEl.querySelectorAll('[data-o]');
  for (const leaf of leaves) if (point.comparePoint(leaf, 0) >= 0) return { block, offset: leafOffset(leaf) };
  const last = leaves[leaves.length - 1];
  return { block, offset: last ? leafOffset(last) + leafLength(last) : 0 };
}

/** The DOM range of one character at a block offset (or an empty range at the block's start). */
export function offsetToRange(blockEl: Element, offset: number): Range {
  const range = document.createRange();
  let fallback: Element | null = null;
  for (const leaf of blockEl.querySelectorAll('[data-o]')) {
    const o = leafOffset(leaf);
    const len = leafLength(leaf);
    if (offset >= o && offset < o + len) {
      if (leaf.tagName === 'BR' || !leaf.firstChild) range.selectNode(leaf);
      else {
        const at = toDomOffset(leaf.firstChild.textContent ?? '', offset - o);
        range.setStart(leaf.firstChild, at);
        range.setEnd(leaf.firstChild, at + 1);
      }
      return range;
    }
    if (!fallback && o >= offset) fallback = leaf;
  }
  if (fallback) range.selectNode(fallback);
  else range.setStart(blockEl, 0);
  return range;
}

/** Scrolls so a block offset sits just below the top of the scroller. */
export function scrollToOffset(scroller: HTMLElement, root: ParentNode, point: BlockPoint): boolean {
  const blockEl = blockElement(root, point.block);
  if (!blockEl) return false;
  const rect = offsetToRange(blockEl, point.offset).getClientRects()[0] ?? blockEl.getBoundingClientRect();
  scroller.scrollTop += rect.top - scroller.getBoundingClientRect().top - TOP_MARGIN;
  return true;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The block offset of the first line visible at the top of the scroller. */
export function offsetAtTop(scroller: HTMLElement, root: ParentNode): BlockPoint | null {
  const top = scroller.getBoundingClientRect().top + TOP_MARGIN + 2;
  const blocks = root.querySelectorAll<HTMLElement>('[data-block]');
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > top) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  const blockEl = blocks[found === -1 ? blocks.length - 1 : found];
  if (!blockEl) return null;
  const block = Number(blockEl.dataset.block);
  const rect = blockEl.getBoundingClientRect();
  if (rect.top >= top || found === -1) return { block, offset: 0 };
  // The start of the top line, so a paragraph that began at the top still begins there after reflow.
  const isRtl = getComputedStyle(blockEl).direction === 'rtl';
  const caret = caretAt(isRtl ? rect.right - 2 : rect.left + 2, top);
  const p = caret && blockEl.contains(caret.node) ? pointToOffset(caret.node, caret.offset) : null;
  return p && p.block === block ? p : { block, offset: 0 };
}
