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
 * Hit mode: the marks of a search (or of find in article), a current hit, and stepping through
 * them with wrap-around. Each step scrolls the current hit's first mark into view.
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
    (delta: 1 | -1) => setMode((m) => (m ? { ...m, index: stepIndex(m.index, delta, hitTerms(m.hits).length) } : m)),
    [],
  );
  const show = useCallback((kind: HitMode['kind'], hits: BlockHit[]) => setMode({ kind, hits, index: 0 }), []);
  const clear = useCallback(() => setMode(null), []);
  const clearFind = useCallback(() => setMode((m) => (m?.kind === 'find' ? null : m)), []);

  return { mode, count: terms.length, index: mode?.index ?? 0, currentTerm, step, show, clear, clearFind };
}
