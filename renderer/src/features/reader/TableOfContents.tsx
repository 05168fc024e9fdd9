import { useEffect, useRef, type RefObject } from 'react';
import { scrollBehavior } from '../../app/keys';
import { IconButton } from '../../components/IconButton';
import type { TocEntry } from './toc';
import { useCurrentHeading } from './useCurrentHeading';

/** Room kept above and below the current entry when the list scrolls to it. */
const ENTRY_MARGIN_PX = 16;

/**
 * The article's headings; choosing one scrolls to it and moves focus there. The entry of the section
 * being read is marked (aria-current="location") and kept in view inside the list as the reader scrolls.
 */
export function TableOfContents({
  entries,
  headingId,
  scrollRef,
  lang,
  dir,
  onClose,
}: {
  onClose: () => void;
  entries: TocEntry[];
  headingId: (block: number) => string;
  /** The reader's scrolling area, whose top decides the section being read. */
  scrollRef: RefObject<HTMLElement | null>;
  lang?: string | undefined;
  dir?: string | undefined;
}) {
  const navRef = useRef<HTMLElement>(null);
  const current = useCurrentHeading(scrollRef, entries, headingId);
  const top = Math.min(...entries.map((e) => e.level));
  const go = (block: number) => {
    const heading = document.getElementById(headingId(block));
    heading?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    heading?.focus({ preventScroll: true });
  };

  // Scrolls only the panel itself (scrollIntoView would scroll the article too), and moves no focus.
  useEffect(() => {
    const panel = navRef.current;
    const link = panel?.querySelector<HTMLElement>('[aria-current="location"]');
    if (!panel || !link) return;
    const box = panel.getBoundingClientRect();
    const entry = link.getBoundingClientRect();
    let delta = 0;
    if (entry.top < box.top + ENTRY_MARGIN_PX) delta = entry.top - box.top - ENTRY_MARGIN_PX;
    else if (entry.bottom > box.bottom - ENTRY_MARGIN_PX) delta = entry.bottom - box.bottom + ENTRY_MARGIN_PX;
    if (delta !== 0) panel.scrollBy({ top: delta, behavior: scrollBehavior() });
  }, [current]);

  return (
    <nav ref={navRef} className="side-panel toc" aria-label="Table of contents">
      <div className="panel-title-row">
        <h2 className="section-heading">Contents</h2>
        <IconButton icon="close" label="Close contents" onClick={onClose} />
      </div>
      <ol className="toc-list" lang={lang} dir={dir}>
        {entries.map((e) => (
          <li key={e.block} className={`toc-level-${Math.min(4, e.level - top + 1)}`}>
            <a
              href={`#${headingId(e.block)}`}
              aria-current={e.block === current ? 'location' : undefined}
              onClick={(ev) => {
                ev.preventDefault();
                go(e.block);
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
