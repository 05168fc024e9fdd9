import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { openingWindow } from '../../../../common/blocks';
import { blockElement } from './domOffsets';

/** Blocks added per idle period: each addition is one React commit and one layout of the new blocks. */
const CHUNK = 250;

export interface BlockRange {
  start: number;
  end: number;
  /** Every block is in the DOM: find, selection, printing and reading aloud see the whole article. */
  isComplete: boolean;
}

interface Options {
  count: number;
  /** The block the reader opens at (the best hit, or the saved position). */
  target: number;
  /** The blocks received so far (the opening window), or null once all are: nothing outside it renders. */
  loaded: { start: number; end: number } | null;
  scrollRef: RefObject<HTMLElement | null>;
  articleRef: RefObject<HTMLElement | null>;
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 100 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
};

/**
 * Which blocks of a long article are rendered. Rendering 2,700 paragraphs at once took React and the
 * layout after it 250–400 ms before the first paint, so a long article first renders the blocks around
 * where it opens (common/blocks.ts openingWindow, all main sends at first), then, once the rest has come,
 * the others in idle periods: those after it, then those before it, each time moving the scroll position
 * by the height added above so the text in view stays exactly where it was.
 */
export function useProgressiveBlocks({ count, target, loaded, scrollRef, articleRef }: Options): BlockRange {
  const [range, setRange] = useState(() => loaded ?? openingWindow(count, target));
  // The first rendered block and where it stood in the scrolled content before blocks were added above it.
  const shift = useRef<{ block: number; y: number } | null>(null);
  // Its place in the content, not on screen, so a scroll between the measurement and the commit is kept.
  const contentY = (block: number): number | null => {
    const scroller = scrollRef.current;
    const el = scroller && articleRef.current ? blockElement(articleRef.current, block) : null;
    return scroller && el ? el.getBoundingClientRect().top + scroller.scrollTop : null;
  };

  useLayoutEffect(() => {
    const before = shift.current;
    shift.current = null;
    const y = before ? contentY(before.block) : null;
    if (before && y !== null) scrollRef.current!.scrollTop += y - before.y;
    // contentY reads only refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range.start]);

  useEffect(() => {
    if (loaded !== null || (range.start === 0 && range.end === count)) return;
    return whenIdle(() => {
      if (range.end < count) return setRange({ start: range.start, end: Math.min(count, range.end + CHUNK) });
      const y = contentY(range.start);
      if (y !== null) shift.current = { block: range.start, y };
      setRange({ start: Math.max(0, range.start - CHUNK), end: range.end });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range, count, loaded]);

  return { ...range, isComplete: range.start === 0 && range.end === count };
}
