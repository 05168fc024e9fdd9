import { useEffect, useState, type RefObject } from 'react';
import type { TocEntry } from './toc';

/** Below the heading's own scroll margin, so a heading the contents list just scrolled to counts as reached. */
const SLOP_PX = 8;

/**
 * The block of the section being read: the last heading at or above the top of the reading area, or
 * null before the first (the lead belongs to no entry of the list). At the very end of the article, where
 * a short last section can never reach the top, the last heading on screen. Read once per frame while
 * the reader scrolls or is resized.
 */
export function useCurrentHeading(
  scrollRef: RefObject<HTMLElement | null>,
  entries: readonly TocEntry[],
  headingId: (block: number) => string,
): number | null {
  const [current, setCurrent] = useState<number | null>(null);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const measure = () => {
      const view = scroller.getBoundingClientRect();
      const isAtEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      let line = NaN;
      let found: number | null = null;
      for (const entry of entries) {
        // A long article renders in parts (useProgressiveBlocks): a heading not drawn yet is skipped.
        const el = document.getElementById(headingId(entry.block));
        if (!el) continue;
        if (Number.isNaN(line)) line = view.top + SLOP_PX + (parseFloat(getComputedStyle(el).scrollMarginTop) || 0);
        const top = el.getBoundingClientRect().top;
        if (top <= line || (isAtEnd && top < view.bottom)) found = entry.block;
        else if (!isAtEnd) break;
      }
      setCurrent(found);
    };
    let frame = requestAnimationFrame(measure);
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    scroller.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      observer.disconnect();
    };
  }, [scrollRef, entries, headingId]);

  return current;
}
