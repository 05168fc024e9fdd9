import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../../common/contract';
import { nextIndex } from '../../components/listNavigation';
import { LibraryRow } from './LibraryRow';
import './LibraryList.css';

/** A row with a two-line title and its details; each row is measured once it renders, and is as tall as it needs. */
const ROW_ESTIMATE = 92;

interface Props {
  total: number;
  version: number;
  rowAt: (index: number) => ArticleSummary | null;
  ensure: (first: number, last: number) => void;
  currentId: string | null;
  progressOf: (item: ArticleSummary) => number | null;
  onOpen: (id: string) => void;
}

/**
 * Every article, virtualized: only the rows in view exist, so 10,000 rows scroll as smoothly as
 * 10. One row is in the tab order; ↑/↓ or j/k move between rows, Home and End jump.
 */
export function LibraryList({ total, version, rowAt, ensure, currentId, progressOf, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    // The pane is hidden (display: none) while a search shows, and a hidden row measures 0: keep its size.
    measureElement: (el, entry, instance) =>
      measureElement(el, entry, instance) || (instance.measurementsCache[Number(el.getAttribute('data-index'))]?.size ?? ROW_ESTIMATE),
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => ensure(first, last), [first, last, version, ensure]);
  useEffect(() => {
    if (active >= total) setActive(Math.max(0, total - 1));
  }, [active, total]);
  // A row scrolled to by keyboard exists only after the next render; focus it then.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${pendingFocus.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = nextIndex(e.key, active, total);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onFocusRow = useCallback((index: number) => setActive(index), []);
  const tabbable = items.some((it) => it.index === active) ? active : first;

  return (
    <div ref={scrollRef} className="library-scroll">
      <ul aria-label="Articles" className="library-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((it) => {
          const item = rowAt(it.index);
          return (
            <li
              key={it.key}
              ref={virtualizer.measureElement}
              data-index={it.index}
              className="library-item"
              style={{ transform: `translateY(${it.start}px)` }}
              aria-setsize={total}
              aria-posinset={it.index + 1}
            >
              {item ? (
                <LibraryRow
                  item={item}
                  index={it.index}
                  progress={progressOf(item)}
                  isCurrent={item.id === currentId}
                  isTabbable={it.index === tabbable}
                  onOpen={onOpen}
                  onFocusRow={onFocusRow}
                />
              ) : (
                <div className="library-row is-loading">
                  <span className="visually-hidden">Loading…</span>
                  <span className="skeleton skeleton-title" aria-hidden="true" />
                  <span className="skeleton skeleton-meta" aria-hidden="true" />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
