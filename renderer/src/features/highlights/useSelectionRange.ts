import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { pointToOffset } from '../reader/domOffsets';
import { toHighlightRange, type HighlightRange } from '../reader/selection';

export interface TextSelection {
  range: HighlightRange;
  /** Where the selection is on screen, for the floating "Highlight" button. */
  rect: DOMRect;
}

/** The text selected in the article, as a range ready to highlight; null when nothing is. */
export function useSelectionRange(
  articleRef: RefObject<HTMLElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  texts: readonly string[],
) {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  /** The selection as it is right now (a key press may come before the selectionchange frame). */
  const current = useCallback((): TextSelection | null => {
    const sel = document.getSelection();
    const root = articleRef.current;
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root) return null;
    const r = sel.getRangeAt(0);
    if (!root.contains(r.commonAncestorContainer)) return null;
    const start = pointToOffset(r.startContainer, r.startOffset);
    const end = pointToOffset(r.endContainer, r.endOffset);
    // A selection that starts in the title or runs past the last block keeps its part in the text.
    const a = start ?? (end ? { block: 0, offset: 0 } : null);
    const b = end ?? (start ? { block: Math.max(0, texts.length - 1), offset: Number.MAX_SAFE_INTEGER } : null);
    const range = a && b ? toHighlightRange(a, b, (i) => texts[i] ?? '') : null;
    return range ? { range, rect: r.getBoundingClientRect() } : null;
  }, [articleRef, texts]);
  // The listeners stay for the reader's life and call the newest read: re-adding them when the texts
  // change would cancel a read already scheduled for a selection made just before.
  const readRef = useRef(() => setSelection(current()));
  useLayoutEffect(() => {
    readRef.current = () => setSelection(current());
  }, [current]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => readRef.current());
    };
    const scroller = scrollRef.current;
    document.addEventListener('selectionchange', schedule);
    scroller?.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      scroller?.removeEventListener('scroll', schedule);
    };
  }, [scrollRef]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  return { selection, current, clear };
}
