import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { BlockHit } from '../../../../common/contract';
import { scrollBehavior } from '../../app/keys';
import { hitTerms, stepIndex } from './decorate';

export interface HitMode {
  kind: 'query' | 'find';
  hits: BlockHit[];
  index: number;
}

/**
 * Where a step goes when the reader has scrolled away from the current hit: n to the first hit at or
 * below the top of the view, N to the last one above its bottom (wrapping when there is none), so
 * stepping goes on from where the reader is, not from where the last step left off. Null while the
 * current hit is in view (or not drawn): then a step is the next hit after it.
 */
function stepFromView(scroller: HTMLElement, terms: readonly number[], current: number, delta: 1 | -1): number | null {
  const view = scroller.getBoundingClientRect();
  const firstMark = new Map<number, DOMRect>();
  for (const el of scroller.querySelectorAll<HTMLElement>('mark[data-hit]')) {
    const term = Number(el.dataset.hit);
    if (!firstMark.has(term)) firstMark.set(term, el.getBoundingClientRect());
  }
  const here = firstMark.get(current);
  if (!here || (here.bottom > view.top && here.top < view.bottom)) return null;
  if (delta > 0) {
    const next = terms.findIndex((t) => (firstMark.get(t)?.top ?? -Infinity) >= view.top);
    return next === -1 ? 0 : next;
  }
  const before = terms.findLastIndex((t) => (firstMark.get(t)?.bottom ?? Infinity) <= view.bottom);
  return before === -1 ? terms.length - 1 : before;
}

/**
 * Hit mode: the marks of a search (or of find in article), a current hit, and stepping through
 * them with wrap-around, from the reading position once the reader scrolled away (stepFromView). Each
 * step scrolls the current hit's first mark into view.
 */
export function useHitNavigation(scrollRef: RefObject<HTMLElement | null>, initialHits: BlockHit[], initialIndex = 0) {
  // A search opens at its best passage (Article.bestHit), and stepping goes on from there.
  const [mode, setMode] = useState<HitMode | null>(
    initialHits.length > 0 ? { kind: 'query', hits: initialHits, index: Math.min(initialIndex, initialHits.length - 1) } : null,
  );
  const terms = useMemo(() => (mode ? hitTerms(mode.hits) : []), [mode]);
  const currentTerm = mode && terms.length > 0 ? terms[mode.index]! : -1;
  const isFirstScroll = useRef(true);

  useEffect(() => {
    if (currentTerm < 0) return;
    const mark = scrollRef.current?.querySelector(`mark[data-hit="${currentTerm}"]`);
    // The first hit of a freshly opened article is shown at once; later steps may glide.
    mark?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: isFirstScroll.current ? 'auto' : scrollBehavior() });
    isFirstScroll.current = false;
  }, [mode, currentTerm, scrollRef]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (!mode) return;
      const fromView = scrollRef.current ? stepFromView(scrollRef.current, terms, currentTerm, delta) : null;
      setMode({ ...mode, index: fromView ?? stepIndex(mode.index, delta, terms.length) });
    },
    [mode, terms, currentTerm, scrollRef],
  );
  const show = useCallback((kind: HitMode['kind'], hits: BlockHit[]) => setMode({ kind, hits, index: 0 }), []);
  const clear = useCallback(() => setMode(null), []);
  const clearFind = useCallback(() => setMode((m) => (m?.kind === 'find' ? null : m)), []);

  return { mode, count: terms.length, index: mode?.index ?? 0, currentTerm, step, show, clear, clearFind };
}
