import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Article, ReadingPosition, TextAnchor } from '../../../../common/contract';
import { api } from '../../api';
import { makeAnchor, resolveAnchor, scrollProgress } from './anchor';
import { offsetAtTop, scrollToOffset } from './domOffsets';

/** Saved this long after scrolling stops (and at once when the page goes away). */
const SAVE_DELAY_MS = 600;

interface Options {
  article: Article;
  texts: readonly string[];
  saved: ReadingPosition | null;
  /** False when the article opens at a search hit instead of where you were. */
  shouldRestore: boolean;
  scrollRef: RefObject<HTMLElement | null>;
  articleRef: RefObject<HTMLElement | null>;
  /** Changes when the layout changes (font, size, spacing): the position is kept across it. */
  layoutKey: string;
  onSaved: (id: string, progress: number) => void;
}

/**
 * The reading position as a text anchor (block, offset, quote), not a scroll offset, so it
 * survives reflow: restored on open, kept in place across font changes and resizes, saved after
 * scrolling stops and when the page is hidden or the article closes.
 */
export function useReadingPosition({ article, texts, saved, shouldRestore, scrollRef, articleRef, layoutKey, onSaved }: Options): {
  error: string | null;
} {
  const anchor = useRef<TextAnchor | null>(null);
  const progress = useRef(0);
  // Where the article settled when it opened (its top, the saved place or a search hit), and whether the
  // reader has since scrolled a whole screen from there: what tells reading from opening (the shelf).
  const openedAt = useRef<number | null>(null);
  const isPastFirstScreen = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const isDirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The layout (width and type) the anchor was last put back in. A reflow the reader has not
  // answered yet must not overwrite the anchor with whatever text the reflow moved to the top.
  const settledLayout = useRef('');
  const layoutOf = useCallback((root: HTMLElement) => `${root.clientWidth}|${layoutKey}`, [layoutKey]);
  // The texts in a ref: a long article's blocks arrive in two parts, and the second is no reflow to answer.
  const textsRef = useRef(texts);
  useLayoutEffect(() => {
    textsRef.current = texts;
  }, [texts]);

  const readAnchor = useCallback(() => {
    const scroller = scrollRef.current;
    const root = articleRef.current;
    if (!scroller || !root || layoutOf(root) !== settledLayout.current) return;
    const point = offsetAtTop(scroller, root);
    if (point) anchor.current = makeAnchor(textsRef.current, point);
    progress.current = scrollProgress(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight);
    if (openedAt.current !== null && Math.abs(scroller.scrollTop - openedAt.current) >= scroller.clientHeight)
      isPastFirstScreen.current = true;
  }, [scrollRef, articleRef, layoutOf]);

  const restore = useCallback(
    (target: TextAnchor | null) => {
      const scroller = scrollRef.current;
      const root = articleRef.current;
      if (!scroller || !root) return;
      const before = scroller.scrollTop;
      if (target) scrollToOffset(scroller, root, resolveAnchor(textsRef.current, target));
      // A reflow moves the same words to another offset: that is no scrolling by the reader.
      if (openedAt.current !== null) openedAt.current += scroller.scrollTop - before;
      settledLayout.current = layoutOf(root);
    },
    [scrollRef, articleRef, layoutOf],
  );

  // Uses what was read while the article was on screen: when it closes, it is already detached.
  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!isDirty.current || !anchor.current) return;
    isDirty.current = false;
    const p = progress.current;
    const input = { id: article.id, anchor: anchor.current, progress: p, pastFirstScreen: isPastFirstScreen.current };
    void api['position.set'](input).then((r) => {
      if (r.ok) onSaved(article.id, p);
      setError(r.ok ? null : `Your reading position could not be saved: ${r.error.message}`);
    });
  }, [article.id, onSaved]);

  const scheduleSave = useCallback(() => {
    isDirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, SAVE_DELAY_MS);
  }, [save]);

  // Restore before the first paint, so the article never flashes at its top.
  useLayoutEffect(() => {
    restore(shouldRestore ? saved : null);
    readAnchor();
    // Opening an article counts as starting it.
    scheduleSave();
    // Only when the article opens; later layout changes are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    // By now the article is restored (the layout effect above) or at its search hit (ArticleReader runs
    // useHitNavigation's effect before this one).
    openedAt.current ??= scroller.scrollTop;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(readAnchor);
      scheduleSave();
    };
    const onHide = () => {
      readAnchor();
      save();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      save();
    };
  }, [scrollRef, readAnchor, scheduleSave, save]);

  // A new font size, spacing or typeface reflows the text: put the same words back at the top.
  const isFirstLayout = useRef(true);
  useLayoutEffect(() => {
    if (isFirstLayout.current) {
      isFirstLayout.current = false;
      return;
    }
    restore(anchor.current);
  }, [layoutKey, restore]);

  // The same when the window or the pane is resized.
  useEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    const observer = new ResizeObserver(() => {
      if (layoutOf(root) !== settledLayout.current) return restore(anchor.current);
      // A picture above the top takes its height only once it loads, and pushes the words down (the
      // browser's own scroll anchoring is off, see .reader-scroll): put the words back where they were.
      const scroller = scrollRef.current;
      const at = anchor.current;
      const point = scroller && at ? offsetAtTop(scroller, root) : null;
      if (point && at && (point.block !== at.block || point.offset !== at.offset)) restore(at);
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, [articleRef, scrollRef, layoutOf, restore]);

  return { error };
}
